"""Following and unfollowing: the only way a follow is written."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction

from .models import Follow


def _check(user: Any) -> None:
    if not user.has_perm("follows.follow"):
        raise PermissionDenied


def is_following(user: Any, target: models.Model) -> bool:
    if not user.is_authenticated:
        return False
    content_type = ContentType.objects.get_for_model(target)
    return Follow.objects.filter(user=user, content_type=content_type, object_id=target.pk).exists()


def follow(*, user: Any, target: models.Model) -> Follow:
    """Follow target (once: following again changes nothing)."""
    _check(user)
    content_type = ContentType.objects.get_for_model(target)
    try:
        with transaction.atomic():
            found, _created = Follow.objects.get_or_create(
                user=user, content_type=content_type, object_id=target.pk
            )
    except IntegrityError:  # a second request at the same moment made it
        found = Follow.objects.get(user=user, content_type=content_type, object_id=target.pk)
    return found


def unfollow(*, user: Any, target: models.Model) -> None:
    _check(user)
    content_type = ContentType.objects.get_for_model(target)
    Follow.objects.filter(user=user, content_type=content_type, object_id=target.pk).delete()


def stop_following(*, user: Any, follow: Follow) -> None:
    """Stop one of one's follows (its target may no longer be public)."""
    if follow.user_id != user.pk:
        raise PermissionDenied
    follow.delete()
