"""The actors as open data: the directory, and every role each actor held (missa.opendata)."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _

from missa.core.datasets import Column, Dataset, in_chunks, related_slugs, site_address

from .models import Actor, ActorRole

SLUG = r"^[a-z0-9-]+$"


def _actor_rows() -> Iterator[Sequence[Any]]:
    actors = Actor.objects.public().only(
        "pk",
        "slug",
        "name",
        "kind",
        "siret",
        "town",
        "postcode",
        "website",
        "latitude",
        "longitude",
        "joined_on",
        "description_fr",
        "description_en",
    )
    for chunk in in_chunks(actors):
        sectors = related_slugs(Actor.sectors.through, "actor_id", chunk)
        for actor in chunk:
            yield (
                actor.slug,
                actor.name,
                actor.kind,
                actor.siret or None,
                sectors[actor.pk],
                actor.description_fr or None,
                actor.description_en or None,
                actor.town or None,
                actor.postcode or None,
                actor.website or None,
                actor.latitude,
                actor.longitude,
                actor.joined_on,
                site_address(actor.get_absolute_url()),
            )


def _role_rows() -> Iterator[Sequence[Any]]:
    roles = ActorRole.objects.filter(actor__is_public=True).select_related("actor")
    for chunk in in_chunks(
        roles.only(
            "pk", "role", "start_date", "end_date", "position_fr", "position_en", "actor__slug"
        )
    ):
        for role in chunk:
            yield (
                role.pk,
                role.actor.slug,
                role.role,
                getattr(role, "position_fr", "") or None,
                getattr(role, "position_en", "") or None,
                role.start_date,
                role.end_date,
            )


def datasets() -> list[Dataset]:
    return [
        Dataset(
            name="actors",
            title=_("Actors"),
            description=_(
                "The programme's public actors — companies, associations, institutions, public "
                "bodies, partner territories and persons — as the directory shows them."
            ),
            columns=[
                Column(
                    "slug",
                    "string",
                    "The actor's identifier, in its page's address.",
                    True,
                    pattern=SLUG,
                ),
                Column("name", "string", "Its name.", True),
                Column("kind", "string", "Its kind.", True, enum=Actor.Kind.values),
                Column("siret", "string", "A company's SIRET (14 digits).", pattern=r"^\d{14}$"),
                Column("sectors", "string", "Slugs of its sectors, separated by a space."),
                Column("description_fr", "string", "Its description, in French (Markdown)."),
                Column("description_en", "string", "Its description, in English (Markdown)."),
                Column("town", "string", "Its town."),
                Column("postcode", "string", "Its postcode."),
                Column("website", "string", "Its website.", format="uri"),
                Column("latitude", "number", "Latitude of its pin on the map (WGS 84)."),
                Column("longitude", "number", "Longitude of its pin on the map (WGS 84)."),
                Column("joined_on", "date", "The day it joined the programme.", True),
                Column("url", "string", "Its page on this site.", True, format="uri"),
            ],
            rows=_actor_rows,
            primary_key=["slug"],
            order=10,
        ),
        Dataset(
            name="actor-roles",
            title=_("Actors' roles"),
            description=_(
                "Every role a public actor held in the programme, dated: ambassador, "
                "steering-committee member, institutional partner, partner territory, expert, "
                "elected official. A role without an end date is held today."
            ),
            columns=[
                Column("id", "integer", "The role's identifier.", True),
                Column("actor", "string", "The actor's slug (actors.csv).", True, pattern=SLUG),
                Column("role", "string", "The role.", True, enum=ActorRole.Role.values),
                Column("position_fr", "string", "Its position, in French (co-chair…)."),
                Column("position_en", "string", "Its position, in English."),
                Column("start_date", "date", "The first day it held the role.", True),
                Column("end_date", "date", "The last day it held the role; empty while held."),
            ],
            rows=_role_rows,
            primary_key=["id"],
            order=11,
        ),
    ]
