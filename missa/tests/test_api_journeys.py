"""The API in a browser: a reuser finds its documentation from the footer, reads it, and
reads the actors of a sector from a script, as a partner's website would. Every page checked
with axe at both widths."""

import os

import pytest
from playwright.sync_api import Browser, expect

from missa.actors.models import Actor
from missa.browser import CHROMIUM, check, watched_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]


@pytest.mark.parametrize("width", [1280, 375])
def test_a_reuser_finds_the_api_and_reads_the_actors_of_a_sector(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, watch):
        tab.goto(f"{live_server}/")
        tab.get_by_role("navigation", name="À propos de ce site").get_by_role(
            "link", name="API"
        ).click()
        expect(tab.get_by_role("heading", level=1)).to_contain_text("L'API")
        check(tab, watch)
        tab.get_by_role("link", name="GET /api/v1/actors/", exact=True).click()
        expect(tab.get_by_role("heading", name="GET /api/v1/actors/ Actors")).to_be_visible()
        expect(
            tab.get_by_role("table", name="Paramètres de /api/v1/actors/", exact=True)
        ).to_be_visible()
        body = tab.evaluate("async () => (await fetch('/api/v1/actors/?sector=tourisme')).json()")
        assert [actor["slug"] for actor in body["results"]] == ["atelier-alice"]
        tab.goto(f"{live_server}/en/api/")
        expect(tab.get_by_role("heading", level=1)).to_contain_text("The API")
        check(tab, watch)
