"""Key figures shown on public pages, computed at most once per few minutes per process.

Counting roles or sector members reads rows in proportion to the data; these figures change
slowly, so they are cached for FIGURES_TTL seconds (see docs/decisions/0003-cached-figures.md).
"""

from django.core.cache import cache
from django.db.models import Count, Q

from missa.actors.models import Actor, ActorRole
from missa.core.models import Sector

FIGURES_TTL = 300


def role_counts() -> dict[str, int]:
    """Return how many public actors currently are ambassadors, committee members, partners."""

    def compute() -> dict[str, int]:
        role = ActorRole.Role
        return dict(
            ActorRole.objects.current()
            .filter(actor__is_public=True)
            .aggregate(
                ambassadors=Count("actor", filter=Q(role=role.AMBASSADOR), distinct=True),
                committee=Count("actor", filter=Q(role=role.COMMITTEE_MEMBER), distinct=True),
                partners=Count(
                    "actor",
                    filter=Q(role__in=[role.INSTITUTIONAL_PARTNER, role.PARTNER_TERRITORY]),
                    distinct=True,
                ),
            )
        )

    counts: dict[str, int] = cache.get_or_set("figures:role-counts", compute, FIGURES_TTL) or {}
    return counts


def sector_actor_count(sector: Sector) -> int:
    """Return how many public actors belong to sector."""
    count = cache.get_or_set(
        f"figures:sector-actors:{sector.pk}",
        lambda: Actor.objects.public().filter(sectors=sector).count(),
        FIGURES_TTL,
    )
    return int(count or 0)
