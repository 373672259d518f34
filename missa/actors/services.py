"""Editing an actor's public profile: visible at once, kept in a history the staff can undo."""

from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from .models import Actor, ActorRevision

PROFILE_FIELDS = [
    "description_fr",
    "description_en",
    "website",
    "town",
    "postcode",
    "latitude",
    "longitude",
]
# Kept as text in the history ("43.91899"), empty when there is no pin.
NUMBER_FIELDS = {"latitude", "longitude"}


def _stored(name: str, value: Any) -> Any:
    if name in NUMBER_FIELDS:
        return "" if value is None else str(value)
    return value or ""


def profile_snapshot(actor: Actor) -> dict[str, Any]:
    """Return the editable part of an actor's profile as JSON-ready data."""
    snapshot: dict[str, Any] = {
        name: _stored(name, getattr(actor, name)) for name in PROFILE_FIELDS
    }
    snapshot["sectors"] = sorted(actor.sectors.values_list("pk", flat=True))
    snapshot["logo"] = actor.logo.name or ""
    return snapshot


def _apply(actor: Actor, values: dict[str, Any]) -> None:
    for name in PROFILE_FIELDS:
        if name in values:
            value = values[name]
            if name in NUMBER_FIELDS:
                value = None if value in ("", None) else Decimal(value)
            setattr(actor, name, value)
    if "logo" in values:
        actor.logo.name = values["logo"]
    actor.save()
    if "sectors" in values:
        actor.sectors.set(values["sectors"])


@transaction.atomic
def update_actor_profile(
    *,
    actor: Actor,
    user: Any,
    values: dict[str, Any],
    sectors: list[Any],
    logo: "ContentFile[bytes] | None" = None,
    remove_logo: bool = False,
) -> ActorRevision | None:
    """Change an actor's public profile; return the revision recorded (None if unchanged)."""
    before = profile_snapshot(actor)
    if logo is not None:
        actor.logo.save(logo.name or "logo", logo, save=False)
    elif remove_logo:
        actor.logo.name = ""
    _apply(actor, {**values, "sectors": [sector.pk for sector in sectors]})
    after = profile_snapshot(actor)
    if after == before:
        return None
    return ActorRevision.objects.create(actor=actor, user=user, before=before, after=after)


@transaction.atomic
def revert_revision(*, revision: ActorRevision, user: Any) -> ActorRevision:
    """Put back the profile as it was before revision, as a new revision."""
    actor = Actor.objects.select_for_update().get(pk=revision.actor_id)
    before = profile_snapshot(actor)
    _apply(actor, revision.before)
    return ActorRevision.objects.create(
        actor=actor, user=user, before=before, after=profile_snapshot(actor), reverts=revision
    )
