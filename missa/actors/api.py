"""The API's actors: the directory and each actor with its roles (missa.api)."""

import datetime
from typing import Annotated, Any, Literal

from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from ninja.security import HttpBearer
from pydantic import Field

from missa.core.models import Sector
from missa.core.rest import (
    Page,
    PageQuery,
    SearchText,
    SlugFilter,
    Text,
    absolute,
    known,
    one_of,
    page_of,
    responses,
    texts,
)

from .figures import directory_count, network_figures
from .forms import DirectoryFilterForm
from .models import Actor, ActorRole, ApiToken
from .services import api_token_for

router = Router(tags=["actors"])


class TokenAuth(HttpBearer):
    """A personal API token, sent as `Authorization: Bearer missa_…`: the writes of the API
    (an organisation's systems reporting what it did) are made in its person's name."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return api_token_for(token)


token_auth = TokenAuth()


class RoleOut(Schema):
    role: Annotated[str, one_of(ActorRole.Role)]
    position: Text
    start_date: datetime.date
    end_date: datetime.date | None


class Location(Schema):
    latitude: float
    longitude: float


class ActorOut(Schema):
    slug: str
    name: str
    kind: Annotated[str, one_of(Actor.Kind)]
    description: Text
    town: str
    postcode: str
    website: str | None
    location: Location | None = Field(description="WGS 84; null where it is not known.")
    logo: str | None
    sectors: list[str] = Field(description="Slugs of its sectors (see /sectors/).")
    roles: list[RoleOut] = Field(description="Its roles in the programme, past ones included.")
    joined_on: datetime.date
    url: str


class ActorPage(Page):
    results: list[ActorOut]


class ActorFilters(Schema):
    q: SearchText = Field(None, max_length=100, description="Words of the name.")
    sector: SlugFilter = Field(None, description="A sector's slug.")
    kind: Annotated[str, one_of(Actor.Kind)] | None = None
    role: Annotated[str, one_of(ActorRole.Role)] | None = Field(
        None, description="Actors holding this role today."
    )
    sort: Literal["relevance", "name", "-name", "joined", "-joined"] | None = Field(
        None, description="By name unless told; with q, the best matches first."
    )


def _actors() -> Any:
    roles = ActorRole.objects.order_by("start_date", "pk")
    return Actor.objects.public().prefetch_related(
        Prefetch("sectors", queryset=Sector.objects.only("pk", "slug")),
        Prefetch("roles", queryset=roles),
    )


def _actor(request: HttpRequest, actor: Actor) -> dict[str, Any]:
    location = actor.location
    return {
        "slug": actor.slug,
        "name": actor.name,
        "kind": actor.kind,
        "description": texts(actor, "description"),
        "town": actor.town,
        "postcode": actor.postcode,
        "website": actor.website or None,
        "location": {"latitude": location[0], "longitude": location[1]} if location else None,
        "logo": absolute(request, actor.logo.url) if actor.logo else None,
        "sectors": [sector.slug for sector in actor.sectors.all()],
        "roles": [
            {
                "role": role.role,
                "position": texts(role, "position"),
                "start_date": role.start_date,
                "end_date": role.end_date,
            }
            for role in actor.roles.all()
        ],
        "joined_on": actor.joined_on,
        "url": absolute(request, actor.get_absolute_url()),
    }


@router.get("/actors/", response=responses(ActorPage), summary="Actors")
def list_actors(
    request: HttpRequest, filters: Query[ActorFilters], paging: Query[PageQuery]
) -> dict[str, Any]:
    """The public actors of the programme (the directory), 25 a page, filtered as the
    directory filters them."""
    actors = _actors()
    chosen = filters.dict(exclude_none=True)
    chosen["q"] = " ".join(str(chosen.get("q", "")).split())
    if chosen["q"]:
        actors = actors.search(chosen["q"])
    else:
        del chosen["q"]
    if "sector" in chosen:
        actors = actors.filter(sectors=known("sector", chosen["sector"], Sector.objects.all()))
    if "kind" in chosen:
        actors = actors.filter(kind=chosen["kind"])
    if "role" in chosen:
        actors = actors.with_role(chosen["role"])
    if chosen.get("sort") == "relevance" and "q" not in chosen:
        del chosen["sort"]
    actors = actors.order_by(*DirectoryFilterForm.sort_of(chosen))
    # Every public actor: the stored figure (the directory's and the home page's); filtered,
    # the directory's kept count for those filters; a search is counted.
    filtering = {name: chosen[name] for name in set(chosen) - {"sort", "q"}}
    if "q" in chosen:
        count = None
    else:
        count = directory_count(actors, filtering) if filtering else network_figures().actors
    return page_of(
        request, actors, paging, lambda rows: [_actor(request, row) for row in rows], count
    )


@router.get("/actors/{slug}/", response=responses(ActorOut), summary="An actor")
def get_actor(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One public actor, with its sectors and roles."""
    actor = _actors().filter(slug=slug).first()
    if actor is None:
        raise Http404
    return _actor(request, actor)
