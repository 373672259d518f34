"""The maps in a browser: the directory's map view, an actor's page and the pin an organisation
places on its page, at desktop and phone widths, checked with axe-core; no third-party request."""

import os
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Page, Request, expect

from missa.actors.models import Actor
from missa.browser import CHROMIUM, check, watched_page
from missa.core.models import Territory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]

SQUARE = [[[5.0, 43.88], [5.1, 43.88], [5.1, 43.98], [5.0, 43.98], [5.0, 43.88]]]
NEIGHBOUR = [[[5.1, 43.88], [5.2, 43.88], [5.2, 43.98], [5.1, 43.98], [5.1, 43.88]]]


@pytest.fixture
def placed(cast: dict[str, Actor], territory: Territory) -> dict[str, Actor]:
    territory.map_outlines = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "Sorgueville", "kind": "territory"},
                "geometry": {"type": "Polygon", "coordinates": SQUARE},
            },
            {
                "type": "Feature",
                "properties": {"name": "Le Voisin", "kind": "neighbour"},
                "geometry": {"type": "Polygon", "coordinates": NEIGHBOUR},
            },
        ],
    }
    territory.map_attribution = "Contours : IGN Admin Express"
    territory.save()
    Actor.objects.filter(pk=cast["alice"].pk).update(
        latitude=Decimal("43.91899"), longitude=Decimal("5.05035")
    )
    Actor.objects.filter(pk=cast["carol"].pk).update(
        latitude=Decimal("43.93"), longitude=Decimal("5.15")
    )
    return cast


def only_local(tab: Page, live_server: Any) -> list[str]:
    """Record every request that leaves the test server (none should)."""
    elsewhere: list[str] = []

    def seen(request: Request) -> None:
        if not request.url.startswith((str(live_server), "data:")):
            elsewhere.append(request.url)

    tab.on("request", seen)
    return elsewhere


@pytest.mark.parametrize("width", [1280, 375])
def test_the_directory_map_draws_the_pins_and_keeps_the_filters(
    live_server: Any, placed: dict[str, Actor], browser: Browser, width: int
) -> None:
    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, watch):
        elsewhere = only_local(tab, live_server)
        tab.goto(f"{live_server}/actors/")
        tab.get_by_role("link", name="Sur une carte").click()
        region = tab.get_by_role("region", name="Carte des acteurs trouvés")
        expect(region).to_be_visible()
        expect(region.locator(".leaflet-overlay-pane path")).to_have_count(2)
        expect(region.get_by_text("Sorgueville", exact=True)).to_be_visible()
        expect(region.get_by_text("Contours : IGN Admin Express")).to_be_visible()
        pins = region.locator(".map-pin, .map-cluster")
        expect(pins.first).to_be_visible()
        check(tab, watch)

        # A pin opens a link to the actor's page.
        region.get_by_role("button", name="CCI de Sorgueville").click()
        expect(region.get_by_role("link", name="CCI de Sorgueville")).to_be_visible()

        # Filtering keeps the map view and redraws it with the pins found.
        tab.get_by_text("Filtres et tri").click()
        tab.get_by_label("Type").select_option("company")
        expect(tab.get_by_text("1 acteur trouvé")).to_be_visible()
        assert "view=map" in tab.url and "kind=company" in tab.url
        region = tab.get_by_role("region", name="Carte des acteurs trouvés")
        expect(region.get_by_role("button", name="Atelier Alice")).to_be_visible()
        expect(region.get_by_role("button", name="CCI de Sorgueville")).to_have_count(0)
        check(tab, watch)

        # Back to the list, with the same filters.
        tab.get_by_role("link", name="En liste").click()
        assert "kind=company" in tab.url and "view=map" not in tab.url
        expect(tab.get_by_role("region")).to_have_count(0)
        assert elsewhere == []


@pytest.mark.parametrize("width", [1280, 375])
def test_an_actor_page_shows_where_it_is(
    live_server: Any, placed: dict[str, Actor], browser: Browser, width: int
) -> None:
    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, watch):
        elsewhere = only_local(tab, live_server)
        tab.goto(f"{live_server}/actors/atelier-alice/")
        region = tab.get_by_role("region", name="Où se trouve Atelier Alice")
        expect(region.locator(".map-pin")).to_be_visible()
        expect(tab.get_by_text("latitude 43.91899, longitude 5.05035")).to_be_visible()
        check(tab, watch)
        assert elsewhere == []


def test_an_organisation_places_its_pin_on_the_map(
    live_server: Any, placed: dict[str, Actor], owner: Any, browser: Browser
) -> None:
    Actor.objects.filter(pk=placed["alice"].pk).update(latitude=None, longitude=None)
    client = Client()
    client.force_login(owner)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    with watched_page(browser, viewport={"width": 375, "height": 900}) as (tab, watch):
        tab.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": str(live_server)}]
        )
        tab.goto(f"{live_server}/actors/atelier-alice/edit/")
        region = tab.get_by_role("region", name="Place de l'organisation sur la carte")
        expect(region.locator(".leaflet-overlay-pane path")).to_have_count(2)
        check(tab, watch)
        region.click(position={"x": 120, "y": 120})
        latitude = tab.get_by_label("Latitude")
        expect(latitude).not_to_have_value("")
        expect(region.locator(".map-pin")).to_be_visible()
        placed_at = (
            float(latitude.input_value()),
            float(tab.get_by_label("Longitude").input_value()),
        )

        # Typing coordinates moves the pin; saving keeps them.
        latitude.fill("43,93")
        tab.get_by_label("Longitude").fill("5.06")
        tab.get_by_label("Longitude").press("Tab")
        tab.get_by_role("button", name="Enregistrer").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Atelier Alice")
        check(tab, watch)
    alice = Actor.objects.get(pk=placed["alice"].pk)
    assert alice.location == (43.93, 5.06)
    assert placed_at != (43.93, 5.06)
