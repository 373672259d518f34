"""The API's territory and vocabularies: sectors, objectives, benefits (missa.api)."""

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema
from pydantic import Field

from .models import Benefit, Objective, Sector, Territory
from .rest import Text, absolute, responses, texts

router = Router(tags=["territory"])


class TerritoryOut(Schema):
    name: str
    insee_code: str
    brand_name: str
    nickname: Text
    tagline: Text
    short_description: Text
    description: Text
    languages: list[str]
    url: str


class TermOut(Schema):
    slug: str
    order: int
    name: Text
    description: Text
    colour: str
    url: str | None = Field(description="The term's page, where it has one (sectors).")


@router.get("/territory/", response=responses(TerritoryOut), summary="The territory")
def get_territory(request: HttpRequest) -> dict[str, Any]:
    """The territory whose programme MISSA runs, in both languages."""
    territory = Territory.objects.current()
    if territory is None:
        raise Http404
    return {
        "name": territory.name,
        "insee_code": territory.insee_code,
        "brand_name": territory.brand_name,
        **{
            field: texts(territory, field)
            for field in ("nickname", "tagline", "short_description", "description")
        },
        "languages": list(territory.languages),
        "url": absolute(request, "/"),
    }


def _terms(
    request: HttpRequest, model: type[Sector] | type[Objective] | type[Benefit]
) -> list[dict[str, Any]]:
    return [
        {
            "slug": term.slug,
            "order": term.order,
            "name": texts(term, "name"),
            "description": texts(term, "description"),
            "colour": term.colour,
            "url": absolute(request, term.get_absolute_url()) if isinstance(term, Sector) else None,
        }
        for term in model.objects.all()
    ]


@router.get("/sectors/", response=responses(list[TermOut]), summary="Sectors")
def list_sectors(request: HttpRequest) -> list[dict[str, Any]]:
    """The programme's strategic sectors, in their order."""
    return _terms(request, Sector)


@router.get("/objectives/", response=responses(list[TermOut]), summary="Objectives")
def list_objectives(request: HttpRequest) -> list[dict[str, Any]]:
    """The programme's objectives, in their order."""
    return _terms(request, Objective)


@router.get("/benefits/", response=responses(list[TermOut]), summary="Benefits")
def list_benefits(request: HttpRequest) -> list[dict[str, Any]]:
    """The benefits (retombées) expected for the inhabitants, in their order."""
    return _terms(request, Benefit)
