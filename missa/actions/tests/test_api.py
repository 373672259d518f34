"""The API's action plan: a plan's stored figures, its actions filtered as the tracker
filters them, an action with its milestones and funding; queries at two sizes."""

import datetime
from collections.abc import Callable
from functools import partial

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from missa.accounts.models import User
from missa.actions.models import Action, Plan
from missa.actions.services import save_milestone
from missa.actors.models import Actor
from missa.core.models import Sector

from .test_pages import grow

pytestmark = pytest.mark.django_db


def test_plan_with_its_stored_figures(client: Client, action: Action) -> None:
    plan = Plan.objects.get()
    body = client.get("/api/v1/plans/plan/").json()
    assert body["action_count"] == plan.action_count == 1
    assert body["status_counts"] == plan.status_counts
    assert body["budget_planned"] == float(plan.budget_planned) == 40000
    assert body["funding_shares"]["region"]["planned"] == 30000
    assert body["actions"] == "http://testserver/api/v1/plans/plan/actions/"
    assert client.get("/api/v1/plans/").json()["count"] == 1
    Plan.objects.filter(pk=plan.pk).update(published_at=None)
    assert client.get("/api/v1/plans/plan/").status_code == 404
    assert client.get("/api/v1/plans/plan/actions/").status_code == 404
    assert client.get(f"/api/v1/actions/{action.pk}/").status_code == 404


def test_action_with_milestones_funding_and_lateness(
    client: Client, action: Action, editor: User
) -> None:
    save_milestone(
        action=action,
        by=editor,
        title="Choisir les bancs",
        due_on=timezone.localdate() - datetime.timedelta(days=3),
        weight=40,
    )
    body = client.get(f"/api/v1/actions/{action.pk}/").json()
    assert body["title"] == {"fr": "Des bancs sur les quais", "en": "Benches on the quays"}
    assert body["lead"] == "atelier-alice" and body["sectors"] == ["tourisme"]
    assert [(line["source"], line["planned"]) for line in body["funding"]] == [
        ("region", 30000),
        ("town", 10000),
    ]
    assert body["milestones"][0]["weight"] == 40 and body["milestones"][0]["done_on"] is None
    # A milestone past due makes it late, as the tracker's filter says.
    assert body["late"] is True
    listed = client.get("/api/v1/plans/plan/actions/?status=late").json()
    assert [item["id"] for item in listed["results"]] == [action.pk]
    assert listed["results"][0]["late"] is True


def test_plan_actions_filters(
    client: Client,
    plan: Plan,
    action: Action,
    cast: dict[str, Actor],
    sectors: dict[str, Sector],
) -> None:
    grow(plan, cast["carol"], sectors, 4)

    def numbers(query: str) -> list[int]:
        response = client.get(f"/api/v1/plans/plan/actions/?{query}")
        assert response.status_code == 200, response.content
        return [item["number"] for item in response.json()["results"]]

    everything = numbers("")
    assert everything == sorted(everything) and len(everything) == 5
    assert numbers("q=bancs") == [action.number]
    assert numbers("status=planned") == [action.number]
    assert (
        numbers("sort=budget")[0]
        == max(Action.objects.all(), key=lambda item: (item.budget_planned, -item.number)).number
    )
    for query in ("sector=peche", "status=oublie", "sort=hasard", "per_page=0"):
        assert client.get(f"/api/v1/plans/plan/actions/?{query}").status_code == 400, query


def test_plan_queries_stay_flat(
    client: Client,
    plan: Plan,
    cast: dict[str, Actor],
    sectors: dict[str, Sector],
    count_queries: Callable[[Callable[[], object]], int],
) -> None:
    urls = ["/api/v1/plans/plan/actions/", "/api/v1/plans/plan/actions/?sector=tourisme"]
    grow(plan, cast["alice"], sectors, 3)
    cache.clear()
    small = [count_queries(partial(client.get, url)) for url in urls]
    grow(plan, cast["alice"], sectors, 40)
    cache.clear()
    large = [count_queries(partial(client.get, url)) for url in urls]
    assert small == large and max(large) <= 10
