"""Personal data: what an account holds, exported on request and erased with the account."""

from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from missa.actors.models import Actor, Membership
from missa.applications.models import Application
from missa.audit.models import AuditEntry
from missa.audit.recorder import acting_as

from .models import User


def export_personal_data(*, user: User) -> dict[str, Any]:
    """Return everything MISSA holds about a person, as JSON-ready data."""
    person = Actor.objects.filter(user=user).first()
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "photo": user.photo.name or None,
            "email_consent_at": user.email_consent_at.isoformat()
            if user.email_consent_at
            else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "person": {"name": person.name, "page": person.get_absolute_url()} if person else None,
        "memberships": [
            {"actor": membership.actor.name, "role": membership.role}
            for membership in Membership.objects.filter(user=user).select_related("actor")
        ],
        "applications": [
            {
                "name": application.name,
                "kind": application.kind,
                "status": application.status,
                "submitted_at": application.created_at.isoformat(),
                "motivation": application.motivation,
                "charter_version": application.charter_version.number,
                "charter_accepted_at": application.charter_accepted_at.isoformat(),
                "rejection_reason": application.rejection_reason,
                "events": [
                    {"status": event.status, "at": event.at.isoformat()}
                    for event in application.events.all()
                ],
            }
            for application in Application.objects.filter(applicant=user)
            .select_related("charter_version")
            .prefetch_related("events")
        ],
    }


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Erase a person's account and personal data; organisations and their history stay."""
    former = _("deleted account %(number)s") % {"number": user.pk}
    with acting_as(None):
        _erase(user)
    # The audit log keeps what was done, no longer by whom.
    AuditEntry.objects.filter(user_repr=str(user)).update(user_repr=former)
    AuditEntry.objects.create(
        user=None,
        user_repr=former,
        action=AuditEntry.Action.DELETE,
        app_label="accounts",
        model="user",
        object_id=str(user.pk),
        object_repr=former,
    )


def _erase(user: User) -> None:
    person = Actor.objects.filter(user=user).first()
    if person is not None:
        # The public record of what this person did stays, without their identity.
        Actor.objects.filter(pk=person.pk).update(
            user=None,
            name=_("Former participant"),
            search_name="",
            description="",
            description_fr="",
            description_en="",
            website="",
            logo="",
        )
    if user.photo:
        user.photo.delete(save=False)
    for application in Application.objects.filter(applicant=user):
        if application.logo:
            application.logo.delete(save=False)
    # Applications, memberships, email addresses and authenticators go with the account.
    user.delete()
