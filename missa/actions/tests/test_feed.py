"""An action's Atom feed: the news its lead and partners post, newest first."""

from collections.abc import Callable

import pytest
from django.test import Client

from missa.accounts.models import User
from missa.actions.models import Action, Plan
from missa.actions.services import post_update
from missa.actors.models import Actor
from missa.testing.atom import read_atom

pytestmark = pytest.mark.django_db


def test_an_actions_feed_gives_its_news(
    client: Client, action: Action, alice_member: User, cast: dict[str, Actor]
) -> None:
    post_update(action=action, by=alice_member, actor=cast["alice"], text="Premier **banc**.")
    latest = post_update(action=action, by=alice_member, actor=cast["alice"], text="Deuxième.")
    feed = read_atom(client.get(f"/actions/{action.pk}/feed/"))
    assert len(feed.entries) == 2
    assert feed.entries[0].link.endswith(f"/actions/{action.pk}/#update-{latest.pk}")
    assert "par Atelier Alice" in feed.entries[0].title
    assert "<strong>banc</strong>" in feed.entries[1].summary
    page = client.get(f"/actions/{action.pk}/").content.decode()
    assert f'href="/actions/{action.pk}/feed/"' in page and f'id="update-{latest.pk}"' in page


def test_an_unpublished_plans_actions_have_no_feed(
    client: Client, action: Action, plan: Plan
) -> None:
    Plan.objects.filter(pk=plan.pk).update(published_at=None)
    assert client.get(f"/actions/{action.pk}/feed/").status_code == 404
    assert client.get("/actions/999999/feed/").status_code == 404


def test_an_actions_feed_runs_the_same_queries_at_two_sizes(
    client: Client,
    action: Action,
    alice_member: User,
    cast: dict[str, Actor],
    count_queries: Callable[[Callable[[], object]], int],
) -> None:
    def grow(n: int) -> None:
        for number in range(n):
            post_update(action=action, by=alice_member, actor=cast["alice"], text=f"N° {number}")

    grow(2)
    small = count_queries(lambda: client.get(f"/actions/{action.pk}/feed/"))
    grow(35)
    large = count_queries(lambda: client.get(f"/actions/{action.pk}/feed/"))
    assert small == large
    assert len(read_atom(client.get(f"/actions/{action.pk}/feed/")).entries) == 30
