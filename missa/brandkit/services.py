"""Downloading from the brand kit: who may, and the log of who did."""

from django.db import transaction

from missa.accounts.models import User
from missa.actors.models import Membership

from .models import BrandAsset, Download, UsageAcceptance


def may_download(user: User | None, asset: BrandAsset) -> bool:
    """Return whether user may download asset now (gated ones need the conditions accepted)."""
    if asset.is_public:
        return True
    if user is None or not user.is_authenticated:
        return False
    return bool(
        user.has_perm("brandkit.download_gated_assets")
        and UsageAcceptance.objects.filter(user=user).exists()
    )


@transaction.atomic
def accept_usage_conditions(*, user: User) -> UsageAcceptance:
    acceptance, _created = UsageAcceptance.objects.get_or_create(user=user)
    return acceptance


def record_download(*, asset: BrandAsset, user: User | None) -> Download:
    """Log a download with the organisation the member acts for."""
    actor_id = None
    if user is not None and user.is_authenticated:
        actor_id = (
            Membership.objects.filter(user=user)
            .in_good_standing()
            .order_by("pk")
            .values_list("actor_id", flat=True)
            .first()
        )
    return Download.objects.create(
        asset=asset,
        user=user if user is not None and user.is_authenticated else None,
        actor_id=actor_id,
    )
