"""The journal: the programme month after month."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from missa.activity.charts import grouped, monthly_activity_chart
from missa.activity.models import Activity, MonthSummary
from missa.core.models import Sector, add_months, first_of_month, month_name
from missa.core.pagination import paginate
from missa.core.share import card, share_response

from .models import JournalMonth, JournalSpan, journal_span, month_url


@dataclass(frozen=True, slots=True)
class QuietMonths:
    """A run of months in which nothing was recorded, shown as one line of the journal."""

    first: datetime.date
    last: datetime.date


def _journal_entries(
    span: JournalSpan, year: int | None = None
) -> list[datetime.date | QuietMonths]:
    """Return the journal's months newest first (of one year, if given), runs of quiet months
    folded into one entry."""
    lively = set(
        MonthSummary.objects.filter(activity_count__gt=0).values_list("month", flat=True)
    ) | set(JournalMonth.objects.published().values_list("month", flat=True))
    this_month = first_of_month(timezone.localdate())
    entries: list[datetime.date | QuietMonths] = []
    quiet: list[datetime.date] = []
    for month in span.months():
        if year is not None and month.year != year:
            continue
        if month in lively or month == this_month:
            if quiet:
                entries.append(QuietMonths(first=quiet[-1], last=quiet[0]))
                quiet = []
            entries.append(month)
        else:
            quiet.append(month)
    if quiet:
        entries.append(QuietMonths(first=quiet[-1], last=quiet[0]))
    return entries


@require_safe
def month_list(request: HttpRequest) -> HttpResponse:
    span = journal_span()
    years = sorted({month.year for month in span.months()}, reverse=True)
    # A year the journal does not cover, or not a year at all, shows every month.
    asked = request.GET.get("year", "")
    year = int(asked) if asked.isdigit() and int(asked) in years else None
    page = paginate(request, _journal_entries(span, year), "journal_months")
    months = [entry for entry in page.object_list if isinstance(entry, datetime.date)]
    editorials: dict[datetime.date, JournalMonth] = {}
    summaries: dict[datetime.date, MonthSummary] = {}
    if months:
        editorials = {
            entry.month: entry
            for entry in JournalMonth.objects.published().filter(month__in=months)
        }
        summaries = {
            summary.month: summary for summary in MonthSummary.objects.filter(month__in=months)
        }
    chart = monthly_activity_chart(span.active_months(year), month_url)
    rows = [
        {"quiet": entry}
        if isinstance(entry, QuietMonths)
        else {"month": entry, "editorial": editorials.get(entry), "summary": summaries.get(entry)}
        for entry in page.object_list
    ]
    return render(
        request,
        "journal/month_list.html",
        # The same for every visitor.
        {
            "page": page,
            "rows": rows,
            "years": years,
            "year": year,
            "chart": chart,
            "shared_content": "",
        },
    )


def covered_month(year: str, month: str, span: JournalSpan) -> datetime.date:
    """The month of a journal address, or Http404 when it is not one the journal covers."""
    try:
        current = datetime.date(int(year), int(month), 1)
    except ValueError as error:
        raise Http404("No such month.") from error
    if not span.contains(current):
        raise Http404("The journal does not cover this month.")
    return current


@require_safe
def month_detail(request: HttpRequest, year: str, month: str) -> HttpResponse:
    span = journal_span()
    current = covered_month(year, month, span)
    editorial = JournalMonth.objects.published().filter(month=current).first()
    summary = MonthSummary.objects.filter(month=current).first() or MonthSummary(month=current)
    sectors = list(Sector.objects.all())
    sector_rows = [(sector, summary.count_for_sector(sector.pk)) for sector in sectors]
    selected = next((s for s in sectors if s.slug == request.GET.get("sector")), None)

    activities = (
        Activity.objects.public()
        .for_month(current)
        .select_related("actor")
        .order_by("actor_id", "date", "pk")
    )
    count = summary.activity_count
    if selected is not None:
        activities = activities.in_sector(selected)
        count = summary.count_for_sector(selected.pk)
    page = paginate(request, activities, "month_activities", count=count)

    previous_month = add_months(current, -1)
    next_month = add_months(current, 1)
    context = {
        "month": current,
        "editorial": editorial,
        "summary": summary,
        "sector_rows": sector_rows,
        "selected_sector": selected,
        "page": page,
        "previous_month": previous_month if span.contains(previous_month) else None,
        "next_month": next_month if span.contains(next_month) else None,
        "is_current_month": current == first_of_month(timezone.localdate()),
        # The main content is the same for every visitor (core.templatetags.missa).
        "shared_content": "",
    }
    return render(request, "journal/month_detail.html", context)


@require_safe
def month_share(request: HttpRequest, year: str, month: str) -> HttpResponse:
    """The card a month's page shows when its link is shared: its heading and its figures."""
    current = covered_month(year, month, journal_span())

    def draw() -> Any:
        editorial = JournalMonth.objects.published().filter(month=current).first()
        summary = MonthSummary.objects.filter(month=current).first() or MonthSummary(month=current)
        title = editorial.heading if editorial else capfirst(month_name(current))
        subtitle = ", ".join(
            [
                ngettext("%(n)s activity", "%(n)s activities", summary.activity_count)
                % {"n": grouped(summary.activity_count)},
                ngettext("%(n)s actor", "%(n)s actors", summary.actor_count)
                % {"n": grouped(summary.actor_count)},
            ]
        )
        return card(title=title, subtitle=subtitle)

    return share_response(f"month:{current:%Y-%m}", draw)
