"""The journal as open data: each month it covers, with its stored figures (missa.opendata)."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _

from missa.activity.models import MonthSummary
from missa.core.datasets import Column, Dataset, site_address

from .models import JournalMonth, journal_span, month_url


def _rows() -> Iterator[Sequence[Any]]:
    months = journal_span().months()
    editorials = {entry.month: entry for entry in JournalMonth.objects.published()}
    summaries = {summary.month: summary for summary in MonthSummary.objects.all()}
    for month in months:
        editorial = editorials.get(month)
        summary = summaries.get(month) or MonthSummary(month=month)
        yield (
            f"{month:%Y-%m}",
            (editorial.title_fr or None) if editorial else None,
            (editorial.title_en or None) if editorial else None,
            summary.activity_count,
            summary.actor_count,
            site_address(month_url(month)),
        )


def datasets() -> list[Dataset]:
    return [
        Dataset(
            name="journal-months",
            title=_("Journal months"),
            description=_(
                "Each month of the programme's journal: its title when it has an editorial, "
                "how many public activities were recorded and how many actors did something."
            ),
            columns=[
                Column("month", "yearmonth", "The month.", True),
                Column("title_fr", "string", "What the month was about, in French."),
                Column("title_en", "string", "What the month was about, in English."),
                Column(
                    "activity_count", "integer", "Public activities recorded in the month.", True
                ),
                Column("actor_count", "integer", "Actors who did something in the month.", True),
                Column("url", "string", "The month's page on this site.", True, format="uri"),
            ],
            rows=_rows,
            primary_key=["month"],
            order=30,
        )
    ]
