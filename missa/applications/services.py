"""The application workflow: submit → under review → approved / rejected, or withdrawn.

Each step is one function here, the only way it happens (views, admin and commands call them).
Decisions lock the application's row, so two reviewers acting at once cannot both decide.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from missa.accounts.models import User
from missa.activity.models import Activity
from missa.activity.services import record_activity, set_actor_visibility, titles_in_both
from missa.actors.models import Actor, ActorRole, Membership, normalize_for_search
from missa.charter.models import Commitment
from missa.core.models import Sector
from missa.mail.identity import site_identity
from missa.mail.services import queue_email

from .models import Application, ApplicationEvent

Status = Application.Status


def existing_actor_for(siret: str) -> Actor | None:
    """Return the actor with this SIRET when nobody acts for it yet (its page can be claimed)."""
    if not siret:
        return None
    return Actor.objects.filter(siret=siret, memberships__isnull=True).first()


def check_not_duplicate(*, siret: str, name: str, applicant: User) -> None:
    """Raise ValidationError when this organisation is already a member or already applied."""
    if siret and Actor.objects.filter(siret=siret, memberships__isnull=False).exists():
        raise ValidationError(
            _("This company is already in the network: ask its owner to add you as a member."),
            code="actor_exists",
        )
    if siret and Application.objects.open().filter(siret=siret).exists():
        raise ValidationError(
            _("An application for this company is already being reviewed."), code="duplicate"
        )
    folded = normalize_for_search(name)
    for other in Application.objects.open().filter(applicant=applicant).only("name"):
        if normalize_for_search(other.name) == folded:
            raise ValidationError(
                _("You already applied for this organisation: its application is being reviewed."),
                code="duplicate",
            )


@transaction.atomic
def submit_application(
    *, application: Application, sectors: Iterable[Sector], commitments: Iterable[Commitment]
) -> Application:
    """Record a new application with the charter version accepted, and acknowledge it."""
    check_not_duplicate(
        siret=application.siret, name=application.name, applicant=application.applicant
    )
    application.status = Status.SUBMITTED
    application.charter_accepted_at = timezone.now()
    # A company already in the directory (with nobody acting for it) is claimed, not duplicated.
    application.actor = existing_actor_for(application.siret)
    application.save()
    application.sectors.set(sectors)
    required = application.charter_version.commitments.filter(is_required=True)
    application.commitments.set({*commitments, *required})
    ApplicationEvent.objects.create(
        application=application, status=Status.SUBMITTED, by=application.applicant
    )
    notify(application, "submitted")
    return application


def _lock_open(application: Application) -> Application:
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if not locked.is_open:
        raise ValidationError(
            _("This application was already decided: %(status)s.")
            % {"status": locked.get_status_display()},
            code="already_decided",
        )
    return locked


def _required_reason(reason: str, message: str) -> str:
    if not reason.strip():
        raise ValidationError(message, code="reason")
    return reason.strip()


def _decide(
    locked: Application, status: str, by: User, *, reason: str = "", final: bool = True
) -> Application:
    """End every step the committee takes: the new status, who and when, the event, the email.

    `final` marks a decision (approved, rejected, suspended) rather than a step on the way.
    """
    locked.status = status
    if reason:
        locked.decision_reason = reason
    if final:
        locked.decided_by = by
        locked.decided_at = timezone.now()
    locked.save()
    ApplicationEvent.objects.create(application=locked, status=status, by=by)
    notify(locked, status)
    return locked


@transaction.atomic
def start_review(*, application: Application, reviewer: User) -> Application:
    """Tell the applicant that the committee is looking at the application."""
    locked = _lock_open(application)
    if locked.status == Status.UNDER_REVIEW:
        return locked
    return _decide(locked, Status.UNDER_REVIEW, reviewer, final=False)


def _unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "acteur"
    slug, number = base, 2
    while Actor.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def approve_application(*, application: Application, reviewer: User) -> Application:
    """Make the applicant's organisation a public ambassador (or partner) and record it."""
    locked = _lock_open(application)
    today = timezone.localdate()
    if locked.actor_id is not None:
        return _approve_claim(locked, reviewer, today)
    if locked.siret and Actor.objects.filter(siret=locked.siret).exists():
        raise ValidationError(
            _("An actor with this SIRET joined in the meantime."), code="actor_exists"
        )
    actor = Actor.objects.create(
        kind=locked.kind,
        name=locked.name,
        slug=_unique_slug(locked.name),
        siret=locked.siret,
        town=locked.town,
        postcode=locked.postcode,
        website=locked.website,
        description=locked.description,
        logo=locked.logo.name if locked.logo else "",
        joined_on=today,
        is_public=True,
        user=locked.applicant
        if locked.kind == Actor.Kind.PERSON and not hasattr(locked.applicant, "person")
        else None,
    )
    actor.sectors.set(locked.sectors.all())
    ActorRole.objects.create(actor=actor, role=locked.requested_role, start_date=today)
    Membership.objects.get_or_create(
        user=locked.applicant, actor=actor, defaults={"role": Membership.Role.OWNER}
    )
    locked.actor = actor
    _record_joined(actor, locked, today)
    return _decide(locked, Status.APPROVED, reviewer)


def _record_joined(actor: Actor, application: Application, day: datetime.date) -> None:
    """Record in the ledger that actor joined the network through application."""
    record_activity(
        actor=actor,
        kind=Activity.Kind.JOINED,
        **titles_in_both(lambda _language: _("Joined the network of the shared brand")),
        date=day,
        related=application,
    )


def _approve_claim(locked: Application, reviewer: User, today: datetime.date) -> Application:
    """Approve an application for an actor already in the directory: its applicant joins it."""
    assert locked.actor_id is not None
    actor = Actor.objects.select_for_update().get(pk=locked.actor_id)
    if Membership.objects.filter(actor=actor).exists():
        raise ValidationError(
            _("Someone else acts for this organisation since the application."),
            code="actor_claimed",
        )
    Membership.objects.create(user=locked.applicant, actor=actor, role=Membership.Role.OWNER)
    if not actor.is_public:
        set_actor_visibility(actor=actor, is_public=True)
    holds_role = ActorRole.objects.current().filter(actor=actor, role=locked.requested_role)
    if not holds_role.exists():
        ActorRole.objects.create(actor=actor, role=locked.requested_role, start_date=today)
        _record_joined(actor, locked, today)
    return _decide(locked, Status.APPROVED, reviewer)


@transaction.atomic
def reject_application(*, application: Application, reviewer: User, reason: str) -> Application:
    """Refuse an application; the reason is sent to the applicant and kept private."""
    reason = _required_reason(reason, _("Give the reason for the rejection."))
    return _decide(_lock_open(application), Status.REJECTED, reviewer, reason=reason)


@transaction.atomic
def withdraw_application(*, application: Application, applicant: User) -> Application:
    """Let applicants take back an open application, or leave the network once approved."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.applicant_id != applicant.pk:
        raise ValidationError(_("Only the applicant can withdraw an application."))
    if locked.status == Status.APPROVED:
        _end_role(locked)
    elif not locked.is_open:
        raise ValidationError(
            _("This application was already decided: %(status)s.")
            % {"status": locked.get_status_display()},
            code="already_decided",
        )
    locked.status = Status.WITHDRAWN
    locked.save(update_fields=["status", "updated_at"])
    ApplicationEvent.objects.create(application=locked, status=Status.WITHDRAWN, by=applicant)
    return locked


def _end_role(application: Application) -> None:
    """End, from today, the role that the approval gave the actor."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    roles = ActorRole.objects.current().filter(
        actor_id=application.actor_id, role=application.requested_role
    )
    # A role that started today never really ran: remove it rather than end it before it began.
    roles.filter(start_date__gt=yesterday).delete()
    roles.update(end_date=yesterday)


@transaction.atomic
def suspend_membership(*, application: Application, reviewer: User, reason: str) -> Application:
    """Suspend an approved ambassador or partner: its role ends, its history stays public."""
    reason = _required_reason(reason, _("Give the reason for the suspension."))
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != Status.APPROVED:
        raise ValidationError(_("Only an approved member can be suspended."), code="not_approved")
    _end_role(locked)
    return _decide(locked, Status.SUSPENDED, reviewer, reason=reason)


def notify(application: Application, step: str) -> None:
    """Email the applicant about a step of their application, in their language.

    Queued with the step (missa.mail): a mail server that fails never undoes or breaks it.
    """
    applicant = application.applicant
    with translation.override(applicant.language):
        context = {
            **site_identity(),
            "application": application,
            "user": applicant,
            "recipient_name": applicant.greeting_name,
            "path": reverse("applications:application-detail", args=[application.pk]),
        }
        subject = render_to_string(f"applications/email/{step}_subject.txt", context)
        body = render_to_string(f"applications/email/{step}.txt", context)
    queue_email(to=applicant.email, subject=subject, body=body)
