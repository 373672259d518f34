"""Key figures shown on public pages, computed once and kept in the shared cache.

Counting roles or sector members reads rows in proportion to the data, so the figures are
cached — keyed by the data version (advanced by every committed write) and the day (roles are
dated): a figure is never older than the data (docs/decisions/0003-cached-figures.md).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from missa.core.models import Sector
from missa.core.versioning import figure_for_today

from .models import Actor, ActorRole

Role = ActorRole.Role
# The network's members: who applies to join and appears in the register.
MEMBER_ROLES = (Role.AMBASSADOR, Role.INSTITUTIONAL_PARTNER)


@dataclass(frozen=True)
class NetworkFigures:
    """How many public actors hold each role today; each figure says what it counts."""

    ambassadors: int = 0
    # {actor kind: ambassadors of that kind}, such as 500 companies and 15 associations.
    ambassadors_by_kind: dict[str, int] = field(default_factory=dict)
    committee: int = 0
    institutional_partners: int = 0
    partner_territories: int = 0
    # Ambassadors and institutional partners, each actor once: the register's count.
    members: int = 0
    # Every public actor: the directory's count.
    actors: int = 0


def _compute_network_figures() -> NetworkFigures:
    roles = ActorRole.objects.current().filter(actor__is_public=True)

    def holders(*wanted: str) -> Count:
        return Count("actor", filter=Q(role__in=wanted), distinct=True)

    counts = roles.aggregate(
        ambassadors=holders(Role.AMBASSADOR),
        committee=holders(Role.COMMITTEE_MEMBER),
        institutional_partners=holders(Role.INSTITUTIONAL_PARTNER),
        partner_territories=holders(Role.PARTNER_TERRITORY),
        members=holders(*MEMBER_ROLES),
    )
    # Every public actor, and the ambassadors among them by kind, in one query.
    ambassador = Exists(
        ActorRole.objects.current().filter(actor=OuterRef("pk"), role=Role.AMBASSADOR)
    )
    public = Actor.objects.public().annotate(is_ambassador=ambassador).order_by()
    tally = public.aggregate(
        actors=Count("pk"),
        **{
            f"kind_{kind}": Count("pk", filter=Q(kind=kind, is_ambassador=True))
            for kind in Actor.Kind.values
        },
    )
    by_kind = {kind: tally[f"kind_{kind}"] for kind in Actor.Kind.values if tally[f"kind_{kind}"]}
    return NetworkFigures(
        **counts,
        ambassadors_by_kind=dict(sorted(by_kind.items(), key=lambda item: (-item[1], item[0]))),
        actors=tally["actors"],
    )


def network_figures() -> NetworkFigures:
    """Return the network's key figures (the home page's, the register's, the directory's).

    Roles are dated: the figures change with the day as well as with the data.
    """
    return figure_for_today("network", _compute_network_figures)


def sector_actor_count(sector: Sector) -> int:
    """Return how many public actors belong to sector."""
    return figure_for_today(
        f"sector-actors:{sector.pk}", lambda: Actor.objects.public().filter(sectors=sector).count()
    )


def directory_count(actors: "QuerySet[Actor]", filters: Mapping[str, Any]) -> int:
    """Return how many actors the directory's filters keep (actors: filtered by them), counted
    once per data version and day for every visitor and app server.

    The filters are known values (a sector, a kind, a role), so their combinations are few; a
    search is not one of them (its results are kept instead: core.search).
    """
    key = "&".join(f"{name}={filters[name]}" for name in sorted(filters))
    return figure_for_today(f"directory:{key}", actors.count)
