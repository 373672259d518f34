"""The API's committee: announced meetings (without what is confidential) and the register
of decisions."""

import datetime
from typing import Annotated, Any

from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from missa.core.models import Objective, Sector
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

from .forms import DecisionFilterForm
from .models import AgendaItem, Decision, Meeting

router = Router(tags=["committee"])


class AgendaItemOut(Schema):
    title: Text
    description: Text


class MeetingOut(Schema):
    slug: str
    kind: Annotated[str, one_of(Meeting.Kind)]
    title: Text
    description: Text
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str
    online_link: str | None
    organiser: str | None = Field(description="The organising actor's slug.")
    held: bool
    present_count: int
    excused_count: int
    absent_count: int
    guest_count: int
    decision_count: int
    url: str
    calendar: str = Field(description="The meeting as iCalendar (.ics).")


class MeetingDetailOut(MeetingOut):
    agenda: list[AgendaItemOut] = Field(description="Its public agenda items, in order.")
    minutes: Text | None = Field(description="The minutes in Markdown, once published.")


class MeetingPage(Page):
    results: list[MeetingOut]


class DecisionOut(Schema):
    number: int
    title: Text
    text: Text = Field(description="Markdown.")
    decided_on: datetime.date
    method: Annotated[str, one_of(Decision.Method)]
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    meeting: str = Field(description="The meeting's slug (see /meetings/{slug}/).")
    sectors: list[str]
    objectives: list[str]
    url: str


class DecisionPage(Page):
    results: list[DecisionOut]


class DecisionFilters(Schema):
    q: SearchText = Field(None, max_length=100, description="Words of the title or text.")
    year: int | None = Field(None, ge=1900, le=2200)
    sector: SlugFilter = Field(None, description="A sector's slug.")
    objective: SlugFilter = Field(None, description="An objective's slug.")


def _meeting(request: HttpRequest, meeting: Meeting) -> dict[str, Any]:
    return {
        "slug": meeting.slug,
        "kind": meeting.kind,
        "title": texts(meeting, "title"),
        "description": texts(meeting, "description"),
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "online_link": meeting.online_link or None,
        "organiser": meeting.organiser.slug if meeting.organiser else None,
        "held": meeting.held_at is not None,
        **{
            name: getattr(meeting, name)
            for name in (
                "present_count",
                "excused_count",
                "absent_count",
                "guest_count",
                "decision_count",
            )
        },
        "url": absolute(request, meeting.get_absolute_url()),
        "calendar": absolute(request, f"{meeting.get_absolute_url()}calendar.ics"),
    }


@router.get("/meetings/", response=responses(MeetingPage), summary="Meetings")
def list_meetings(request: HttpRequest, paging: Query[PageQuery]) -> dict[str, Any]:
    """The announced meetings of the committee, plenaries and workshops, newest first."""
    meetings = Meeting.objects.published().select_related("organiser").order_by("-starts_at", "-pk")
    return page_of(request, meetings, paging, lambda rows: [_meeting(request, row) for row in rows])


@router.get("/meetings/{slug}/", response=responses(MeetingDetailOut), summary="A meeting")
def get_meeting(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One announced meeting: its public agenda, its figures and its published minutes."""
    public_items = AgendaItem.objects.filter(is_confidential=False).order_by("order", "pk")
    meeting = (
        Meeting.objects.published()
        .select_related("organiser")
        .prefetch_related(Prefetch("items", queryset=public_items))
        .filter(slug=slug)
        .first()
    )
    if meeting is None:
        raise Http404
    return {
        **_meeting(request, meeting),
        "agenda": [
            {"title": texts(item, "title"), "description": texts(item, "description")}
            for item in meeting.items.all()
        ],
        "minutes": texts(meeting, "minutes") if meeting.minutes_published_at else None,
    }


def _decision(request: HttpRequest, decision: Decision) -> dict[str, Any]:
    return {
        "number": decision.number,
        "title": texts(decision, "title"),
        "text": texts(decision, "text"),
        "decided_on": decision.decided_on,
        "method": decision.method,
        "votes_for": decision.votes_for,
        "votes_against": decision.votes_against,
        "abstentions": decision.abstentions,
        "meeting": decision.meeting.slug,
        "sectors": [sector.slug for sector in decision.sectors.all()],
        "objectives": [objective.slug for objective in decision.objectives.all()],
        "url": absolute(request, decision.get_absolute_url()),
    }


def _decisions() -> Any:
    return (
        Decision.objects.filter(meeting__published_at__isnull=False)
        .select_related("meeting")
        .prefetch_related(
            Prefetch("sectors", queryset=Sector.objects.only("pk", "slug")),
            Prefetch("objectives", queryset=Objective.objects.only("pk", "slug")),
        )
    )


@router.get("/decisions/", response=responses(DecisionPage), summary="Decisions")
def list_decisions(
    request: HttpRequest, filters: Query[DecisionFilters], paging: Query[PageQuery]
) -> dict[str, Any]:
    """The register of the committee's numbered decisions, newest first, filtered as the
    register's page filters them."""
    sectors, objectives = list(Sector.objects.all()), list(Objective.objects.all())
    form = DecisionFilterForm(years=[], sectors=sectors, objectives=objectives)
    chosen = filters.dict(exclude_none=True)
    if "sector" in chosen:
        known("sector", chosen["sector"], form.sectors)
    if "objective" in chosen:
        known("objective", chosen["objective"], form.objectives)
    if not str(chosen.get("q", "")).strip():
        chosen.pop("q", None)
    decisions = form.apply(_decisions(), chosen).order_by("-number")
    return page_of(
        request, decisions, paging, lambda rows: [_decision(request, row) for row in rows]
    )


@router.get("/decisions/{number}/", response=responses(DecisionOut), summary="A decision")
def get_decision(request: HttpRequest, number: int) -> dict[str, Any]:
    """One decision of the register, by its number."""
    decision = _decisions().filter(number=number).first()
    if decision is None:
        raise Http404
    return _decision(request, decision)
