"""A rejected application seen by its applicant, and a misuse of the brand reported."""

import os
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from missa.accounts.models import User
from missa.actors.models import Actor
from missa.applications.models import Application
from missa.applications.services import reject_application
from missa.brandkit.models import MisuseReport
from missa.browser import CHROMIUM, PageWatch, check, signed_in_cookie
from missa.charter.models import CharterVersion, Commitment
from missa.charter.services import publish_charter_version

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]


def test_a_rejected_applicant_reads_the_reason(
    live_server: object, cast: dict[str, Actor], browser: Browser
) -> None:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    version = CharterVersion.objects.create(title_fr="Charte", text_fr="Texte")
    Commitment.objects.create(version=version, text_fr="Promouvoir")
    publish_charter_version(version=version)
    applicant = User.objects.create_user("eve", "eve@example.org", "pw-sorgue-2017")
    reviewer = User.objects.create_user("rev", "rev@example.org", "pw-sorgue-2017")
    TOTP.activate(reviewer, generate_totp_secret())
    application = Application.objects.create(
        applicant=applicant,
        kind="association",
        name="Les Amis du Vélo",
        town="Sorgueville",
        description="-",
        motivation="-",
        charter_version=version,
        charter_accepted_at=timezone.now(),
    )
    reject_application(application=application, reviewer=reviewer, reason="Hors du territoire.")

    session = SessionStore()
    session[SESSION_KEY] = str(applicant.pk)
    session[BACKEND_SESSION_KEY] = "missa.accounts.backends.TwoFactorModelBackend"
    session[HASH_SESSION_KEY] = applicant.get_session_auth_hash()
    session.save()
    from missa.browser import watched_page

    with watched_page(browser) as (tab, watch):
        tab.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": session.session_key or "",
                    "url": str(live_server),
                }
            ]
        )
        tab.goto(f"{live_server}/network/my-applications/")
        check(tab, watch)
        tab.get_by_role("link", name="Les Amis du Vélo").click()
        expect(tab.get_by_text("Hors du territoire.")).to_be_visible()
        expect(tab.get_by_text("Refusée").first).to_be_visible()
        check(tab, watch)


def test_anyone_reports_a_misuse_of_the_brand(
    live_server: object, territory: object, page: tuple[Page, PageWatch]
) -> None:
    tab, watch = page
    tab.goto(f"{live_server}/brand-kit/")
    check(tab, watch)
    tab.get_by_role("link", name="Signaler un mauvais usage de la marque").click()
    check(tab, watch)
    tab.get_by_label("Qu'avez-vous vu ?").fill("Le logo déformé sur une affiche au marché.")
    tab.get_by_role("button", name="Envoyer le signalement").click()
    expect(tab.get_by_text("Merci : l'équipe de la commune va s'en occuper.")).to_be_visible()
    check(tab, watch)
    assert MisuseReport.objects.get().description.startswith("Le logo déformé")


def test_an_editor_hides_a_reported_action(
    live_server: object, cast: dict[str, Actor], browser: Browser
) -> None:
    from missa.activity.services import report_activity
    from missa.browser import watched_page

    editor = User.objects.create_superuser("ed", "ed@example.org", "pw-sorgue-2017")
    TOTP.activate(editor, generate_totp_secret())
    activity = report_activity(
        actor=cast["alice"],
        user=editor,
        kind="promoted_brand",
        title="Affiche douteuse",
        date=cast["alice"].joined_on,
    )
    with watched_page(browser) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(editor, live_server)])
        tab.goto(f"{live_server}/actors/atelier-alice/reports/{activity.pk}/hide/")
        check(tab, watch)
        tab.get_by_label("Pourquoi la masquer").fill("Hors du territoire.")
        tab.get_by_role("button", name="La masquer").click()
        expect(tab.get_by_text("Hors du territoire.")).to_be_visible()
        check(tab, watch)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_visitor_finds_the_front_door_and_starts_to_apply(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    from missa.applications.models import Question
    from missa.browser import watched_page

    version = CharterVersion.objects.create(title_fr="Charte", text_fr="Texte")
    Commitment.objects.create(version=version, text_fr="Promouvoir le territoire")
    publish_charter_version(version=version)
    Question.objects.create(question_fr="Combien ça coûte ?", answer_fr="Rien.")
    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, watch):
        tab.goto(f"{live_server}/")
        tab.get_by_role("link", name="Devenir ambassadeur").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Devenir ambassadeur")
        tab.get_by_text("Combien ça coûte ?").click()
        expect(tab.get_by_text("Rien.", exact=True)).to_be_visible()
        check(tab, watch)
        tab.get_by_role("link", name="Créer mon compte et candidater").click()
        expect(tab).to_have_url(re.compile(r"/accounts/signup/\?next=/network/apply/"))
        check(tab, watch)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_member_goes_from_their_home_to_reporting_an_action(
    live_server: object, cast: dict[str, Actor], owner: User, browser: Browser, width: int
) -> None:
    from missa.browser import watched_page

    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(owner, live_server)])
        tab.goto(f"{live_server}/my-organisation/")
        expect(tab.get_by_role("heading", level=1)).to_have_text("Mon organisation")
        check(tab, watch)
        tab.get_by_role("link", name="Signaler une action").first.click()
        expect(tab.get_by_role("heading", level=1)).to_have_text(
            "Signaler une action pour le territoire"
        )
        check(tab, watch)
