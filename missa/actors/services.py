"""Editing an actor's public profile (visible at once, kept in a history the staff can undo);
the personal API tokens members make for their organisation's systems."""

import datetime
import hashlib
import secrets
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Actor, ActorRevision, ApiToken, Membership

# How many usable tokens a person may hold at once.
MAX_API_TOKENS = 10
# A token's last use is written at most this often (not on every request).
LAST_USE_PRECISION = datetime.timedelta(minutes=5)

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


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def create_api_token(
    *, user: Any, name: str, actors: Iterable[Actor], days: int | None
) -> tuple[ApiToken, str]:
    """Make a personal API token for some of the organisations user acts for; return it with
    its secret, which is shown once and never kept (only its digest is)."""
    chosen = list(actors)
    if not chosen:
        raise ValidationError(_("Choose at least one organisation."), code="no_actor")
    acting = set(
        Membership.objects.filter(user=user, actor__in=chosen)
        .in_good_standing()
        .values_list("actor_id", flat=True)
    )
    if not (user.is_authenticated and user.is_active) or acting != {a.pk for a in chosen}:
        raise PermissionDenied
    if ApiToken.objects.filter(user=user).usable().count() >= MAX_API_TOKENS:
        message = _("You hold %(count)s tokens already: revoke one you no longer use first.")
        raise ValidationError(message % {"count": MAX_API_TOKENS}, code="too_many")
    secret = ApiToken.PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        digest=_digest(secret),
        start=secret[: len(ApiToken.PREFIX) + 4],
        expires_at=timezone.now() + datetime.timedelta(days=days) if days else None,
    )
    token.actors.set(chosen)
    return token, secret


@transaction.atomic
def revoke_api_token(*, token: ApiToken, user: Any) -> ApiToken:
    """Revoke one of user's tokens: from now on it opens nothing."""
    if token.user_id != user.pk:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_for(secret: str) -> ApiToken | None:
    """Return the usable token whose secret this is, its person active, or None."""
    if not secret.startswith(ApiToken.PREFIX) or len(secret) > 100:
        return None
    token = (
        ApiToken.objects.usable()
        .select_related("user")
        .filter(digest=_digest(secret), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USE_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
