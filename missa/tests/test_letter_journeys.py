"""Following the programme in a browser: someone follows an actor; someone subscribes to the
monthly letter, confirms and leaves in one click; an editor previews a month's letter and sends
it. Every page checked with axe at both widths."""

import os

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
def test_someone_follows_an_actor_from_its_page_and_finds_it_in_their_list(
    live_server: object, cast: dict[str, Actor], owner: User, browser: Browser, width: int
) -> None:
    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(owner, live_server)])
        tab.goto(f"{live_server}/actors/atelier-alice/")
        follow = tab.get_by_role("button", name="Suivre « Atelier Alice »")
        expect(follow).to_be_visible()
        check(tab, watch)
        follow.click()
        expect(tab.get_by_role("button", name="Ne plus suivre « Atelier Alice »")).to_be_visible()
        tab.goto(f"{live_server}/follows/")
        expect(tab.get_by_role("heading", level=1)).to_have_text("Ce que je suis")
        expect(tab.get_by_role("link", name="Atelier Alice")).to_be_visible()
        check(tab, watch)


@pytest.mark.parametrize("width", [1280, 375])
def test_someone_subscribes_confirms_and_unsubscribes_in_one_click(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    from missa.letters.models import Subscription
    from missa.letters.services import confirmation_token

    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, watch):
        tab.goto(f"{live_server}/")
        tab.get_by_role("navigation", name="À propos de ce site").get_by_role(
            "link", name="La lettre mensuelle"
        ).click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("La lettre mensuelle")
        check(tab, watch)
        tab.get_by_label("Votre adresse de courriel").fill("lea@example.org")
        tab.get_by_role("button", name="Recevoir la lettre").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text(
            "Vérifiez votre boîte de réception"
        )
        check(tab, watch)
        subscription = Subscription.objects.get()
        tab.goto(f"{live_server}/letter/confirm/{confirmation_token(subscription)}/")
        expect(tab.get_by_role("heading", level=1)).to_have_text("Vous recevrez la lettre")
        check(tab, watch)
        tab.goto(f"{live_server}/letter/unsubscribe/{subscription.key}/")
        check(tab, watch)
        tab.get_by_role("button", name="Se désabonner").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Vous êtes désabonné")
        check(tab, watch)
        subscription.refresh_from_db()
        assert subscription.unsubscribed_at is not None


@pytest.mark.parametrize("width", [1280, 375])
def test_an_editor_previews_a_months_letter_and_sends_it(
    live_server: object, cast: dict[str, Actor], editor: User, browser: Browser, width: int
) -> None:
    from django.utils import timezone

    from missa.letters.models import Delivery, Subscription

    Subscription.objects.create(email="lea@example.org", confirmed_at=timezone.now())
    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(editor, live_server)])
        tab.goto(f"{live_server}/admin/")
        tab.get_by_role("link", name="Adresses qui reçoivent la lettre mensuelle").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Lettres mensuelles")
        expect(tab.get_by_text("1 adresse reçoit la lettre")).to_be_visible()
        check(tab, watch)
        tab.get_by_role("link", name="Juin 2017", exact=True).click()
        expect(tab.get_by_role("heading", level=1)).to_contain_text("juin 2017")
        expect(tab.get_by_role("heading", name="Écouter le territoire")).to_be_visible()
        check(tab, watch)
        tab.get_by_role("button", name="Envoyer la lettre mensuelle, juin 2017").click()
        expect(tab.get_by_role("cell", name="envoyée le")).to_be_visible()
        expect(tab.get_by_role("status")).to_contain_text("La lettre part")
        check(tab, watch)
        assert Delivery.objects.filter(letter__month__month=6).count() == 1
        tab.get_by_role("link", name="Juin 2017", exact=True).click()
        expect(tab.get_by_text("Cette lettre est partie à 1 adresse.")).to_be_visible()
        check(tab, watch)
