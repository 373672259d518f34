"""Every URL of the site × every role → the answer it must get.

A URL added without a row here makes `test_every_url_has_a_row_in_the_matrix` fail: decide
who may see it, then add the row.
"""

import datetime
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from missa.accounts.models import User
from missa.accounts.rules import is_administrator, is_editor, waits_for_two_factor
from missa.actions.models import Action, Milestone, Plan
from missa.actors.models import Actor, Membership
from missa.actors.rules import is_ambassador_member, is_committee_member, is_partner_member
from missa.applications.models import Application
from missa.charter.models import CharterVersion, Commitment
from missa.charter.services import publish_charter_version
from missa.core.models import Benefit
from missa.indicators.models import Indicator, Measurement
from missa.meetings.models import AgendaItem, Decision, Document, Meeting
from missa.participation.models import Call, Consultation, Idea, Option, Question
from missa.programme.models import Phase

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor",
    "registered",
    "ambassador",
    "partner",
    "committee",
    "editor",
    "administrator",
    # Privileged roles count only with the second factor: without it, as a registered user.
    "editor_without_2fa",
    "administrator_without_2fa",
]
SIGNED_IN = ROLES[1:]


def answer(visitor: int, signed_in: int | None = None, **exceptions: int) -> dict[str, int]:
    """Return the expected status per role: the visitor's, everyone else's, then exceptions."""
    expected = {role: signed_in if signed_in is not None else visitor for role in SIGNED_IN}
    return {"visitor": visitor, **expected, **exceptions}


PUBLIC = answer(200)
SIGNED_IN_ONLY = answer(302, 200)
STAFF_ONLY = answer(302, 302, editor=200, administrator=200)
TWO_FACTOR_SET_UP = "/accounts/two-factor/"
VISITORS_ONLY = answer(200, 302)

# name → (a URL to request, expected status per role)
MATRIX: dict[str, tuple[str, dict[str, int]]] = {
    "healthz": ("/healthz", PUBLIC),
    "site:home": ("/", PUBLIC),
    "site:sector-detail": ("/sectors/tourisme/", PUBLIC),
    "site:sector-feed": ("/sectors/tourisme/feed/", PUBLIC),
    "programme:programme": ("/programme/", PUBLIC),
    "programme:calendar": ("/programme/calendar.ics", PUBLIC),
    "journal:month-list": ("/journal/", PUBLIC),
    "journal:feed": ("/journal/feed/", PUBLIC),
    "journal:month-detail": ("/journal/2017/06/", PUBLIC),
    "actors:actor-list": ("/actors/", PUBLIC),
    "site:actor-detail": ("/actors/atelier-alice/", PUBLIC),
    "activity:actor-feed": ("/actors/atelier-alice/feed/", PUBLIC),
    "site:actor-share": ("/actors/atelier-alice/share.png", PUBLIC),
    "journal:month-share": ("/journal/2017/06/share.png", PUBLIC),
    # The ambassador test user is a member of Atelier Alice; the partner one of the CCI.
    "activity:report": (
        "/actors/atelier-alice/report/",
        answer(302, 403, ambassador=200, administrator=200),
    ),
    "actors:actor-edit": (
        "/actors/atelier-alice/edit/",
        answer(302, 403, ambassador=200, editor=200, administrator=200),
    ),
    "actors:actor-history": (
        "/actors/atelier-alice/history/",
        answer(302, 403, ambassador=200, editor=200, administrator=200),
    ),
    "actors:actor-revert": ("/actors/atelier-alice/history/1/revert/", answer(302, 405)),
    "activity:reports": (
        "/actors/atelier-alice/reports/",
        answer(302, 403, ambassador=200, editor=200, administrator=200),
    ),
    "activity:hide": (
        "/actors/atelier-alice/reports/999999/hide/",
        answer(302, 403, editor=404, administrator=404),
    ),
    "charter:charter": ("/charter/", PUBLIC),
    "charter:version-detail": ("/charter/v1/", PUBLIC),
    "activity:activity-detail": ("/actors/atelier-alice/activities/999999/", answer(404)),
    "applications:register": ("/network/register/", PUBLIC),
    "applications:join": ("/network/join/", PUBLIC),
    "applications:apply": ("/network/apply/", SIGNED_IN_ONLY),
    "applications:my-applications": ("/network/my-applications/", SIGNED_IN_ONLY),
    # Someone else's application: as if it did not exist.
    "applications:application-detail": ("/network/my-applications/1/", answer(302, 404)),
    "applications:application-withdraw": ("/network/my-applications/1/withdraw/", answer(302, 405)),
    "applications:review-queue": (
        "/network/review/",
        answer(302, 403, committee=200, administrator=200),
    ),
    "applications:review-detail": (
        "/network/review/999999/",
        answer(302, 403, committee=404, administrator=404),
    ),
    # Each decision is a POST of its own; the permission is checked before the method.
    **{
        f"applications:review-{decision}": (
            f"/network/review/999999/{decision}/",
            answer(302, 403, committee=405, administrator=405),
        )
        for decision in ("start", "approve", "reject", "suspend")
    },
    # Co-construction: an open call with one idea by someone else (the application's owner).
    "participation:call-list": ("/calls/", PUBLIC),
    "participation:call-detail": ("/calls/appel-ouvert/", PUBLIC),
    "participation:call-feed": ("/calls/appel-ouvert/feed/", PUBLIC),
    "participation:idea-list": ("/ideas/", PUBLIC),
    "participation:idea-detail": ("/ideas/1/", PUBLIC),
    "participation:idea-propose": ("/calls/appel-ouvert/propose/", SIGNED_IN_ONLY),
    "participation:idea-support": ("/ideas/1/support/", answer(302, 405)),
    # Someone else's idea: neither changed nor withdrawn.
    "participation:idea-edit": ("/ideas/1/edit/", answer(302, 403)),
    "participation:idea-withdraw": ("/ideas/1/withdraw/", answer(302, 403)),
    # An open consultation (results public while open), answered by people with a confirmed
    # address; its anonymised answers downloaded by editors.
    "participation:consultation-detail": ("/consultations/enquete/", PUBLIC),
    "participation:consultation-answer": ("/consultations/enquete/answer/", SIGNED_IN_ONLY),
    "participation:consultation-results": ("/consultations/enquete/results/", PUBLIC),
    "participation:consultation-csv": (
        "/consultations/enquete/answers.csv",
        answer(302, 403, editor=200, administrator=200),
    ),
    "participation:idea-answer": (
        "/ideas/1/answer/",
        answer(302, 403, committee=200, editor=200, administrator=200),
    ),
    # Discussion: comments are posted (POST) by people with a confirmed address; a comment is
    # changed or deleted by its author only (someone else's, or none: 404 or 403).
    "discussion:comment-post": ("/comments/on/participation.idea/1/", answer(302, 405)),
    "discussion:comment-edit": ("/comments/999999/edit/", answer(302, 404)),
    "discussion:comment-delete": ("/comments/999999/delete/", answer(302, 404)),
    "discussion:report": ("/report/participation.idea/1/", SIGNED_IN_ONLY),
    "discussion:moderation": ("/moderation/", answer(302, 403, editor=200, administrator=200)),
    **{
        f"discussion:moderation-{decision}": (
            f"/moderation/999999/{decision}/",
            answer(302, 403, editor=405, administrator=405),
        )
        for decision in ("hide", "dismiss")
    },
    # The committee: a held meeting with a confidential item and document (pk 1), decision 1.
    "meetings:meeting-list": ("/meetings/", PUBLIC),
    "meetings:calendar": ("/meetings/calendar.ics", PUBLIC),
    "meetings:meeting-detail": ("/meetings/copil/", PUBLIC),
    "meetings:meeting-calendar": ("/meetings/copil/calendar.ics", PUBLIC),
    "meetings:document": (
        "/meetings/documents/1/",
        answer(302, 403, committee=200, editor=200, administrator=200),
    ),
    **{
        f"meetings:{step}": (
            f"/meetings/copil/{path}/",
            answer(302, 403, editor=200, administrator=200),
        )
        for step, path in (
            ("meeting-roll", "roll"),
            ("meeting-minutes", "minutes"),
            ("decision-new", "decisions/new"),
        )
    },
    "meetings:decision-list": ("/decisions/", PUBLIC),
    "meetings:decision-detail": ("/decisions/1/", PUBLIC),
    # The plan (one, published): action 1 led by Atelier Alice (the ambassador's), milestone 1.
    "actions:plan-list": ("/plan/", answer(302)),
    "actions:plan-detail": ("/plan/plan/", PUBLIC),
    "actions:action-detail": ("/actions/1/", PUBLIC),
    "actions:action-feed": ("/actions/1/feed/", PUBLIC),
    **{
        f"actions:{name}": (url, answer(302, 403, committee=200, editor=200, administrator=200))
        for name, url in (
            ("action-new", "/plan/plan/new/"),
            ("action-edit", "/actions/1/edit/"),
            ("milestone-new", "/actions/1/milestones/new/"),
            ("milestone-edit", "/actions/1/milestones/1/edit/"),
        )
    },
    # News and milestones done: the lead's members too.
    **{
        f"actions:{name}": (
            url,
            answer(302, 403, ambassador=200, committee=200, editor=200, administrator=200),
        )
        for name, url in (
            ("update-new", "/actions/1/updates/new/"),
            ("milestone-done", "/actions/1/milestones/1/done/"),
        )
    },
    # The benefits: an indicator entered by editors ("population") with a value.
    "indicators:dashboard": ("/indicators/", PUBLIC),
    "indicators:indicator-detail": ("/indicators/population/", PUBLIC),
    "indicators:indicator-csv": ("/indicators/population/data.csv", PUBLIC),
    # The API shows what a visitor sees, to everyone alike (decision 19).
    "api:documentation": ("/api/", PUBLIC),
    "api:token-list": ("/api/tokens/", SIGNED_IN_ONLY),
    "opendata:open-data": ("/open-data/", PUBLIC),
    "follows:follow-list": ("/follows/", SIGNED_IN_ONLY),
    "letters:subscribe": ("/letter/", PUBLIC),
    "letters:confirm": ("/letter/confirm/forged/", answer(404)),
    "letters:unsubscribe": ("/letter/unsubscribe/nobody/", answer(404)),
    # Editors preview, send and follow the letters (the second factor counts).
    "letters:letter-list": ("/letter/editors/", answer(302, 403, editor=200, administrator=200)),
    "letters:preview": (
        "/letter/editors/2017-06/",
        answer(302, 403, editor=200, administrator=200),
    ),
    "letters:send": ("/letter/editors/2017-06/send/", answer(302, 405)),
    # Something that is not there to follow: the sign-in first, then 404.
    "follows:follow": ("/follows/core.sector/999999/", answer(302, 404)),
    "follows:button": ("/follows/core.sector/999999/button/", answer(404)),
    "follows:stop": ("/follows/stop/1/", answer(302, 405)),
    # A file's stable address leads to the current release's file.
    "opendata:download": ("/open-data/actors.csv", answer(302)),
    "api:token-revoke": ("/api/tokens/1/revoke/", answer(302, 405)),
    # Writing: a POST with a personal token (missa/activity/tests/test_api_reports.py).
    "api-v1:report_actor_activity": ("/api/v1/actors/atelier-alice/activities/", answer(405)),
    "api-v1:openapi-json": ("/api/v1/openapi.json", PUBLIC),
    "api-v1:get_index": ("/api/v1/", PUBLIC),
    # django-ninja's own root, behind get_index at the same address.
    "api-v1:api-root": ("/api/v1/", PUBLIC),
    "api-v1:get_territory": ("/api/v1/territory/", PUBLIC),
    "api-v1:list_sectors": ("/api/v1/sectors/", PUBLIC),
    "api-v1:list_objectives": ("/api/v1/objectives/", PUBLIC),
    "api-v1:list_benefits": ("/api/v1/benefits/", PUBLIC),
    "api-v1:list_phases": ("/api/v1/phases/", PUBLIC),
    "api-v1:list_actors": ("/api/v1/actors/", PUBLIC),
    "api-v1:get_actor": ("/api/v1/actors/atelier-alice/", PUBLIC),
    "api-v1:list_activities": ("/api/v1/activities/", PUBLIC),
    "api-v1:list_journal_months": ("/api/v1/journal/", PUBLIC),
    "api-v1:get_journal_month": ("/api/v1/journal/2017-06/", PUBLIC),
    "api-v1:list_indicators": ("/api/v1/indicators/", PUBLIC),
    "api-v1:list_meetings": ("/api/v1/meetings/", PUBLIC),
    "api-v1:list_plans": ("/api/v1/plans/", PUBLIC),
    "api-v1:get_plan": ("/api/v1/plans/plan/", PUBLIC),
    "api-v1:list_plan_actions": ("/api/v1/plans/plan/actions/", PUBLIC),
    "api-v1:get_action": ("/api/v1/actions/999999/", answer(404)),
    "api-v1:list_charter_versions": ("/api/v1/charter/", PUBLIC),
    "api-v1:get_charter_version": ("/api/v1/charter/1/", PUBLIC),
    "api-v1:list_register": ("/api/v1/register/", PUBLIC),
    "api-v1:list_calls": ("/api/v1/calls/", PUBLIC),
    "api-v1:get_call": ("/api/v1/calls/nulle-part/", answer(404)),
    "api-v1:list_ideas": ("/api/v1/ideas/", PUBLIC),
    "api-v1:get_idea": ("/api/v1/ideas/999999/", answer(404)),
    "api-v1:list_idea_comments": ("/api/v1/ideas/999999/comments/", answer(404)),
    "api-v1:list_consultations": ("/api/v1/consultations/", PUBLIC),
    "api-v1:get_consultation_results": ("/api/v1/consultations/x/results/", answer(404)),
    "api-v1:get_meeting": ("/api/v1/meetings/copil/", PUBLIC),
    "api-v1:list_decisions": ("/api/v1/decisions/", PUBLIC),
    "api-v1:get_decision": ("/api/v1/decisions/999999/", answer(404)),
    "api-v1:get_indicator": ("/api/v1/indicators/population/", PUBLIC),
    "indicators:measurement-new": (
        "/indicators/population/measure/",
        answer(302, 403, editor=200, administrator=200),
    ),
    "indicators:import": ("/indicators/import/", answer(302, 403, editor=200, administrator=200)),
    "notifications:list": ("/notifications/", SIGNED_IN_ONLY),
    # Someone else's (or no) notification: as if it did not exist.
    "notifications:open": ("/notifications/999999/", answer(302, 404)),
    "notifications:mark-all-read": ("/notifications/read/", answer(302, 405)),
    "notifications:settings": ("/notifications/settings/", SIGNED_IN_ONLY),
    "accounts:profile": ("/accounts/profile/", SIGNED_IN_ONLY),
    "accounts:my-data": ("/accounts/my-data/", SIGNED_IN_ONLY),
    "accounts:delete": ("/accounts/delete/", SIGNED_IN_ONLY),
    # Sets up the second factor (or, once set up, goes on to next or the 2FA page).
    "accounts:two-factor": ("/accounts/two-factor/", answer(302)),
    "accounts:two-factor-done": ("/accounts/two-factor/done/", answer(302)),
    "site:privacy": ("/privacy/", PUBLIC),
    "site:legal": ("/legal/", PUBLIC),
    "site:accessibility": ("/accessibility/", PUBLIC),
    "site:contact": ("/contact/", PUBLIC),
    # Everyone signed in has a home: their organisations' desks, or how to join.
    "site:my-organisation": ("/my-organisation/", SIGNED_IN_ONLY),
    "brandkit:kit": ("/brand-kit/", PUBLIC),
    "press:press": ("/press/", PUBLIC),
    "press:release": ("/press/no-such-release/", answer(404)),
    "brandkit:download": ("/brand-kit/999999/download/", answer(404)),
    "brandkit:preview": ("/brand-kit/999999/preview.png", answer(404)),
    "brandkit:preview-svg": ("/brand-kit/999999/preview.svg", answer(404)),
    "brandkit:conditions": (
        "/brand-kit/conditions/",
        answer(302, 403, ambassador=200, partner=200, editor=200, administrator=200),
    ),
    "brandkit:report": ("/brand-kit/report/", PUBLIC),
    # The whole kit: for members who accepted the conditions (the others are sent to them).
    "brandkit:download-all": (
        "/brand-kit/download-all/",
        answer(302, 403, ambassador=302, partner=302, editor=302, administrator=302),
    ),
    # An organisation's badge: for its members (the ambassador test user acts for Alice).
    "brandkit:badge": (
        "/brand-kit/badge/atelier-alice/",
        answer(302, 403, ambassador=200, administrator=200),
    ),
    # Two-factor authentication (allauth.mfa). Committee members, editors and administrators
    # have an authenticator in these tests; a session opened without a fresh sign-in is sent
    # to re-authenticate before changing it; recovery codes exist only once generated (404).
    "mfa_index": ("/accounts/2fa/", SIGNED_IN_ONLY),
    "mfa_authenticate": ("/accounts/2fa/authenticate/", answer(302)),
    "mfa_reauthenticate": (
        "/accounts/2fa/reauthenticate/",
        answer(302, committee=200, editor=200, administrator=200),
    ),
    "mfa_activate_totp": ("/accounts/2fa/totp/activate/", answer(302)),
    "mfa_deactivate_totp": (
        "/accounts/2fa/totp/deactivate/",
        answer(302, 404, committee=302, editor=302, administrator=302),
    ),
    "mfa_view_recovery_codes": ("/accounts/2fa/recovery-codes/", answer(302, 404)),
    "mfa_generate_recovery_codes": ("/accounts/2fa/recovery-codes/generate/", answer(302)),
    "mfa_download_recovery_codes": ("/accounts/2fa/recovery-codes/download/", answer(302, 404)),
    "account_login": ("/accounts/login/", VISITORS_ONLY),
    "account_signup": ("/accounts/signup/", VISITORS_ONLY),
    "account_logout": ("/accounts/logout/", answer(302, 200)),
    "account_inactive": ("/accounts/inactive/", PUBLIC),
    "account_reauthenticate": ("/accounts/reauthenticate/", SIGNED_IN_ONLY),
    # Confirming who you are by a code sent by email is off (ACCOUNT_REAUTHENTICATION_METHODS):
    # refused to everyone signed in, whose address is confirmed.
    "account_request_reauthentication_code": ("/accounts/reauthenticate/code/", answer(302, 403)),
    "account_confirm_reauthentication_code": (
        "/accounts/reauthenticate/code/confirm/",
        answer(302, 403),
    ),
    "account_email": ("/accounts/email/", SIGNED_IN_ONLY),
    "account_email_verification_sent": ("/accounts/confirm-email/", PUBLIC),
    "account_change_password": ("/accounts/password/change/", SIGNED_IN_ONLY),
    "account_set_password": ("/accounts/password/set/", answer(302)),
    "account_reset_password": ("/accounts/password/reset/", PUBLIC),
    "account_confirm_login_code": ("/accounts/login/code/confirm/", answer(302)),
    "account_confirm_email": ("/accounts/confirm-email/not-a-key/", PUBLIC),
    "account_reset_password_from_key_done": ("/accounts/password/reset/key/done/", PUBLIC),
    "account_reset_password_from_key": ("/accounts/password/reset/key/1-not-a-key/", PUBLIC),
    "account_reset_password_done": ("/accounts/password/reset/done/", PUBLIC),
}
ADMIN_PAGES = [
    "/admin/",
    "/admin/core/territory/",
    "/admin/core/sector/",
    "/admin/programme/phase/",
    "/admin/actors/actor/",
    "/admin/actors/membership/",
    "/admin/activity/activity/",
    "/admin/journal/journalmonth/",
    "/admin/charter/charterversion/",
    "/admin/applications/application/",
    "/admin/brandkit/brandasset/",
    "/admin/brandkit/download/",
    "/admin/brandkit/misusereport/",
    "/admin/mail/outgoingemail/",
    "/admin/press/pressrelease/",
    "/admin/participation/call/",
    "/admin/participation/idea/",
    "/admin/participation/consultation/",
    "/admin/participation/answer/",
    "/admin/meetings/meeting/",
    "/admin/meetings/agendaitem/",
    "/admin/meetings/decision/",
    "/admin/actions/plan/",
    "/admin/actions/action/",
    "/admin/indicators/indicator/",
]
ADMINISTRATORS_ONLY = answer(302, 302, editor=403, administrator=200)
ADMIN_ACCOUNT_PAGES = [
    "/admin/accounts/user/",
    "/admin/auth/group/",
    "/admin/audit/auditentry/",
    # The task queue's own admin (django-tasks-db).
    "/admin/django_tasks_database/dbtaskresult/",
]


def named_routes(patterns: list[Any], namespace: str | None = None) -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            if inner == "admin":
                continue  # the admin is checked page by page below
            full = f"{namespace}:{inner}" if namespace and inner else inner or namespace
            yield from named_routes(pattern.url_patterns, full)
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"unnamed URL {pattern.pattern}: name it and add a row"
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_url_has_a_row_in_the_matrix() -> None:
    routes = set(named_routes(get_resolver().url_patterns))
    # Media are served by the web server in production, by Django in development only.
    routes.discard("media")
    assert routes - set(MATRIX) == set(), "add these URLs to MATRIX"
    assert set(MATRIX) - routes == set(), "these rows name URLs that no longer exist"


@pytest.fixture
def sign_in_as(client: Client, cast: dict[str, Actor]) -> Callable[[str], User | None]:
    def sign_in(role: str) -> User | None:
        if not CharterVersion.objects.exists():
            version = CharterVersion.objects.create(title_fr="Charte", text_fr="Texte")
            Commitment.objects.create(version=version, text_fr="Promouvoir le territoire")
            publish_charter_version(version=version)
        if not Application.objects.filter(pk=1).exists():
            owner = User.objects.create_user("owner", "owner@example.org", "pw-sorgue-2017")
            Application.objects.create(
                pk=1,
                applicant=owner,
                kind="association",
                name="Les Amis",
                town="Sorgueville",
                description="-",
                motivation="-",
                charter_version=CharterVersion.objects.get(),
                charter_accepted_at=timezone.now(),
            )
        if not Call.objects.filter(slug="appel-ouvert").exists():
            _open_call_with_an_idea(cast["alice"], User.objects.get(username="owner"))
            _held_meeting_with_a_decision(cast["carol"])
            _plan_with_an_action(cast["alice"])
            _an_indicator()
        if role == "visitor":
            return None
        user = User.objects.create_user(role, f"{role}@example.org", "pw-sorgue-2017")
        # Everyone signed up through the site, which asks them to confirm their address.
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        if role == "ambassador":
            Membership.objects.create(user=user, actor=cast["alice"])
        elif role == "partner":
            Membership.objects.create(user=user, actor=cast["carol"])
        elif role == "committee":
            Actor.objects.filter(pk=cast["bob"].pk).update(user=user)
        elif role.startswith("editor"):
            User.objects.filter(pk=user.pk).update(is_staff=True)
            user.groups.add(Group.objects.get(name="editors"))
        elif role.startswith("administrator"):
            User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
        if role in {"committee", "editor", "administrator"}:
            # They act for the committee or the staff: two-factor authentication is required.
            TOTP.activate(user, generate_totp_secret())
        user.refresh_from_db()
        client.force_login(user)
        return user

    return sign_in


def _open_call_with_an_idea(organiser: Actor, author: User) -> None:
    today = timezone.localdate()
    call = Call.objects.create(
        slug="appel-ouvert",
        phase=Phase.objects.order_by("pk")[0],
        organiser=organiser,
        title_fr="Vos idées",
        question_fr="Que proposez-vous ?",
        opens_on=today - datetime.timedelta(days=3),
        closes_on=today + datetime.timedelta(days=30),
        published_at=timezone.now(),
    )
    Idea.objects.create(
        pk=1, call=call, author=author, title="Des bancs", text="Des bancs au bord de l'eau."
    )
    survey = Consultation.objects.create(
        slug="enquete",
        phase=call.phase,
        organiser=organiser,
        title_fr="Enquête",
        opens_on=call.opens_on,
        closes_on=call.closes_on,
        results_while_open=True,
        published_at=timezone.now(),
    )
    question = Question.objects.create(consultation=survey, kind="single", text_fr="Un mot ?")
    Option.objects.create(question=question, text_fr="L'eau")
    Question.objects.create(consultation=survey, kind="long_text", text_fr="Une idée ?")


def _held_meeting_with_a_decision(organiser: Actor) -> None:
    start = timezone.now() - datetime.timedelta(days=7)
    meeting = Meeting.objects.create(
        slug="copil",
        title_fr="Comité de pilotage",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        place="Hôtel de ville",
        organiser=organiser,
        published_at=start - datetime.timedelta(days=14),
        held_at=start,
    )
    AgendaItem.objects.create(meeting=meeting, order=1, title_fr="Le calendrier")
    secret = AgendaItem.objects.create(
        meeting=meeting, order=2, title_fr="Budget des études", is_confidential=True
    )
    document = Document(pk=1, item=secret, title_fr="Devis")
    document.file.save("devis.pdf", ContentFile(b"%PDF-1.4 devis"), save=False)
    document.save()
    Decision.objects.create(
        number=1,
        meeting=meeting,
        decided_on=meeting.date,
        title_fr="Calendrier adopté",
        text_fr="Le comité adopte le calendrier.",
        method=Decision.Method.CONSENSUS,
    )


def _plan_with_an_action(lead: Actor) -> None:
    plan = Plan.objects.create(
        slug="plan",
        title_fr="Plan d'actions",
        starts_on=datetime.date(2018, 5, 1),
        ends_on=datetime.date(2020, 12, 31),
        published_at=timezone.now(),
    )
    action = Action.objects.create(
        pk=1,
        plan=plan,
        number=1,
        title_fr="Des bancs sur les quais",
        lead=lead,
        starts_on=datetime.date(2018, 6, 1),
        ends_on=datetime.date(2019, 6, 1),
    )
    Milestone.objects.create(
        pk=1, action=action, title_fr="Devis", due_on=datetime.date(2018, 9, 1), weight=50
    )


def _an_indicator() -> None:
    indicator = Indicator.objects.create(
        slug="population",
        name_fr="Population",
        definition_fr="Les habitants.",
        source_fr="INSEE",
        frequency="yearly",
        benefit=Benefit.objects.create(slug="qualite-de-vie", name_fr="Qualité de vie"),
    )
    Measurement.objects.create(indicator=indicator, on=datetime.date(2017, 1, 1), value=19483)


@pytest.mark.parametrize("role", ROLES)
def test_a_confidential_item_shows_to_committee_members_and_editors_only(
    client: Client, sign_in_as: Callable[[str], User | None], role: str
) -> None:
    sign_in_as(role)
    page = client.get("/meetings/copil/").content.decode()
    sees = role in {"committee", "editor", "administrator"}
    assert ("Budget des études" in page) is sees
    assert ("/meetings/documents/1/" in page) is sees
    assert "Le calendrier" in page


@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_recognised(role: str, sign_in_as: Callable[[str], User | None]) -> None:
    # Without the second factor, a privileged role is no role at all.
    user = sign_in_as(role)
    assert bool(user and waits_for_two_factor(user)) == role.endswith("without_2fa")
    predicates = {
        "ambassador": is_ambassador_member,
        "partner": is_partner_member,
        "committee": is_committee_member,
        "editor": is_editor,
        "administrator": is_administrator,
    }
    for name, predicate in predicates.items():
        assert bool(user and predicate(user)) == (name == role), name


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(MATRIX))
def test_url_answers_each_role_as_the_matrix_says(
    client: Client, sign_in_as: Callable[[str], User | None], name: str, role: str
) -> None:
    url, expected = MATRIX[name]
    sign_in_as(role)
    assert client.get(url).status_code == expected[role]


@pytest.mark.parametrize("role", ROLES)
def test_admin_pages_answer_staff_only(
    client: Client, sign_in_as: Callable[[str], User | None], role: str
) -> None:
    sign_in_as(role)
    pages = [(url, STAFF_ONLY) for url in ADMIN_PAGES]
    pages += [(url, ADMINISTRATORS_ONLY) for url in ADMIN_ACCOUNT_PAGES]
    for url, answers in pages:
        response = client.get(url)
        expected = answers[role]
        assert response.status_code == expected, url
        if role.endswith("without_2fa"):
            # Sent to set up the second factor, then back to the admin page.
            assert response["Location"].startswith(TWO_FACTOR_SET_UP), url
