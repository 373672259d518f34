"""The journal's part of the home page: the latest month with activity or an editorial."""

from typing import Any

from missa.activity.charts import month_summaries
from missa.core.sections import Section

from .models import JournalMonth, journal_span


def latest_journal() -> dict[str, Any]:
    span = journal_span()
    editorial = JournalMonth.objects.published().order_by("-month").first()
    latest_month = max(
        [month for month in (span.latest_active, editorial and editorial.month) if month],
        default=None,
    )
    # The month's figures when it is the latest month with activity (an editorial may come later).
    summary = (
        month_summaries(span.active_months()).get(latest_month)
        if latest_month and latest_month == span.latest_active
        else None
    )
    return {
        "latest_month": latest_month,
        "latest_editorial": editorial if editorial and editorial.month == latest_month else None,
        "latest_summary": summary,
    }


def sections() -> list[Section]:
    return [Section(order=30, template="journal/home_section.html", context=latest_journal)]
