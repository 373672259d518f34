"""The API's public register of the network: who is a member today, and since when."""

import datetime
from collections import defaultdict
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from missa.actors.figures import MEMBER_ROLES, network_figures
from missa.actors.models import Actor, ActorRole
from missa.core.rest import Page, PageQuery, absolute, one_of, page_of, responses

router = Router(tags=["network"])


class MembershipOut(Schema):
    role: Annotated[str, one_of(ActorRole.Role)] = Field(
        description="ambassador or institutional_partner"
    )
    since: datetime.date


class RegisterEntryOut(Schema):
    slug: str = Field(description="The actor's slug (see /actors/{slug}/).")
    name: str
    kind: Annotated[str, one_of(Actor.Kind)]
    memberships: list[MembershipOut]
    url: str


class RegisterPage(Page):
    results: list[RegisterEntryOut]


@router.get("/register/", response=responses(RegisterPage), summary="The public register")
def list_register(request: HttpRequest, paging: Query[PageQuery]) -> dict[str, Any]:
    """The network's members today — its ambassadors and institutional partners — by name,
    with the role that makes each a member and since when (the register's page)."""
    members = Actor.objects.public().with_role(*MEMBER_ROLES).order_by("name", "pk")

    def serialize(rows: list[Actor]) -> list[dict[str, Any]]:
        held: dict[int, list[ActorRole]] = defaultdict(list)
        for role in (
            ActorRole.objects.current()
            .filter(actor_id__in=[actor.pk for actor in rows], role__in=MEMBER_ROLES)
            .order_by("start_date", "pk")
        ):
            held[role.actor_id].append(role)
        return [
            {
                "slug": actor.slug,
                "name": actor.name,
                "kind": actor.kind,
                "memberships": [
                    {"role": role.role, "since": role.start_date} for role in held[actor.pk]
                ],
                "url": absolute(request, actor.get_absolute_url()),
            }
            for actor in rows
        ]

    # The register's count is the home page's: the stored figure.
    count = network_figures().members
    return page_of(request, members.only("pk", "name", "slug", "kind"), paging, serialize, count)
