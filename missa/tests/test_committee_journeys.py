"""The steering committee in a browser: an editor takes a meeting's roll and records its
decision; a visitor follows the decision from the register to the meeting, and reads a member's
attendance. Every page checked with axe at both widths."""

import datetime
import os

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import Browser, expect

from missa.accounts.models import User
from missa.activity.models import Activity
from missa.actors.models import Actor, ActorRole
from missa.browser import CHROMIUM, check, signed_in_cookie, watched_page
from missa.meetings.models import AgendaItem, Decision, Meeting

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]


@pytest.mark.parametrize("width", [1280, 375])
def test_an_editor_records_a_meeting_and_a_visitor_follows_its_decision(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    chloe = Actor.objects.create(
        kind=Actor.Kind.PERSON,
        name="Chloé Arnaud",
        slug="chloe",
        joined_on=datetime.date(2017, 5, 1),
    )
    ActorRole.objects.create(
        actor=chloe, role=ActorRole.Role.COMMITTEE_MEMBER, start_date=datetime.date(2017, 5, 1)
    )
    start = timezone.now() - datetime.timedelta(hours=3)
    meeting = Meeting.objects.create(
        slug="copil",
        title_fr="Le plan d'actions",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        place="Hôtel de ville",
        organiser=cast["carol"],
        published_at=start - datetime.timedelta(days=14),
    )
    AgendaItem.objects.create(meeting=meeting, order=1, title_fr="Les actions retenues")
    editor = User.objects.create_user("ed", "ed@example.org", "pw-sorgue-2017", is_staff=True)
    editor.groups.add(Group.objects.get(name="editors"))
    TOTP.activate(editor, generate_totp_secret())
    viewport = {"width": width, "height": 900}

    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(editor, live_server)])
        tab.goto(f"{live_server}/meetings/")
        check(tab, watch)
        tab.get_by_role("link", name="Le plan d'actions").click()
        check(tab, watch)
        tab.get_by_role("link", name="Relever les présences").click()
        check(tab, watch)
        tab.get_by_role("group", name="Chloé Arnaud").get_by_label("Excusé·e").check()
        tab.get_by_label("Invités").fill("Claire Fabre (agence de design)")
        tab.get_by_role("button", name="Enregistrer les présences").click()
        expect(tab.get_by_text("Les présences sont enregistrées.")).to_be_visible()
        check(tab, watch)
        tab.get_by_role("link", name="Enregistrer une décision").click()
        check(tab, watch)
        tab.get_by_label("Titre (français)").fill("Adoption du plan d'actions 2018–2020")
        tab.get_by_label("Texte (français)").fill("Le comité adopte le plan.")
        tab.get_by_label("Par vote").check()
        tab.get_by_role("button", name="Enregistrer la décision").click()
        # Without the votes: the form again, with what to correct.
        expect(tab.get_by_text("Indiquez le nombre de voix pour.")).to_be_visible()
        check(tab, watch)
        tab.get_by_label("Voix pour").fill("1")
        tab.get_by_label("Les actions retenues").check()
        tab.get_by_role("button", name="Enregistrer la décision").click()
        expect(tab.get_by_text("La décision 1 est enregistrée.")).to_be_visible()
        check(tab, watch)

    assert Decision.objects.get().votes_for == 1
    assert Activity.objects.filter(kind="took_decision", actor=cast["carol"]).count() == 1

    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.goto(f"{live_server}/decisions/")
        check(tab, watch)
        tab.get_by_label("Chercher dans les décisions").fill("plan")
        tab.get_by_role("button", name="Filtrer").click()
        tab.get_by_role("link", name="n° 1 Adoption du plan d'actions 2018–2020").click()
        expect(tab.get_by_text("1 pour, 0 contre, 0 abstentions")).to_be_visible()
        check(tab, watch)
        tab.get_by_role("link", name="Le plan d'actions").first.click()
        expect(tab.get_by_text("Claire Fabre (agence de design)")).to_be_hidden()
        tab.get_by_text("Qui est venu").click()
        expect(tab.get_by_text("Claire Fabre (agence de design)")).to_be_visible()
        check(tab, watch)
        tab.get_by_role("link", name="Chloé Arnaud").click()
        expect(tab.get_by_text("Excusé·e 1 fois.")).to_be_visible()
        check(tab, watch)
