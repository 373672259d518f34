"""Signing up, verifying the address from the mailbox, signing out and in again."""

import os
import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from missa.browser import CHROMIUM, PageWatch, check

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]
PASSWORD = "sorgue-2017-venise"
PASSWORD_LABEL = re.compile(r"^Mot de passe\s*:?$")


def test_sign_up_verify_then_sign_in_again(
    live_server: object, territory: object, page: tuple[Page, PageWatch]
) -> None:
    tab, watch = page
    tab.goto(f"{live_server}/")
    tab.get_by_role("navigation", name="Votre compte").get_by_role(
        "link", name="Créer un compte"
    ).click()
    check(tab, watch)
    tab.get_by_label("Courriel").fill("lea@example.org")
    tab.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    tab.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    tab.get_by_role("button", name="Création de compte").click()
    expect(tab.get_by_role("heading", level=1)).to_be_visible()
    check(tab, watch)

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", str(mail.outbox[0].body))
    assert link
    path = re.sub(r"^https?://[^/]+", "", link.group(0))
    tab.goto(f"{live_server}{path}")
    check(tab, watch)
    tab.get_by_role("button", name="Confirmer").click()
    expect(tab.get_by_role("link", name="Mon compte")).to_be_visible()
    check(tab, watch)

    tab.get_by_role("button", name="Se déconnecter").click()
    expect(tab.get_by_role("link", name="Se connecter")).to_be_visible()
    tab.get_by_role("link", name="Se connecter").click()
    check(tab, watch)
    tab.get_by_label("Courriel").fill("lea@example.org")
    tab.get_by_label(PASSWORD_LABEL).fill("wrong-password")
    tab.get_by_role("button", name="Connexion").click()
    expect(tab.locator(".errorlist")).to_be_visible()
    check(tab, watch)
    tab.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    tab.get_by_role("button", name="Connexion").click()
    expect(tab.get_by_role("link", name="Mon compte")).to_be_visible()

    tab.get_by_role("link", name="Mon compte").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Mon profil")
    check(tab, watch)
    tab.get_by_label("Nom").fill("Léa Fabre")
    tab.get_by_role("button", name="Enregistrer").click()
    expect(tab.get_by_text("Votre profil est enregistré.")).to_be_visible()
    check(tab, watch)

    # The two-factor set-up page (authenticator app, QR code) is accessible too.
    tab.goto(f"{tab.url.split('/accounts/')[0]}/accounts/2fa/totp/activate/")
    expect(tab.get_by_role("heading", level=1)).to_be_visible()
    check(tab, watch)

    # Deleting the account.
    tab.goto(f"{tab.url.split('/accounts/')[0]}/accounts/profile/")
    tab.get_by_role("link", name="Supprimer mon compte").click()
    check(tab, watch)
    tab.get_by_label("Votre mot de passe, pour confirmer").fill(PASSWORD)
    tab.get_by_role("button", name="Supprimer définitivement mon compte").click()
    expect(
        tab.get_by_text("Votre compte et vos données personnelles sont supprimés.")
    ).to_be_visible()
    expect(tab.get_by_role("link", name="Se connecter")).to_be_visible()
    check(tab, watch)
