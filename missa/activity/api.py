"""The API's ledger: public activities, newest first, read page after page with a cursor; and
what an organisation's own systems report it did, with a personal API token."""

import base64
import binascii
import datetime
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError, ValidationError
from pydantic import Field

from missa.actors.api import token_auth
from missa.actors.models import Actor, ApiToken
from missa.core.models import Sector
from missa.core.rest import (
    MONTH_PATTERN,
    PER_PAGE,
    PER_PAGE_MAX,
    InvalidParameters,
    IsoDate,
    OneOf,
    Problem,
    SlugFilter,
    Text,
    absolute,
    invalid,
    known,
    one_of,
    responses,
    texts,
)

from .forms import ActivityReportForm
from .models import Activity, MonthSummary
from .services import REPORTABLE_KINDS

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
    month: str | None = Field(None, pattern=MONTH_PATTERN, description="A month: YYYY-MM.")
    since: IsoDate | None = Field(None, description="From this day on (included).")
    until: IsoDate | None = Field(None, description="Up to this day (included).")
    actor: SlugFilter = Field(None, description="An actor's slug.")
    sector: SlugFilter = Field(None, description="A sector's slug.")
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


class ActivityIn(Schema):
    kind: Annotated[str, OneOf(tuple(str(kind) for kind in REPORTABLE_KINDS))] = Field(
        description="What kind of action (the kinds an organisation reports itself)."
    )
    title: str = Field(description="One line, at most 250 characters.")
    date: IsoDate = Field(description="The day it was done: today or before.")
    text: str = Field("", description="Tell more (at most 3,000 characters).")
    link: str = Field("", description="An address about it (https).")
    sectors: list[str] = Field(
        [], description="Slugs of its sectors; none: the organisation's own."
    )


@router.post(
    "/actors/{slug}/activities/",
    auth=token_auth,
    response={
        201: ActivityOut,
        400: InvalidParameters,
        401: Problem,
        403: Problem,
        404: Problem,
        429: Problem,
    },
    summary="Report an activity",
    tags=["writing"],
)
def report_actor_activity(
    request: HttpRequest, response: HttpResponse, slug: str, report: ActivityIn
) -> Status:
    """Report what an organisation did for the territory, as its members do with the web
    form (the same checks): with a personal API token made on MISSA for this organisation,
    sent as the header Authorization: Bearer missa_…. The activity is public at once."""
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    actor = Actor.objects.public().filter(slug=slug).first()
    if actor is None:
        raise Http404
    if not token.actors.filter(pk=actor.pk).exists():
        raise HttpError(403, _("This token does not report for %(name)s.") % {"name": actor.name})
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    unknown = [name for name in report.sectors if name not in sectors]
    if unknown:
        message = _("Nothing is called “%(slug)s” in %(list)s.")
        raise invalid("sectors", message % {"slug": unknown[0], "list": "/api/v1/sectors/"}, "body")
    form = ActivityReportForm(
        {
            **report.dict(exclude={"date", "sectors"}),
            "date": report.date.isoformat(),
            "sectors": [sectors[name].pk for name in report.sectors],
        }
    )
    if not form.is_valid():
        raise ValidationError(
            [
                {"loc": ("body", name), "msg": " ".join(str(error) for error in errors)}
                for name, errors in form.errors.items()
            ]
        )
    try:
        activity = form.report(actor=actor, user=token.user)
    except PermissionDenied:
        message = _("The person who made this token no longer acts for %(name)s.")
        raise HttpError(403, message % {"name": actor.name}) from None
    activity = (
        Activity.objects.select_related("actor")
        .prefetch_related(Prefetch("sectors", queryset=Sector.objects.only("pk", "slug")))
        .get(pk=activity.pk)
    )
    response["Location"] = absolute(request, activity.get_absolute_url())
    return Status(201, _activity(request, activity))
