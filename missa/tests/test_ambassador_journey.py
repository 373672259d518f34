"""Becoming an ambassador end to end: sign up, verify, apply, a committee member approves."""

import datetime
import io
import os
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image
from playwright.sync_api import Page, expect

from missa.accounts.models import User
from missa.actors.models import Actor
from missa.brandkit.models import BrandAsset, Download
from missa.browser import CHROMIUM, PageWatch, check
from missa.charter.models import CharterVersion, Commitment
from missa.charter.services import publish_charter_version
from missa.factories import valid_siret
from missa.programme.models import Phase
from missa.testing.totp import current_totp_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]
PASSWORD = "sorgue-2017-venise"
PASSWORD_LABEL = re.compile(r"^Mot de passe\s*:?$")


def sign_in(tab: Page, watch: PageWatch, live_server: object, email: str, totp_secret: str) -> None:
    tab.goto(f"{live_server}/accounts/login/")
    tab.get_by_label("Courriel").fill(email)
    tab.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    tab.get_by_role("button", name="Connexion").click()
    # Committee members sign in with their authenticator app's code too.
    expect(tab.get_by_label("Code")).to_be_visible()
    check(tab, watch)
    tab.get_by_label("Code").fill(current_totp_code(totp_secret))
    tab.get_by_role("button", name="Connexion").click()
    expect(tab.get_by_role("link", name="Mon compte")).to_be_visible()


def test_a_company_becomes_an_ambassador(
    live_server: object, cast: dict[str, Actor], page: tuple[Page, PageWatch]
) -> None:
    tab, watch = page
    today = timezone.localdate()
    Phase.objects.create(
        slug="maintenant",
        name_fr="Plan d'actions",
        start_month=today.replace(day=1),
        end_month=today.replace(day=1) + datetime.timedelta(days=400),
    )
    version = CharterVersion.objects.create(title_fr="Charte des ambassadeurs", text_fr="Texte")
    Commitment.objects.create(version=version, text_fr="Promouvoir le territoire")
    Commitment.objects.create(version=version, text_fr="Parrainer", is_required=False)
    publish_charter_version(version=version)
    logo = BrandAsset(title_fr="Logo de la marque", kind="logo", access="members")
    image = io.BytesIO()
    Image.new("RGB", (40, 40), "#0b5394").save(image, format="PNG")
    logo.file.save("logo.png", ContentFile(image.getvalue()))
    member = User.objects.create_user("bob", "bob@example.org", PASSWORD)
    Actor.objects.filter(pk=cast["bob"].pk).update(user=member)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    secret = generate_totp_secret()
    TOTP.activate(member, secret)

    # Sign up and verify the address from the mailbox.
    tab.goto(f"{live_server}/accounts/signup/")
    tab.get_by_label("Courriel").fill("eve@example.org")
    tab.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    tab.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    tab.get_by_role("button", name="Création de compte").click()
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", str(mail.outbox[-1].body))
    assert link
    tab.goto(f"{live_server}{re.sub(r'^https?://[^/]+', '', link.group(0))}")
    tab.get_by_role("button", name="Confirmer").click()
    expect(tab.get_by_role("link", name="Mon compte")).to_be_visible()

    # Apply for a company with a valid SIRET.
    tab.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Le réseau"
    ).click()
    check(tab, watch)
    # The front door: what ambassadors commit to and receive, then the form.
    tab.get_by_role("link", name="Devenir ambassadeur").click()
    check(tab, watch)
    tab.get_by_role("link", name="Candidater pour rejoindre le réseau").click()
    check(tab, watch)
    tab.get_by_label("Type").select_option("company")
    tab.get_by_label(re.compile(r"^Nom\b")).fill("Glacier du Partage des Eaux")
    tab.get_by_label("SIRET").fill(valid_siret(777))
    tab.get_by_label("Commune").fill("L'Isle-sur-la-Sorgue")
    tab.get_by_label("Tourisme").check()
    tab.get_by_label("Description").fill("Glaces artisanales au bord de la Sorgue.")
    tab.get_by_label("Motivation").fill("Accueillir les visiteurs aux couleurs de la marque.")
    tab.get_by_label("Parrainer").check()
    tab.get_by_label("J'ai lu la charte").check()
    tab.get_by_role("button", name="Envoyer ma candidature").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Glacier du Partage des Eaux")
    expect(tab.get_by_text("Déposée").first).to_be_visible()
    check(tab, watch)
    tab.get_by_role("button", name="Se déconnecter").click()

    # A steering-committee member approves it.
    sign_in(tab, watch, live_server, "bob@example.org", secret)
    check(tab, watch)
    tab.get_by_role("link", name="Candidatures à examiner").click()
    check(tab, watch)
    tab.get_by_role("link", name="Glacier du Partage des Eaux").click()
    check(tab, watch)
    tab.get_by_role("button", name="Accepter").click()
    expect(tab.get_by_text("Acceptée : l'acteur fait désormais partie du réseau.")).to_be_visible()
    check(tab, watch)

    # Its member downloads a logo from the brand kit, after accepting the usage conditions.
    tab.get_by_role("button", name="Se déconnecter").click()
    tab.goto(f"{live_server}/accounts/login/")
    tab.get_by_label("Courriel").fill("eve@example.org")
    tab.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    tab.get_by_role("button", name="Connexion").click()
    tab.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Kit de marque"
    ).click()
    check(tab, watch)
    tab.get_by_role("link", name="Lire et accepter les conditions d'utilisation").click()
    check(tab, watch)
    tab.get_by_label("J'accepte les conditions d'utilisation de la marque.").check()
    tab.get_by_role("button", name="Accepter").click()
    check(tab, watch)
    with tab.expect_download() as download_info:
        tab.get_by_role("link", name="Télécharger Logo de la marque").click()
    assert download_info.value.suggested_filename == "logo-de-la-marque-v1.png"
    assert Download.objects.get().actor.name == "Glacier du Partage des Eaux"  # type: ignore[union-attr]

    # The member reports what the company did for the territory.
    tab.goto(f"{live_server}/actors/glacier-du-partage-des-eaux/")
    tab.get_by_role("link", name="Signaler une action").click()
    check(tab, watch)
    tab.get_by_label("Quel genre d'action ?").select_option("promoted_brand")
    tab.get_by_label("Titre").fill("Cornets aux couleurs de la marque")
    tab.get_by_label("Date").fill(today.isoformat())
    tab.get_by_role("button", name="Publier cette action").click()
    expect(tab.get_by_text("Cornets aux couleurs de la marque")).to_be_visible()
    check(tab, watch)

    # The member keeps the page up to date; the change is in its history.
    tab.goto(f"{live_server}/actors/glacier-du-partage-des-eaux/edit/")
    check(tab, watch)
    tab.get_by_role("button", name="Enregistrer").click()
    tab.goto(f"{live_server}/actors/glacier-du-partage-des-eaux/history/")
    check(tab, watch)
    tab.goto(f"{live_server}/accounts/my-data/")
    check(tab, watch)

    # The company is in the directory and in this month's journal.
    tab.goto(f"{live_server}/actors/?q=glacier")
    expect(tab.get_by_role("link", name="Glacier du Partage des Eaux")).to_be_visible()
    tab.goto(f"{live_server}/journal/{today:%Y/%m}/")
    expect(tab.get_by_role("link", name="Glacier du Partage des Eaux")).to_be_visible()
    check(tab, watch)
