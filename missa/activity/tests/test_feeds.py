"""An actor's and a sector's Atom feeds: public activities only, newest first, valid Atom."""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client

from missa.activity.models import Activity
from missa.activity.services import record_activity
from missa.actors.models import Actor
from missa.core.models import Sector
from missa.testing.atom import read_atom

pytestmark = pytest.mark.django_db


def test_an_actors_feed_lists_its_public_activities_newest_first(
    client: Client, cast: dict[str, Actor]
) -> None:
    feed = read_atom(client.get("/actors/atelier-alice/feed/"))
    assert feed.feed.title == "Atelier Alice pour le territoire"
    assert [entry.title for entry in feed.entries] == ["Portes ouvertes de l'atelier"]
    entry = feed.entries[0]
    open_day = Activity.objects.get(title="Portes ouvertes de l'atelier")
    assert entry.link.endswith(f"/actors/atelier-alice/activities/{open_day.pk}/")
    assert entry.published.startswith("2017-06-10")
    assert "Brouillon d'Alice" not in str(feed)
    english = read_atom(client.get("/en/actors/atelier-alice/feed/"))
    assert english.feed.title == "Atelier Alice for the territory"
    assert english.entries[0].title == "Workshop open day"


def test_hidden_or_unknown_actors_have_no_feed(client: Client, cast: dict[str, Actor]) -> None:
    assert client.get("/actors/dave-discret/feed/").status_code == 404
    assert client.get("/actors/personne/feed/").status_code == 404


def test_a_sectors_feed_and_its_announcement(
    client: Client, cast: dict[str, Actor], sectors: dict[str, Sector]
) -> None:
    record_activity(
        actor=cast["alice"],
        kind=Activity.Kind.PARTNERSHIP,
        title="Partenariat avec l'office",
        date=datetime.date(2017, 7, 2),
        sectors=[sectors["tourisme"]],
    )
    feed = read_atom(client.get("/sectors/tourisme/feed/"))
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == "Partenariat avec l'office"
    page = client.get("/sectors/tourisme/").content.decode()
    assert 'type="application/atom+xml" href="/sectors/tourisme/feed/"' in page
    actor_page = client.get("/actors/atelier-alice/").content.decode()
    assert 'href="/actors/atelier-alice/feed/"' in actor_page
    assert client.get("/sectors/nulle-part/feed/").status_code == 404


@pytest.mark.parametrize(
    "url", ["/actors/atelier-alice/feed/", "/sectors/tourisme/feed/", "/journal/feed/"]
)
def test_a_feed_holds_the_latest_thirty_in_a_flat_number_of_queries(
    client: Client,
    cast: dict[str, Actor],
    sectors: dict[str, Sector],
    count_queries: Callable[[Callable[[], object]], int],
    url: str,
) -> None:
    def grow(n: int, start: int) -> None:
        for number in range(start, start + n):
            record_activity(
                actor=cast["alice"],
                kind=Activity.Kind.HOSTED_EVENT,
                title=f"Atelier {number}",
                # One a week: the journal gains months too.
                date=datetime.date(2017, 1, 1) + datetime.timedelta(days=7 * number),
                sectors=[sectors["tourisme"]],
            )

    grow(2, 0)
    small = count_queries(lambda: client.get(url))
    grow(40, 2)
    large = count_queries(lambda: client.get(url))
    assert small == large, (small, large)
    feed = read_atom(client.get(url))
    if url.startswith("/journal/"):
        # The months of the programme with activity or an editorial, newest first.
        assert 1 <= len(feed.entries) <= 30
    else:
        assert len(feed.entries) == 30 and feed.entries[0].title == "Atelier 41"
