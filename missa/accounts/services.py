"""Personal data: everything MISSA holds about a person, exported on request, erased with the
account.

What is held is found, not listed: every row of every model that points to the account (a
foreign key to the user, whatever the app), the emails sent to its addresses, the misuse
reports sent from them. A new app's data is therefore exported and erased without editing this
file.
"""

import datetime
import decimal
import re
import secrets
import uuid
from collections.abc import Iterator
from typing import Any

from allauth.account.models import EmailAddress
from django.apps import apps
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext as _

from missa.actors.models import FORMER_PARTICIPANT_NAME, Actor, ActorRevision
from missa.applications.models import Application
from missa.audit.models import AuditEntry
from missa.audit.recorder import acting_as
from missa.brandkit.models import MisuseReport
from missa.mail.models import OutgoingEmail

from .models import User

# Never copied into an export, whoever asks: secrets and what only proves them.
SECRET_FIELDS = {"password", "secret", "data", "key", "session_data", "token"}


def _json(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, list | tuple):
        return [_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _json(item) for key, item in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _row(obj: models.Model) -> dict[str, Any]:
    """Return every field of a row, related rows by their name, secrets hidden."""
    row: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in SECRET_FIELDS:
            row[field.name] = "(hidden)"
        elif field.is_relation:
            related = getattr(obj, field.name)
            row[field.name] = str(related) if related is not None else None
        else:
            row[field.name] = _json(getattr(obj, field.attname))
    for field in obj._meta.many_to_many:
        row[field.name] = [str(item) for item in getattr(obj, field.name).all()]
    return row


def _user_references() -> Iterator[tuple[type[models.Model], models.Field[Any, Any]]]:
    """Yield every (model, field) whose field points to an account."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is User and not field.many_to_many:
                yield model, field


def _addresses(user: User) -> set[str]:
    addresses = {user.email.lower()} if user.email else set()
    addresses |= {
        address.lower()
        for address in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }
    return addresses


def export_personal_data(*, user: User) -> dict[str, Any]:
    """Return everything MISSA holds about a person, as JSON-ready data."""
    held: dict[str, list[dict[str, Any]]] = {}
    for model, field in _user_references():
        label = f"{model._meta.label} ({field.name})"
        held[label] = [_row(row) for row in model._default_manager.filter(**{field.name: user})]
    addresses = _addresses(user)
    return {
        "exported_at": timezone.now().isoformat(),
        "account": _row(user),
        "held_about_you": held,
        "emails_sent_to_you": [
            _row(email) for email in OutgoingEmail.objects.filter(_matching("to", addresses))
        ],
        "misuse_reports_you_sent": [
            _row(report) for report in MisuseReport.objects.filter(_matching("email", addresses))
        ],
    }


def _matching(field: str, addresses: set[str]) -> models.Q:
    """Return a filter on field equal to one of addresses, whatever the case (none: nothing)."""
    condition = models.Q(pk__in=[])
    for address in addresses:
        condition |= models.Q(**{f"{field}__iexact": address})
    return condition


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Erase a person's account and personal data; organisations and their history stay."""
    former = _("deleted account %(number)s") % {"number": user.pk}
    traces = _traces(user)
    with acting_as(None):
        _erase(user)
    _anonymise_audit_log(user, former, traces)
    AuditEntry.objects.create(
        user=None,
        user_repr=former,
        action=AuditEntry.Action.DELETE,
        app_label="accounts",
        model="user",
        object_id=str(user.pk),
        object_repr=former,
    )


def _traces(user: User) -> dict[str, Any]:
    """Return what identifies the person in the audit log: names, addresses, their objects."""
    person = Actor.objects.filter(user=user).first()
    names = {user.display_name, user.get_full_name(), user.first_name, user.last_name}
    names |= {
        str(value)
        for value in AuditEntry.objects.filter(user=user).values_list("user_repr", flat=True)
    }
    if person is not None:
        names.add(str(person.name))
    objects = {("accounts", "user", str(user.pk))}
    if person is not None:
        objects.add(("actors", "actor", str(person.pk)))
    for model, field in _user_references():
        if model is AuditEntry:
            continue
        meta = model._meta
        for pk in model._default_manager.filter(**{field.name: user}).values_list("pk", flat=True):
            objects.add((meta.app_label, meta.model_name or "", str(pk)))
    return {
        "strings": {text for text in names | _addresses(user) if len(text.strip()) >= 3},
        "objects": objects,
    }


def _scrub(value: Any, pattern: re.Pattern[str], former: str) -> Any:
    if isinstance(value, str):
        return pattern.sub(former, value)
    if isinstance(value, list):
        return [_scrub(item, pattern, former) for item in value]
    if isinstance(value, dict):
        return {key: _scrub(item, pattern, former) for key, item in value.items()}
    return value


def _anonymise_audit_log(user: User, former: str, traces: dict[str, Any]) -> None:
    """Keep what was done, no longer by whom nor to whom: every name and address replaced."""
    AuditEntry.objects.filter(user_id=user.pk).update(user_repr=former)
    about_them = models.Q()
    for app_label, model, object_id in traces["objects"]:
        about_them |= models.Q(app_label=app_label, model=model, object_id=object_id)
    AuditEntry.objects.filter(about_them).update(object_repr=former, changes={})
    strings = sorted(traces["strings"], key=len, reverse=True)
    if not strings:
        return
    pattern = re.compile("|".join(re.escape(text) for text in strings), re.IGNORECASE)
    for entry in AuditEntry.objects.exclude(about_them).iterator():
        changes = _scrub(entry.changes, pattern, former)
        object_repr = pattern.sub(former, entry.object_repr)
        user_repr = pattern.sub(former, entry.user_repr)
        if (changes, object_repr, user_repr) != (entry.changes, entry.object_repr, entry.user_repr):
            AuditEntry.objects.filter(pk=entry.pk).update(
                changes=changes, object_repr=object_repr[:200], user_repr=user_repr[:200]
            )


def _erase(user: User) -> None:
    addresses = _addresses(user)
    person = Actor.objects.filter(user=user).first()
    if person is not None:
        # The public record of what this person did stays, without their identity: a name said
        # in each reader's language, an address that no longer spells their name.
        Actor.objects.filter(pk=person.pk).update(
            user=None,
            name=FORMER_PARTICIPANT_NAME,
            slug=f"participant-{secrets.token_hex(6)}",
            search_name="",
            description="",
            description_fr="",
            description_en="",
            website="",
            town="",
            postcode="",
            logo="",
        )
        ActorRevision.objects.filter(actor=person).delete()
    if user.photo:
        user.photo.delete(save=False)
    for application in Application.objects.filter(applicant=user):
        if application.logo:
            application.logo.delete(save=False)
    OutgoingEmail.objects.filter(_matching("to", addresses)).delete()
    MisuseReport.objects.filter(_matching("email", addresses)).update(email="")
    # Applications, memberships, email addresses, authenticators and everything else that
    # belongs to the account go with it (on_delete); what was done for others stays, unsigned.
    user.delete()
