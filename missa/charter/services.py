"""Publishing a charter version: from then on it is kept exactly as it was."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import CharterVersion


@transaction.atomic
def publish_charter_version(*, version: CharterVersion) -> CharterVersion:
    """Publish a draft version; it becomes the one applicants accept."""
    locked = CharterVersion.objects.select_for_update().get(pk=version.pk)
    if locked.published_at is not None:
        raise ValidationError(_("This charter version is already published."))
    if not locked.commitments.exists():
        raise ValidationError(_("A charter version needs at least one commitment."))
    CharterVersion.objects.filter(pk=locked.pk).update(published_at=timezone.now())
    locked.refresh_from_db()
    return locked
