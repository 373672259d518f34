"""The journal: the programme month after month."""

import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from missa.activity.models import Activity, MonthSummary
from missa.core.models import Sector, add_months
from missa.core.pagination import paginate
from missa.programme.models import programme_timeline

from .models import JournalMonth

MONTHS_PER_PAGE = 12
ACTIVITIES_PER_PAGE = 25


@require_safe
def month_list(request: HttpRequest) -> HttpResponse:
    timeline = programme_timeline()
    page = paginate(request, timeline.months(), MONTHS_PER_PAGE)
    months = list(page.object_list)
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
    rows = [
        {"month": month, "editorial": editorials.get(month), "summary": summaries.get(month)}
        for month in months
    ]
    return render(
        request, "journal/month_list.html", {"timeline": timeline, "page": page, "rows": rows}
    )


@require_safe
def month_detail(request: HttpRequest, year: str, month: str) -> HttpResponse:
    try:
        current = datetime.date(int(year), int(month), 1)
    except ValueError as error:
        raise Http404("No such month.") from error
    timeline = programme_timeline()
    editorial = JournalMonth.objects.published().filter(month=current).first()
    if not timeline.has_reached(current) and editorial is None:
        raise Http404("This month is not part of the programme.")
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
    page = paginate(request, activities, ACTIVITIES_PER_PAGE, count=count)

    previous_month = add_months(current, -1)
    next_month = add_months(current, 1)
    context = {
        "month": current,
        "editorial": editorial,
        "summary": summary,
        "sector_rows": sector_rows,
        "selected_sector": selected,
        "page": page,
        "previous_month": previous_month if timeline.has_reached(previous_month) else None,
        "next_month": next_month if timeline.has_reached(next_month) else None,
        "timeline": timeline,
    }
    return render(request, "journal/month_detail.html", context)
