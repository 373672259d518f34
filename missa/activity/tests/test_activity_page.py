"""Each public activity has its own page, linked from the lists that show it."""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client

from missa.activity.models import Activity
from missa.activity.services import record_activity
from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(cast: dict[str, Actor]) -> Activity:
    return record_activity(
        actor=cast["alice"],
        kind="hosted_event",
        title="Forum des artisans",
        text="Quarante artisans au bord de la Sorgue.\n\nUne belle journée.",
        link="https://forum.example.org/",
        date=datetime.date(2017, 6, 24),
    )


def test_an_activity_page_shows_what_who_when_where(client: Client, forum: Activity) -> None:
    url = forum.get_absolute_url()
    assert url == f"/actors/atelier-alice/activities/{forum.pk}/"
    html = client.get(url).content.decode()
    assert "<h1" in html and "Forum des artisans</h1>" in html
    assert "<p>Quarante artisans au bord de la Sorgue.</p>" in html
    assert 'href="https://forum.example.org/" rel="noopener noreferrer nofollow"' in html
    assert 'href="/journal/2017/06/">Juin 2017</a>' in html
    assert 'href="/actors/atelier-alice/">Atelier Alice</a>' in html
    assert "Tourisme</li>" in html  # the actor's sectors, since none were chosen


def test_the_lists_link_to_the_activity_page(client: Client, forum: Activity) -> None:
    link = f'href="{forum.get_absolute_url()}">Forum des artisans</a>'
    for page in ("/journal/2017/06/", "/actors/atelier-alice/", "/sectors/tourisme/"):
        assert link in client.get(page).content.decode(), page


def test_hidden_activities_and_wrong_addresses_are_not_found(
    client: Client, cast: dict[str, Actor], forum: Activity
) -> None:
    hidden = Activity.objects.get(title_fr="Brouillon d'Alice")
    private = Activity.objects.get(title_fr="Réunion privée de Dave")
    for url in (
        hidden.get_absolute_url(),
        private.get_absolute_url(),
        f"/actors/cci-sorgueville/activities/{forum.pk}/",  # another actor's
        "/actors/atelier-alice/activities/999999/",
        "/actors/atelier-alice/activities/abc/",
    ):
        assert client.get(url).status_code == 404, url


def test_an_activity_page_runs_the_same_queries_at_two_sizes(
    forum: Activity, assert_constant_queries: Callable[[str], None]
) -> None:
    assert_constant_queries(forum.get_absolute_url())
