"""The journal's part of the home page: the latest month with activity or an editorial."""

from typing import Any

from missa.core.sections import Section

from .models import JournalMonth, journal_span


def latest_journal() -> dict[str, Any]:
    span = journal_span()
    editorial = JournalMonth.objects.published().order_by("-month").first()
    latest_month = max(
        [month for month in (span.latest_active, editorial and editorial.month) if month],
        default=None,
    )
    return {
        "latest_month": latest_month,
        "latest_editorial": editorial if editorial and editorial.month == latest_month else None,
    }


def sections() -> list[Section]:
    return [Section(order=30, template="journal/home_section.html", context=latest_journal)]
