"""Browser journeys through what makes MISSA trustworthy, checked with axe-core at two widths:
a committee member told to set up two-factor authentication and brought back, a month whose
editorial is to come, a form sent without its CSRF token, and a deletion that asks for a code.
"""

import os
import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from missa.accounts.models import User
from missa.actors.models import Actor
from missa.browser import CHROMIUM, PageWatch, check, watched_page
from missa.testing.totp import current_totp_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]
PASSWORD = "sorgue-2017-venise"
PASSWORD_LABEL = re.compile(r"^Mot de passe\s*:?$")
PHONE = {"width": 375, "height": 812}


def code(secret: str) -> str:
    return current_totp_code(secret)


def sign_in(tab: Page, live_server: object, email: str, next_path: str = "") -> None:
    tab.goto(f"{live_server}/accounts/login/{next_path}")
    tab.get_by_label("Courriel").fill(email)
    tab.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    tab.get_by_role("button", name="Connexion").click()


def person(email: str) -> User:
    user = User.objects.create_user(email.split("@")[0], email, PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def test_a_committee_member_sets_up_two_factor_and_comes_back(
    live_server: object, cast: dict[str, Actor], page: tuple[Page, PageWatch]
) -> None:
    tab, watch = page
    member = person("bob@example.org")
    Actor.objects.filter(pk=cast["bob"].pk).update(user=member)
    watch.allowed_statuses.add(403)
    sign_in(tab, live_server, "bob@example.org", "?next=/network/review/")
    # The role is there, the second factor is not: the page says so and how.
    expect(tab.get_by_role("heading", level=1)).to_have_text("Accès refusé")
    check(tab, watch)
    tab.get_by_role("link", name="Mettre en place l'authentification à deux facteurs").click()
    tab.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    tab.get_by_role("button", name="Confirmer").click()
    secret = tab.locator("#authenticator_secret").input_value()
    check(tab, watch)
    tab.get_by_label("Code de l'authentificateur").fill(code(secret))
    tab.get_by_role("button", name="Activer").click()
    check(tab, watch)
    tab.get_by_role("link", name="Continuer là où j'allais").click()
    expect(tab).to_have_url(re.compile(r"/network/review/$"))
    expect(tab.get_by_role("heading", level=1)).to_be_visible()
    check(tab, watch)


def test_a_month_whose_editorial_is_to_come_at_two_widths(
    live_server: object, cast: dict[str, Actor], browser: Browser
) -> None:
    today = timezone.localdate()
    for viewport in ({"width": 1280, "height": 900}, PHONE):
        with watched_page(browser, viewport=viewport) as (tab, watch):
            tab.goto(f"{live_server}/journal/{today:%Y/%m}/")
            expect(tab.get_by_text("L'éditorial de ce mois est à venir")).to_be_visible()
            check(tab, watch)
            tab.goto(f"{live_server}/journal/")
            expect(tab.get_by_text("Aucune activité enregistrée de")).to_be_visible()
            check(tab, watch)
            tab.goto(f"{live_server}/")
            expect(tab.get_by_role("heading", name="Chiffres clés")).to_be_visible()
            check(tab, watch)
            tab.goto(f"{live_server}/network/register/")
            check(tab, watch)
            tab.goto(f"{live_server}/actors/?q=atelier")
            expect(tab.get_by_role("link", name="Atelier Alice")).to_be_visible()
            check(tab, watch)


def test_a_form_sent_without_its_token_says_what_to_do(
    live_server: object, territory: object, page: tuple[Page, PageWatch]
) -> None:
    tab, watch = page
    tab.goto(f"{live_server}/brand-kit/report/")
    tab.context.clear_cookies()
    tab.get_by_label(re.compile("avez-vous vu")).fill("Un faux logo sur un flyer.")
    watch.allowed_statuses.add(403)
    tab.get_by_role("button", name="Envoyer").click()
    expect(tab.get_by_text("Le formulaire n'a pas pu être envoyé")).to_be_visible()
    check(tab, watch)


def test_deleting_an_account_asks_for_a_code(
    live_server: object, territory: object, page: tuple[Page, PageWatch]
) -> None:
    tab, watch = page
    user = person("lea@example.org")
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    TOTP.activate(user, secret)
    sign_in(tab, live_server, "lea@example.org")
    tab.get_by_label("Code").fill(code(secret))
    tab.get_by_role("button", name="Connexion").click()
    tab.goto(f"{live_server}/accounts/delete/")
    expect(tab.get_by_label(re.compile("application d'authentification"))).to_be_visible()
    check(tab, watch)
