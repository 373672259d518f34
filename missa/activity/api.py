"""The API's ledger: public activities, newest first, read page after page with a cursor."""

import base64
import binascii
import datetime
from typing import Annotated, Any

from django.db.models import Prefetch, Q, Sum
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from missa.actors.models import Actor
from missa.core.models import Sector
from missa.core.rest import (
    PER_PAGE,
    PER_PAGE_MAX,
    Text,
    absolute,
    invalid,
    known,
    one_of,
    responses,
    texts,
)

from .models import Activity, MonthSummary

router = Router(tags=["activities"])


class ActivityOut(Schema):
    id: int
    kind: Annotated[str, one_of(Activity.Kind)]
    date: datetime.date
    title: Text
    text: Text
    link: str | None
    photo: str | None
    photo_alt: Text
    actor: str = Field(description="The actor's slug (see /actors/{slug}/).")
    actor_name: str
    sectors: list[str] = Field(description="Slugs of its sectors.")
    url: str


class ActivityPage(Schema):
    count: int | None = Field(
        description="The number of results, where it is stored (every activity, a month's, a "
        "month's in a sector or of a kind); null otherwise."
    )
    per_page: int
    next: str | None = Field(description="The next page's address, null on the last page.")
    results: list[ActivityOut]


class ActivityFilters(Schema):
    month: str | None = Field(
        None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="A month: YYYY-MM."
    )
    since: datetime.date | None = Field(None, description="From this day on (included).")
    until: datetime.date | None = Field(None, description="Up to this day (included).")
    actor: str | None = Field(None, description="An actor's slug.")
    sector: str | None = Field(None, description="A sector's slug.")
    kind: Annotated[str, one_of(Activity.Kind)] | None = None
    cursor: str | None = Field(None, max_length=100, description="Where a page starts: as given.")
    per_page: int = Field(PER_PAGE, ge=1, le=PER_PAGE_MAX, description="Results a page.")


def _cursor(activity: Activity) -> str:
    return base64.urlsafe_b64encode(f"{activity.date.isoformat()}|{activity.pk}".encode()).decode()


def _after(cursor: str) -> Q:
    """Return the condition for the activities after cursor (newest first)."""
    try:
        day, pk = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        date, number = datetime.date.fromisoformat(day), int(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        message = _("This cursor is not one the API gave: start again without it.")
        raise invalid("cursor", message) from None
    return Q(date__lt=date) | Q(date=date, pk__lt=number)


def _stored_count(filters: ActivityFilters, sector: Sector | None) -> int | None:
    """Return the number of results from the monthly summaries, where they hold it."""
    chosen = {
        name for name in ("month", "since", "until", "actor", "kind") if getattr(filters, name)
    }
    if sector is not None:
        chosen.add("sector")
    if not chosen:
        total = MonthSummary.objects.aggregate(total=Sum("activity_count"))["total"]
        return int(total or 0)
    if (
        "month" not in chosen
        or chosen - {"month", "sector", "kind"}
        or chosen >= {"sector", "kind"}
    ):
        return None
    month = datetime.date.fromisoformat(f"{filters.month}-01")
    summary = MonthSummary.objects.filter(month=month).first()
    if summary is None:
        return 0
    if sector is not None:
        return summary.count_for_sector(sector.pk)
    if filters.kind:
        return int(summary.kind_counts.get(filters.kind, 0))
    return summary.activity_count


@router.get("/activities/", response=responses(ActivityPage), summary="Activities")
def list_activities(request: HttpRequest, filters: Query[ActivityFilters]) -> dict[str, Any]:
    """What the actors did for the territory, newest first, filtered by month, dates, actor,
    sector or kind. Follow `next` for the following page (a cursor: the pages hold still
    while new activities are recorded)."""
    activities = Activity.objects.public()
    sector: Sector | None = None
    if filters.month:
        activities = activities.for_month(datetime.date.fromisoformat(f"{filters.month}-01"))
    if filters.since:
        activities = activities.filter(date__gte=filters.since)
    if filters.until:
        activities = activities.filter(date__lte=filters.until)
    if filters.actor:
        actor = known("actor", filters.actor, Actor.objects.public())
        activities = activities.filter(actor=actor)
    if filters.sector:
        sector = known("sector", filters.sector, Sector.objects.all())
        activities = activities.in_sector(sector)
    if filters.kind:
        activities = activities.filter(kind=filters.kind)
    count = _stored_count(filters, sector)
    if filters.cursor:
        activities = activities.filter(_after(filters.cursor))
    rows = list(
        activities.order_by("-date", "-pk")
        .select_related("actor")
        .prefetch_related(Prefetch("sectors", queryset=Sector.objects.only("pk", "slug")))[
            : filters.per_page + 1
        ]
    )
    more, rows = len(rows) > filters.per_page, rows[: filters.per_page]
    following = None
    if more:
        query: QueryDict = request.GET.copy()
        query["cursor"] = _cursor(rows[-1])
        following = absolute(request, f"{request.path}?{query.urlencode()}")
    return {
        "count": count,
        "per_page": filters.per_page,
        "next": following,
        "results": [_activity(request, activity) for activity in rows],
    }


def _activity(request: HttpRequest, activity: Activity) -> dict[str, Any]:
    return {
        "id": activity.pk,
        "kind": activity.kind,
        "date": activity.date,
        "title": texts(activity, "title"),
        "text": texts(activity, "text"),
        "link": activity.link or None,
        "photo": absolute(request, activity.photo.url) if activity.photo else None,
        "photo_alt": texts(activity, "photo_alt"),
        "actor": activity.actor.slug,
        "actor_name": activity.actor.name,
        "sectors": [sector.slug for sector in activity.sectors.all()],
        "url": absolute(request, activity.get_absolute_url()),
    }
