"""Reusers in a browser: one finds the API's documentation from the footer and reads the actors
of a sector from a script, as a partner's website would; a member makes a token for their own
system; another finds the open data and its dictionary. Every page checked with axe at both
widths."""

import os
import re

import pytest
from playwright.sync_api import Browser, expect

from missa.accounts.models import User
from missa.actors.models import Actor
from missa.browser import CHROMIUM, check, signed_in_cookie, watched_page

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


@pytest.mark.parametrize("width", [1280, 375])
def test_a_member_makes_a_token_from_the_profile_and_revokes_it(
    live_server: object, cast: dict[str, Actor], owner: User, browser: Browser, width: int
) -> None:
    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(owner, live_server)])
        tab.goto(f"{live_server}/accounts/profile/")
        tab.get_by_role("link", name="Mes jetons d'API").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Mes jetons d'API")
        check(tab, watch)
        tab.get_by_role("button", name="Faire le jeton").click()
        expect(tab.get_by_role("alert")).to_contain_text("Corrigez les erreurs")
        check(tab, watch)
        tab.get_by_label("Qu'est-ce qui s'en servira ?").fill("Notre site")
        tab.get_by_role("button", name="Faire le jeton").click()
        new = tab.get_by_role("status").filter(has_text="Votre nouveau jeton")
        expect(new).to_be_visible()
        check(tab, watch)
        secret = new.locator("code").first.inner_text()
        assert secret.startswith("missa_")
        # The system reports with it, as a server would.
        reported = tab.request.post(
            f"{live_server}/api/v1/actors/atelier-alice/activities/",
            headers={"Authorization": f"Bearer {secret}"},
            data={"kind": "hosted_event", "title": "Atelier ouvert", "date": "2017-06-30"},
        )
        assert reported.status == 201, reported.text()
        tab.reload()
        expect(tab.get_by_role("status").filter(has_text="Votre nouveau jeton")).to_have_count(0)
        tab.get_by_role("button", name="Révoquer « Notre site »").click()
        expect(tab.get_by_text("Le jeton « Notre site » est révoqué")).to_be_visible()
        check(tab, watch)
        refused = tab.request.post(
            f"{live_server}/api/v1/actors/atelier-alice/activities/",
            headers={"Authorization": f"Bearer {secret}"},
            data={"kind": "hosted_event", "title": "Encore", "date": "2017-06-30"},
        )
        assert refused.status == 401


@pytest.mark.parametrize("width", [1280, 375])
def test_a_reuser_finds_the_open_data_and_its_dictionary(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, watch):
        tab.goto(f"{live_server}/")
        tab.get_by_role("navigation", name="À propos de ce site").get_by_role(
            "link", name="Données ouvertes"
        ).click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Données ouvertes")
        check(tab, watch)
        tab.get_by_text("Dictionnaire de données de « Acteurs »").click()
        expect(tab.get_by_role("table", name="Colonnes de actors")).to_be_visible()
        check(tab, watch)
        link = tab.get_by_role("link", name=re.compile(r"^Acteurs, CSV"))
        href = link.get_attribute("href")
        assert href == "/open-data/actors.csv"
        answer = tab.request.get(f"{live_server}{href}", max_redirects=0)
        assert answer.status == 302 and answer.headers["location"].endswith("/actors.csv")
