"""The tracker, an action's page and the forms: what they show, their bad inputs, their queries."""

import datetime
import itertools
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from missa.accounts.models import User
from missa.actions.models import Action, Milestone, Plan
from missa.actions.services import FundingLine, recount, save_action, save_milestone
from missa.actors.models import Actor
from missa.core.models import Sector

from .conftest import values

pytestmark = pytest.mark.django_db
serial = itertools.count(1)


def grow(plan: Plan, lead: Actor, sectors: dict[str, Sector], n: int) -> None:
    """Add n actions with funding, a sector and a milestone (for the query counts)."""
    start = (plan.actions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    actions = Action.objects.bulk_create(
        [
            Action(
                plan=plan,
                number=start + index,
                title_fr=f"Action {next(serial)}",
                lead=lead,
                starts_on=datetime.date(2018, 6, 1),
                ends_on=datetime.date(2019, 6, 1),
                status="in_progress",
            )
            for index in range(n)
        ]
    )
    through: Any = Action.sectors.through
    through.objects.bulk_create(
        [through(action_id=a.pk, sector_id=sectors["tourisme"].pk) for a in actions]
    )
    Milestone.objects.bulk_create(
        [
            Milestone(action=a, title_fr="Devis", due_on=datetime.date(2018, 9, 1), weight=50)
            for a in actions
        ]
    )
    recount([plan])


def test_the_tracker_shows_the_plan_s_stored_figures_and_its_actions(
    client: Client, action: Action, plan: Plan, editor: User, cast: dict[str, Actor]
) -> None:
    save_action(
        plan=plan,
        by=editor,
        values=values(cast["carol"], title_fr="Festival", status="done"),
        funding=[FundingLine("town", Decimal(5000), Decimal(5000))],
    )
    page = client.get("/plan/plan/").content.decode()
    assert "Des bancs sur les quais" in page and "Festival" in page
    assert "2 actions" in page
    assert "5000 € dépensés sur 45000 € prévus" in page.replace("\xa0", "")
    # The plan's progress: (0 + 100) / 2.
    assert 'value="50"' in page
    filtered = client.get("/plan/plan/", {"status": "done"}).content.decode()
    assert "Festival" in filtered and "Des bancs sur les quais" not in filtered
    assert "Aucune action ne correspond" in client.get("/plan/plan/", {"q": "zzz"}).content.decode()


def test_late_is_computed_from_dates(
    client: Client, action: Action, editor: User, plan: Plan
) -> None:
    assert not action.is_late
    save_action(
        plan=plan,
        by=editor,
        action=action,
        values=values(action.lead, ends_on=timezone.localdate() - datetime.timedelta(days=1)),
    )
    late = client.get("/plan/plan/", {"status": "late"}).content.decode()
    assert "Des bancs sur les quais" in late and "en retard" in late
    assert Action.objects.late_on(timezone.localdate()).count() == 1
    save_milestone(
        action=action, by=editor, title="Devis", due_on=datetime.date(2018, 9, 1), weight=10
    )
    assert Action.objects.late_on(timezone.localdate()).count() == 1  # not counted twice


@pytest.mark.parametrize(
    "query",
    [{"status": "zz"}, {"sector": "nowhere"}, {"sort": "x"}, {"page": "-3"}, {"q": "\x00x"}],
)
def test_the_tracker_ignores_bad_parameters(
    client: Client, plan: Plan, query: dict[str, str]
) -> None:
    assert client.get("/plan/plan/", query).status_code == 200


def test_an_action_page_shows_its_milestones_partners_funding_and_history(
    client: Client, action: Action, editor: User
) -> None:
    save_milestone(
        action=action, by=editor, title="Devis signés", due_on=datetime.date(2018, 9, 1), weight=50
    )
    page = client.get(f"/actions/{action.pk}/").content.decode()
    for text in (
        "Devis signés",
        "CCI de Sorgueville",
        "Mécène",
        "Région",
        "Financement par source",
    ):
        assert text in page, text
    assert "Historique" in page
    assert client.get("/actions/999999/").status_code == 404
    unpublished = Plan.objects.create(
        slug="brouillon",
        title_fr="Brouillon",
        starts_on=action.plan.starts_on,
        ends_on=action.plan.ends_on,
    )
    Action.objects.filter(pk=action.pk).update(plan=unpublished)
    assert client.get(f"/actions/{action.pk}/").status_code == 404
    assert client.get("/plan/brouillon/").status_code == 404


def test_an_editor_writes_an_action_and_sees_clear_errors(
    client: Client, plan: Plan, editor: User, cast: dict[str, Actor]
) -> None:
    client.force_login(editor)
    data = {
        "title": "Navettes estivales",
        "lead": "Personne Inconnue",
        "starts_on": "2019-06-01",
        "ends_on": "2019-01-01",
        "status": "abandoned",
        "planned_town": "-5",
        "spent_region": "100",
        "partner_1_actor": "cci-sorgueville",
        "idea": "999999",
    }
    page = client.post("/plan/plan/new/", data).content.decode()
    for message in (
        "Aucun acteur de l&#x27;annuaire ne s&#x27;appelle « Personne Inconnue »",
        "Une action finit après avoir commencé",
        "Dites pourquoi",
        "Donnez aussi le budget prévu de ce financeur",
        "Dites le rôle du partenaire",
        "Aucune idée ne porte le numéro 999999",
    ):
        assert message in page, message
    assert not Action.objects.exists()
    data.update(
        {
            "lead": "Atelier Alice",
            "ends_on": "2020-06-01",
            "status": "in_progress",
            "planned_town": "12000",
            "planned_region": "3000",
            "partner_1_role": "Mécène",
            "idea": "",
        }
    )
    response = client.post("/plan/plan/new/", data)
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.lead == cast["alice"] and action.budget_planned == Decimal(15000)
    assert action.partners.get().actor == cast["carol"]
    # Changed: the form starts from what is stored.
    page = client.get(f"/actions/{action.pk}/edit/").content.decode()
    assert 'value="atelier-alice"' in page and 'value="12000.00"' in page


def test_the_lead_marks_a_milestone_done_and_posts_news(
    client: Client, action: Action, editor: User, alice_member: User
) -> None:
    milestone = save_milestone(
        action=action, by=editor, title="Devis", due_on=datetime.date(2018, 9, 1), weight=50
    )
    client.force_login(alice_member)
    url = f"/actions/{action.pk}/milestones/{milestone.pk}/done/"
    assert "Donnez sa preuve" in client.post(url, {"done_on": "2019-01-01"}).content.decode()
    response = client.post(
        url, {"done_on": "2019-01-01", "evidence_link": "https://example.org/devis"}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.progress == 100  # its only milestone, done
    response = client.post(
        f"/actions/{action.pk}/updates/new/",
        {"actor": action.lead_id, "text": "Les bancs sont **posés**."},
    )
    assert response.status_code == 302
    page = client.get(f"/actions/{action.pk}/").content.decode()
    assert "<strong>posés</strong>" in page
    assert client.get(f"/actions/{action.pk}/milestones/999999/done/").status_code == 404


def test_a_lead_s_page_lists_its_actions(
    client: Client, action: Action, cast: dict[str, Actor]
) -> None:
    assert "Des bancs sur les quais" in client.get("/actors/atelier-alice/").content.decode()
    assert "Des bancs sur les quais" in client.get("/actors/cci-sorgueville/").content.decode()


@pytest.mark.parametrize("url", ["/plan/plan/", "/plan/plan/?status=late", "/plan/plan/?q=action"])
def test_the_tracker_runs_the_same_queries_at_two_sizes(
    client: Client,
    plan: Plan,
    cast: dict[str, Actor],
    sectors: dict[str, Sector],
    count_queries: Callable[[Callable[[], object]], int],
    url: str,
) -> None:
    grow(plan, cast["alice"], sectors, 3)
    cache.clear()
    small = count_queries(lambda: client.get(url))
    grow(plan, cast["alice"], sectors, 40)
    cache.clear()
    large = count_queries(lambda: client.get(url))
    assert small == large <= 12, (url, small, large)


@pytest.mark.parametrize("signed_in", [False, True])
def test_an_action_page_runs_the_same_queries_at_two_sizes(
    client: Client,
    action: Action,
    editor: User,
    count_queries: Callable[[Callable[[], object]], int],
    signed_in: bool,
) -> None:
    if signed_in:
        client.force_login(editor)

    def page() -> int:
        cache.clear()
        return count_queries(lambda: client.get(f"/actions/{action.pk}/"))

    small = page()
    for number in range(12):
        save_milestone(
            action=action, by=editor, title=f"J{number}", due_on=datetime.date(2019, 1, 1), weight=5
        )
    large = page()
    assert small == large <= (24 if signed_in else 14), (small, large)
