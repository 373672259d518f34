"""Personal data: everything MISSA holds about a person, exported on request, erased with the
account.

What is held is found, not listed: every row of every model that points to the account (a
foreign key to the user, whatever the app), plus what each app declares in its own
`personal_data.py` — `export(user)` (data held otherwise, such as emails sent to the person's
addresses), `identifiers(user)` (names by which it knows the person, scrubbed from the audit
log) and `erase(user)` (what must go or lose its name before the account is deleted). A new
app's data is therefore exported and erased without editing this file.
"""

import re
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from missa.audit.models import AuditEntry
from missa.audit.recorder import acting_as
from missa.core.discovery import app_modules
from missa.core.gdpr import addresses_of, row_data

from .models import User


@transaction.atomic
def set_participant_kind(*, user: User, kind: str) -> None:
    """Say how user takes part in the programme; every app's figures of participants follow
    (each app's `participants.py`: `kind_changed(user, old, new)`)."""
    old = (
        User.objects.select_for_update().values_list("participant_kind", flat=True).get(pk=user.pk)
    )
    user.participant_kind = kind
    if old == kind:
        return
    User.objects.filter(pk=user.pk).update(participant_kind=kind)
    for module in app_modules("participants"):
        module.kind_changed(user=user, old=old, new=kind)


def _user_references() -> Iterator[tuple[type[models.Model], models.Field[Any, Any]]]:
    """Yield every (model, field) whose field points to an account."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is User and not field.many_to_many:
                yield model, field


def personal_data_modules() -> Iterator[ModuleType]:
    """Yield each app's personal_data module, from the top layer down (erasing order)."""
    yield from reversed(app_modules("personal_data"))


def export_personal_data(*, user: User) -> dict[str, Any]:
    """Return everything MISSA holds about a person, as JSON-ready data."""
    held: dict[str, list[dict[str, Any]]] = {}
    for model, field in _user_references():
        label = f"{model._meta.label} ({field.name})"
        held[label] = [row_data(row) for row in model._default_manager.filter(**{field.name: user})]
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": row_data(user),
        "held_about_you": held,
    }
    for module in personal_data_modules():
        if hasattr(module, "export"):
            data.update(module.export(user))
    return data


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
    names = {user.display_name, user.get_full_name(), user.first_name, user.last_name}
    names |= {
        str(value)
        for value in AuditEntry.objects.filter(user=user).values_list("user_repr", flat=True)
    }
    for module in personal_data_modules():
        if hasattr(module, "identifiers"):
            names |= {str(name) for name in module.identifiers(user)}
    objects = {("accounts", "user", str(user.pk))}
    for model, field in _user_references():
        if model is AuditEntry:
            continue
        meta = model._meta
        for pk in model._default_manager.filter(**{field.name: user}).values_list("pk", flat=True):
            objects.add((meta.app_label, meta.model_name or "", str(pk)))
    return {
        "strings": {text for text in names | addresses_of(user) if len(text.strip()) >= 3},
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
    # Each app first takes back or anonymises what it holds (personal_data.erase), then the
    # account goes, and with it every row that belongs to it (on_delete).
    for module in personal_data_modules():
        if hasattr(module, "erase"):
            module.erase(user)
    if user.photo:
        user.photo.delete(save=False)
    user.delete()
