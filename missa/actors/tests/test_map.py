"""Actors on the map: their pin (both coordinates or none, organisations only), placed from the
edit form, drawn on the directory's map view (which keeps the filters) and on the actor's page."""

import html
import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from missa.actors import views
from missa.actors.forms import ActorProfileForm
from missa.actors.models import Actor
from missa.actors.services import revert_revision
from missa.core.models import Sector, Territory

pytestmark = pytest.mark.django_db

SQUARE = [[[5.0, 43.9], [5.1, 43.9], [5.1, 44.0], [5.0, 44.0], [5.0, 43.9]]]
OUTLINES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"name": "Sorgueville", "kind": "territory"},
            "geometry": {"type": "Polygon", "coordinates": SQUARE},
        }
    ],
}


@pytest.fixture
def placed(cast: dict[str, Actor], territory: Territory) -> dict[str, Actor]:
    """Sorgueville drawn on the map; Atelier Alice and the CCI have their pin, Dave (hidden)
    too."""
    territory.map_outlines = OUTLINES
    territory.map_attribution = "Contours : IGN"
    territory.save()
    for name, latitude in (("alice", "43.91899"), ("carol", "43.95"), ("dave", "43.93")):
        Actor.objects.filter(pk=cast[name].pk).update(
            latitude=Decimal(latitude), longitude=Decimal("5.05035")
        )
        cast[name].refresh_from_db()
    return cast


def pins(client: Client, query: str = "") -> list[list[Any]]:
    response = client.get(f"/actors/?view=map{query}")
    assert response.status_code == 200
    found = re.search(r'data-pins="([^"]*)"', response.content.decode())
    return json.loads(html.unescape(found.group(1))) if found else []


def test_a_pin_needs_both_coordinates(cast: dict[str, Actor]) -> None:
    alice = cast["alice"]
    alice.latitude = Decimal("43.9")
    with pytest.raises(ValidationError) as raised:
        alice.full_clean()
    assert "longitude" in raised.value.message_dict
    alice.longitude = Decimal("5.05")
    alice.full_clean()
    alice.latitude = Decimal("91")
    with pytest.raises(ValidationError):
        alice.full_clean()


def test_people_are_not_places(cast: dict[str, Actor]) -> None:
    bob = cast["bob"]
    bob.latitude, bob.longitude = Decimal("43.9"), Decimal("5.05")
    with pytest.raises(ValidationError, match="organisations"):
        bob.full_clean()
    form = ActorProfileForm(instance=bob)
    assert "latitude" not in form.fields and "longitude" not in form.fields


@pytest.mark.parametrize(
    ("latitude", "longitude"), [("43.9", None), (None, "5.05"), ("95", "5"), ("43", "-181")]
)
def test_the_database_refuses_half_or_impossible_pins(
    cast: dict[str, Actor], latitude: str | None, longitude: str | None
) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Actor.objects.filter(pk=cast["alice"].pk).update(latitude=latitude, longitude=longitude)


def edit(client: Client, **values: str) -> Any:
    data = {
        "description_fr": "Un atelier",
        "sectors": [Sector.objects.get(slug="tourisme").pk],
        **values,
    }
    return client.post("/actors/atelier-alice/edit/", data)


def test_members_place_their_pin_with_a_comma_or_a_point(
    client: Client, member: Any, cast: dict[str, Actor]
) -> None:
    response = edit(client, latitude="43,918993", longitude="5.05035")
    assert response.status_code == 302
    alice = Actor.objects.get(pk=cast["alice"].pk)
    assert alice.location == (43.91899, 5.05035)
    revision = alice.revisions.get()
    assert revision.after["latitude"] == "43.91899" and revision.before["latitude"] == ""

    # Taking the pin away, then undoing that.
    edit(client, latitude="", longitude="")
    alice.refresh_from_db()
    assert alice.location is None
    revert_revision(revision=alice.revisions.first(), user=member)
    alice.refresh_from_db()
    assert alice.location == (43.91899, 5.05035)


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"latitude": "43.9"}, "longitude", "Indiquez à la fois la latitude et la longitude"),
        ({"longitude": "5.05"}, "latitude", "Indiquez à la fois la latitude et la longitude"),
        ({"latitude": "91", "longitude": "5"}, "latitude", "inférieure ou égale à 90"),
        ({"latitude": "nord", "longitude": "5"}, "latitude", "Saisissez un nombre"),
        ({"latitude": "1e999", "longitude": "5"}, "latitude", "Saisissez un nombre"),
    ],
)
def test_a_wrong_pin_gives_the_form_again_with_its_error(
    client: Client, member: Any, cast: dict[str, Actor], values: dict, field: str, message: str
) -> None:
    response = edit(client, **values)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert Actor.objects.get(pk=cast["alice"].pk).location is None


def test_the_edit_form_has_the_map_that_places_the_pin(
    client: Client, member: Any, placed: dict[str, Actor]
) -> None:
    page = client.get("/actors/atelier-alice/edit/").content.decode()
    assert 'data-map="picker"' in page
    assert 'data-latitude-input="id_latitude"' in page
    assert 'id="map-outlines"' in page and "Sorgueville" in page
    assert 'value="43.91899"' in page  # never "43,91899", which a number reader refuses


def test_the_directory_map_shows_the_public_actors_with_a_pin(
    client: Client, placed: dict[str, Actor]
) -> None:
    assert pins(client) == [
        [43.91899, 5.05035, "Atelier Alice", "/actors/atelier-alice/", "#0b5394"],
        [43.95, 5.05035, "CCI de Sorgueville", "/actors/cci-sorgueville/", "#0b5394"],
    ]
    # The map keeps the filters; the list stays under it.
    assert [pin[2] for pin in pins(client, "&kind=company")] == ["Atelier Alice"]
    assert [pin[2] for pin in pins(client, "&q=cci")] == ["CCI de Sorgueville"]
    cache.clear()  # the page was served to a visitor just before, from the page cache
    response = client.get("/actors/?view=map&kind=company")
    page = response.content.decode()
    assert [actor.name for actor in response.context["page"].object_list] == ["Atelier Alice"]
    assert '<input type="hidden" name="view" value="map"' in page
    assert 'href="/actors/?kind=company"' in page  # the same filters as a list
    assert "1 de ces acteurs a sa place sur la carte" in page
    assert "Contours : IGN" in page
    assert "vendor/leaflet/leaflet.js" in page


def test_the_english_map_links_to_english_pages(client: Client, placed: dict[str, Actor]) -> None:
    response = client.get("/en/actors/?view=map&kind=company")
    assert '"/en/actors/atelier-alice/"' in response.content.decode()


def test_the_list_view_loads_no_map(client: Client, placed: dict[str, Actor]) -> None:
    page = client.get("/actors/?kind=company").content.decode()
    assert "leaflet" not in page and "data-pins" not in page
    assert 'href="/actors/?kind=company&amp;view=map"' in page


def test_the_map_view_says_when_no_actor_has_a_pin(client: Client, cast: dict[str, Actor]) -> None:
    page = client.get("/actors/?view=map").content.decode()
    assert "Aucun de ces acteurs n'a encore sa place sur la carte" in page
    assert "data-pins" not in page


def test_an_unknown_view_is_the_list(client: Client, placed: dict[str, Actor]) -> None:
    response = client.get("/actors/?view=globe")
    assert response.status_code == 200
    assert "data-pins" not in response.content.decode()


def test_the_map_shows_at_most_so_many_pins_and_says_so(
    client: Client, placed: dict[str, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "MAP_PINS_MAX", 1)
    response = client.get("/actors/?view=map")
    assert [pin[2] for pin in pins(client)] == ["Atelier Alice"]
    assert "La carte montre le premier de ces acteurs qui ont une place" in (
        response.content.decode()
    )


def test_htmx_results_carry_their_map(client: Client, placed: dict[str, Actor]) -> None:
    html = client.get(
        "/actors/?view=map&kind=institution", headers={"HX-Request": "true"}
    ).content.decode()
    assert html.lstrip().startswith('<div id="results"')
    assert 'data-map="directory"' in html and "CCI de Sorgueville" in html


def test_the_map_view_runs_the_same_queries_at_two_sizes(
    placed: dict[str, Actor], assert_constant_queries: Callable[[str], None]
) -> None:
    assert_constant_queries("/actors/?view=map&sector=economique&sort=-joined")


def test_an_actor_page_shows_its_pin_and_its_coordinates_in_words(
    client: Client, placed: dict[str, Actor]
) -> None:
    page = client.get("/actors/atelier-alice/").content.decode()
    assert 'data-map="actor"' in page
    assert 'data-latitude="43.91899"' in page and 'data-longitude="5.05035"' in page
    assert "latitude 43.91899, longitude 5.05035" in page
    assert 'href="/actors/?view=map"' in page
    page = client.get("/actors/bob-martin/").content.decode()
    assert "data-map" not in page and "leaflet" not in page


class TestPinsRecount(HypothesisTestCase):
    """The map's pins are exactly the public actors with both coordinates, whatever the data."""

    @settings(max_examples=15, deadline=None)
    @given(
        st.lists(
            st.tuples(st.booleans(), st.booleans(), st.sampled_from(["company", "association"])),
            max_size=12,
        )
    )
    def test_pins_are_recounted(self, actors: list[tuple[bool, bool, str]]) -> None:
        Actor.objects.bulk_create(
            [
                Actor(
                    kind=kind,
                    name=f"Acteur {index:02d}",
                    slug=f"acteur-{index}",
                    is_public=public,
                    latitude=Decimal("43.9") if located else None,
                    longitude=Decimal("5.05") if located else None,
                )
                for index, (public, located, kind) in enumerate(actors)
            ]
        )
        expected = [
            f"Acteur {index:02d}"
            for index, (public, located, _kind) in enumerate(actors)
            if public and located
        ]
        assert [pin[2] for pin in pins(Client())] == expected
