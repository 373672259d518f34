"""Record writes into the audit log.

A middleware remembers who makes the request; model save and delete signals then record what
changed. This is infrastructure watching every model, not domain flow: no feature depends on it.
Writes made outside a signed-in request (commands, the demo loader, sign-up) are not recorded.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db.models import Model
from django.db.models.signals import post_delete, post_save, pre_save
from django.http import HttpRequest, HttpResponse

current_user: ContextVar[Any] = ContextVar("missa_audit_user", default=None)

# Never copied into the log: secrets, and noise that every sign-in writes.
HIDDEN_FIELDS = {"password", "data", "secret", "key", "session_data"}
SKIPPED_FIELDS = {"last_login", "updated_at"}
SKIPPED_MODELS = {
    ("audit", "auditentry"),
    ("sessions", "session"),
    ("account", "emailconfirmation"),
    ("mfa", "authenticator"),
    ("activity", "monthsummary"),
    ("admin", "logentry"),
}


@contextmanager
def acting_as(user: Any) -> Iterator[None]:
    """Record the writes made inside the block as made by user."""
    token = current_user.set(user)
    try:
        yield
    finally:
        current_user.reset(token)


class AuditMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        with acting_as(user if user is not None and user.is_authenticated else None):
            return self.get_response(request)


def _tracked(sender: type[Model]) -> bool:
    meta = sender._meta
    return (
        meta.app_label,
        meta.model_name,
    ) not in SKIPPED_MODELS and current_user.get() is not None


def _values(instance: Model) -> dict[str, Any]:
    values = {}
    for field in instance._meta.concrete_fields:
        if field.name in SKIPPED_FIELDS:
            continue
        value = field.value_from_object(instance)
        if hasattr(value, "name"):  # files
            value = value.name or ""
        elif not isinstance(value, str | int | float | bool | type(None) | list | dict):
            value = str(value)
        values[field.attname] = value
    return values


def _masked(changes: dict[str, Any]) -> dict[str, Any]:
    """Replace secret values by a marker that still tells whether they changed."""
    hidden = {name for name in changes if name in HIDDEN_FIELDS}
    for name in hidden:
        value = changes[name]
        changes[name] = ["***", "*** (changed)"] if isinstance(value, list) else "***"
    return changes


def _record(action: str, instance: Model, changes: dict[str, Any]) -> None:
    from .models import AuditEntry

    user = current_user.get()
    AuditEntry.objects.create(
        user=user if user is not None and user.pk else None,
        user_repr=str(user)[:200],
        action=action,
        app_label=instance._meta.app_label,
        model=instance._meta.model_name or "",
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        changes=_masked(changes),
    )


def before_save(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    if raw or not _tracked(sender) or instance.pk is None:
        return
    old = sender._default_manager.filter(pk=instance.pk).first()
    instance._audit_before = _values(old) if old is not None else None  # type: ignore[attr-defined]


def after_save(
    sender: type[Model], instance: Model, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    if raw or not _tracked(sender):
        return
    after = _values(instance)
    before = getattr(instance, "_audit_before", None)
    if created or before is None:
        _record("create", instance, after)
        return
    changes = {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }
    if changes:
        _record("update", instance, changes)


def after_delete(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if _tracked(sender):
        _record("delete", instance, _values(instance))


def connect() -> None:
    pre_save.connect(before_save, dispatch_uid="missa-audit-pre-save")
    post_save.connect(after_save, dispatch_uid="missa-audit-post-save")
    post_delete.connect(after_delete, dispatch_uid="missa-audit-post-delete")
