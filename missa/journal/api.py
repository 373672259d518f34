"""The API's journal: the months it covers, each with its editorial and stored figures."""

import datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from missa.activity.models import MonthSummary
from missa.core.models import Sector
from missa.core.rest import Page, PageQuery, Text, absolute, page_of, responses, texts

from .models import JournalMonth, journal_span, month_url

router = Router(tags=["journal"])


class JournalMonthOut(Schema):
    month: str = Field(description="YYYY-MM")
    title: Text | None = Field(description="What the month was about; null without editorial.")
    editorial: Text | None = Field(description="The editorial, in Markdown; null without one.")
    activity_count: int = Field(description="Public activities recorded in the month.")
    actor_count: int = Field(description="Actors who did something in the month.")
    sector_counts: dict[str, int] = Field(description="Activities by sector's slug.")
    kind_counts: dict[str, int] = Field(description="Activities by kind.")
    activities: str = Field(description="The month's activities in this API.")
    url: str


class JournalMonthPage(Page):
    results: list[JournalMonthOut]


def _months(request: HttpRequest, months: list[datetime.date]) -> list[dict[str, Any]]:
    editorials = {
        entry.month: entry for entry in JournalMonth.objects.published().filter(month__in=months)
    }
    summaries = {
        summary.month: summary for summary in MonthSummary.objects.filter(month__in=months)
    }
    slugs = {str(sector.pk): sector.slug for sector in Sector.objects.only("pk", "slug")}
    found = []
    for month in months:
        editorial = editorials.get(month)
        summary = summaries.get(month) or MonthSummary(month=month)
        key = f"{month:%Y-%m}"
        found.append(
            {
                "month": key,
                "title": texts(editorial, "title") if editorial else None,
                "editorial": texts(editorial, "editorial") if editorial else None,
                "activity_count": summary.activity_count,
                "actor_count": summary.actor_count,
                "sector_counts": {
                    slugs[pk]: count for pk, count in summary.sector_counts.items() if pk in slugs
                },
                "kind_counts": dict(summary.kind_counts),
                "activities": absolute(request, f"{reverse('api-v1:list_activities')}?month={key}"),
                "url": absolute(request, month_url(month)),
            }
        )
    return found


@router.get("/journal/", response=responses(JournalMonthPage), summary="Journal months")
def list_journal_months(request: HttpRequest, paging: Query[PageQuery]) -> dict[str, Any]:
    """The months the journal covers, newest first: each with its editorial, if published,
    and its figures (stored when the month's activities are recorded)."""
    return page_of(
        request, journal_span().months(), paging, lambda months: _months(request, months)
    )


@router.get("/journal/{month}/", response=responses(JournalMonthOut), summary="A journal month")
def get_journal_month(request: HttpRequest, month: str) -> dict[str, Any]:
    """One month of the journal (YYYY-MM)."""
    try:
        day = datetime.date.fromisoformat(f"{month}-01")
    except ValueError:
        raise Http404 from None
    if len(month) != 7 or not journal_span().contains(day):
        raise Http404
    return _months(request, [day])[0]
