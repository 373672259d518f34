"""The API's charter: every published version, as it was published (missa.api)."""

import datetime
from typing import Any

from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from missa.core.rest import Page, PageQuery, Text, absolute, page_of, responses, texts

from .models import CharterVersion, Commitment

router = Router(tags=["charter"])


class CommitmentOut(Schema):
    text: Text
    required: bool = Field(description="Every ambassador makes it; otherwise it is chosen.")


class CharterVersionOut(Schema):
    number: int
    title: Text
    text: Text = Field(description="Markdown.")
    benefits: Text = Field(description="What ambassadors receive (Markdown).")
    commitments: list[CommitmentOut]
    published_at: datetime.datetime
    current: bool = Field(description="The version applicants accept today.")
    url: str


class CharterVersionPage(Page):
    results: list[CharterVersionOut]


def _versions() -> Any:
    return CharterVersion.objects.published().prefetch_related(
        Prefetch("commitments", queryset=Commitment.objects.order_by("order", "pk"))
    )


def _version(request: HttpRequest, version: CharterVersion, current: int | None) -> dict[str, Any]:
    return {
        "number": version.number,
        **{name: texts(version, name) for name in ("title", "text", "benefits")},
        "commitments": [
            {"text": texts(commitment, "text"), "required": commitment.is_required}
            for commitment in version.commitments.all()
        ],
        "published_at": version.published_at,
        "current": version.number == current,
        "url": absolute(request, version.get_absolute_url()),
    }


def _current_number() -> int | None:
    return (
        CharterVersion.objects.published()
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )


@router.get("/charter/", response=responses(CharterVersionPage), summary="The charter")
def list_charter_versions(request: HttpRequest, paging: Query[PageQuery]) -> dict[str, Any]:
    """Every published version of the charter, the current one first: what ambassadors
    commit to and what they receive. A published version never changes."""
    current = _current_number()
    return page_of(
        request,
        _versions().order_by("-number"),
        paging,
        lambda rows: [_version(request, version, current) for version in rows],
    )


@router.get(
    "/charter/{number}/", response=responses(CharterVersionOut), summary="A charter version"
)
def get_charter_version(request: HttpRequest, number: int) -> dict[str, Any]:
    """One published version of the charter, by its number."""
    version = _versions().filter(number=number).first()
    if version is None:
        raise Http404
    return _version(request, version, _current_number())
