"""The action plan in a browser: a visitor follows a decision to the action it creates, and
the action to the indicator it moves; the
lead's member marks a milestone done and posts news; an editor changes the action's status.
Every page checked with axe at both widths."""

import datetime
import os

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import Browser, expect

from missa.accounts.models import User
from missa.actions.models import Action, Milestone, Plan
from missa.actors.models import Actor, Membership
from missa.browser import CHROMIUM, check, signed_in_cookie, watched_page
from missa.core.models import Benefit
from missa.indicators.models import Indicator, Measurement
from missa.indicators.services import refresh_indicator
from missa.meetings.models import Decision, Meeting

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]


@pytest.mark.parametrize("width", [1280, 375])
def test_a_decision_leads_to_its_action_which_its_lead_moves_forward(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    start = timezone.now() - datetime.timedelta(days=30)
    meeting = Meeting.objects.create(
        slug="copil",
        title_fr="Le plan d'actions",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        place="Hôtel de ville",
        organiser=cast["carol"],
        published_at=start,
        held_at=start,
    )
    decision = Decision.objects.create(
        number=7,
        meeting=meeting,
        decided_on=meeting.date,
        title_fr="Des bancs sur les quais",
        text_fr="Le comité retient l'idée.",
        method="consensus",
    )
    plan = Plan.objects.create(
        slug="plan",
        title_fr="Plan d'actions 2018–2020",
        starts_on=datetime.date(2018, 5, 1),
        ends_on=datetime.date(2020, 12, 31),
        published_at=timezone.now(),
    )
    action = Action.objects.create(
        plan=plan,
        number=1,
        title_fr="Poser des bancs",
        lead=cast["alice"],
        starts_on=datetime.date(2018, 6, 1),
        ends_on=timezone.localdate() + datetime.timedelta(days=90),
        status="in_progress",
        decision=decision,
    )
    quality = Benefit.objects.get_or_create(
        slug="qualite-de-vie", defaults={"name_fr": "Qualité de vie"}
    )[0]
    action.benefits.add(quality)
    population = Indicator.objects.create(
        slug="population",
        name_fr="Population municipale",
        definition_fr="Les habitants.",
        unit_fr="habitants",
        source_fr="INSEE",
        frequency="yearly",
        benefit=quality,
        baseline_value=19483,
        baseline_on=datetime.date(2015, 12, 31),
    )
    Measurement.objects.create(indicator=population, on=datetime.date(2015, 12, 31), value=19483)
    Measurement.objects.create(indicator=population, on=datetime.date(2020, 12, 31), value=19795)
    refresh_indicator(population)
    Milestone.objects.create(
        action=action, title_fr="Devis signés", due_on=datetime.date(2018, 9, 1), weight=40
    )
    Milestone.objects.create(
        action=action, title_fr="Bancs posés", due_on=datetime.date(2019, 3, 1), weight=60
    )
    member = User.objects.create_user("amelie", "amelie@example.org", "pw-sorgue-2017")
    Membership.objects.create(user=member, actor=cast["alice"])
    editor = User.objects.create_user("ed", "ed@example.org", "pw-sorgue-2017", is_staff=True)
    editor.groups.add(Group.objects.get(name="editors"))
    TOTP.activate(editor, generate_totp_secret())
    viewport = {"width": width, "height": 900}

    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.goto(f"{live_server}/decisions/7/")
        check(tab, watch)
        tab.get_by_role("link", name="Action 1 : Poser des bancs").click()
        expect(tab.get_by_role("heading", name="Poser des bancs")).to_be_visible()
        check(tab, watch)
        tab.get_by_role("link", name="Population municipale").click()
        expect(tab.get_by_role("heading", name="Population municipale")).to_be_visible()
        check(tab, watch)
        tab.go_back()
        tab.get_by_role("link", name="Plan d'actions 2018–2020").first.click()
        check(tab, watch)

    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(member, live_server)])
        tab.goto(f"{live_server}/actions/{action.pk}/")
        tab.get_by_role("link", name="Marquer « Devis signés » comme fait").click()
        # The form's page, loaded (a busy machine may take a while), before it is checked.
        evidence = tab.get_by_label("Preuve : un lien")
        expect(evidence).to_be_visible(timeout=30_000)
        check(tab, watch)
        evidence.fill("https://example.org/devis.pdf")
        tab.get_by_role("button", name="C'est fait").click()
        expect(tab.get_by_text("Le jalon est fait")).to_be_visible()
        expect(tab.get_by_text("40 %").first).to_be_visible()
        check(tab, watch)
        tab.get_by_role("link", name="Donner des nouvelles de l'action").click()
        check(tab, watch)
        tab.get_by_label("Les nouvelles").fill("Les devis sont **signés** : pose en mars.")
        tab.get_by_role("button", name="Publier les nouvelles").click()
        expect(tab.get_by_text("pose en mars")).to_be_visible()
        check(tab, watch)

    with watched_page(browser, viewport=viewport) as (tab, watch):
        tab.context.add_cookies([signed_in_cookie(editor, live_server)])
        tab.goto(f"{live_server}/actions/{action.pk}/edit/")
        check(tab, watch)
        tab.get_by_label("Retardée").check()
        tab.get_by_role("button", name="Enregistrer l'action").click()
        expect(
            tab.get_by_text("Dites pourquoi l'action est retardée ou abandonnée.")
        ).to_be_visible()
        check(tab, watch)
        tab.get_by_label("Pourquoi").fill("Le fournisseur a livré en retard.")
        tab.get_by_role("button", name="Enregistrer l'action").click()
        expect(tab.get_by_text("L'action 1 est enregistrée.")).to_be_visible()
        expect(tab.get_by_text("Le fournisseur a livré en retard.")).to_be_visible()
        check(tab, watch)

    action.refresh_from_db()
    assert (action.status, action.progress) == ("delayed", 40)
    assert action.changes.filter(field="status", after="delayed").exists()
