"""The ledger's figures over time, as charts with their tables (core.charts): all read from the
stored month summaries (MonthSummary), never by counting activities."""

import datetime
from collections.abc import Callable, Sequence

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from missa.core.charts import Chart, Series
from missa.core.models import Sector, month_name

from .models import MonthSummary

# Series colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by the legend too.
ACTIVITIES, ACTORS, JOINED = "#0b5394", "#8a4b00", "#2f6b2f"


def grouped(number: int) -> str:
    """A whole number as people read it in the active language ("11 459", "11,459")."""
    return number_format(number, force_grouping=True)


def month_summaries(months: Sequence[datetime.date]) -> dict[datetime.date, MonthSummary]:
    """The stored summaries of the months from the first to the last of months, in one query."""
    if not months:
        return {}
    return {
        summary.month: summary
        for summary in MonthSummary.objects.filter(month__gte=min(months), month__lte=max(months))
    }


def _joined(summary: MonthSummary | None) -> int:
    return int(summary.kind_counts.get("joined", 0)) if summary else 0


def monthly_activity_chart(
    months: Sequence[datetime.date],
    link: Callable[[datetime.date], str],
    summaries: dict[datetime.date, MonthSummary] | None = None,
) -> Chart:
    """Activities, actors and arrivals per month (months oldest first), each row linking to the
    month's page."""
    summaries = month_summaries(months) if summaries is None else summaries
    activities = [summaries[m].activity_count if m in summaries else 0 for m in months]
    actors = [summaries[m].actor_count if m in summaries else 0 for m in months]
    joined = [_joined(summaries.get(m)) for m in months]
    if months and any(activities):
        busiest = max(range(len(months)), key=lambda index: (activities[index], -index))
        summary = _(
            "From %(first)s to %(last)s: %(activities)s, %(joined)s; the busiest month was "
            "%(busiest)s (%(busiest_count)s)."
        ) % {
            "first": month_name(months[0]),
            "last": month_name(months[-1]),
            "activities": ngettext("%(n)s activity", "%(n)s activities", sum(activities))
            % {"n": grouped(sum(activities))},
            "joined": ngettext(
                "%(n)s arrival in the programme", "%(n)s arrivals in the programme", sum(joined)
            )
            % {"n": grouped(sum(joined))},
            "busiest": month_name(months[busiest]),
            "busiest_count": ngettext("%(n)s activity", "%(n)s activities", activities[busiest])
            % {"n": grouped(activities[busiest])},
        }
    else:
        summary = _("No activity has been recorded in these months.")
    return Chart(
        ident="activity-per-month",
        title=_("Activity per month"),
        summary=summary,
        label_heading=_("Month"),
        labels=[month_name(month) for month in months],
        links=[link(month) for month in months],
        series=[
            Series(_("Activities"), activities, ACTIVITIES),
            Series(_("Actors who took part"), actors, ACTORS),
            Series(_("Arrivals in the programme"), joined, JOINED),
        ],
    )


def sector_activity_chart(
    sector: Sector,
    months: Sequence[datetime.date],
    link: Callable[[datetime.date], str],
    summaries: dict[datetime.date, MonthSummary] | None = None,
) -> Chart:
    """A sector's public activities per month (months oldest first)."""
    summaries = month_summaries(months) if summaries is None else summaries
    counts = [summaries[m].count_for_sector(sector.pk) if m in summaries else 0 for m in months]
    if months and any(counts):
        summary = _("From %(first)s to %(last)s: %(activities)s in this sector.") % {
            "first": month_name(months[0]),
            "last": month_name(months[-1]),
            "activities": ngettext("%(n)s activity", "%(n)s activities", sum(counts))
            % {"n": grouped(sum(counts))},
        }
    else:
        summary = _("No activity has been recorded in this sector yet.")
    return Chart(
        ident="sector-activity",
        title=_("Activity of the sector, month after month"),
        summary=summary,
        label_heading=_("Month"),
        labels=[month_name(month) for month in months],
        links=[link(month) for month in months],
        series=[Series(_("Activities"), counts, sector.colour)],
    )


def network_growth_chart(
    months: Sequence[datetime.date],
    link: Callable[[datetime.date], str],
    summaries: dict[datetime.date, MonthSummary] | None = None,
) -> Chart:
    """How many actors had joined the programme by the end of each month (months oldest first):
    the running total of the months' arrivals."""
    summaries = month_summaries(months) if summaries is None else summaries
    arrivals = [_joined(summaries.get(m)) for m in months]
    totals, running = [], 0
    for count in arrivals:
        running += count
        totals.append(running)
    if months and running:
        summary = _(
            "%(total)s by %(last)s, since %(first)s; %(arrivals)s in the last twelve months."
        ) % {
            "total": ngettext(
                "%(n)s actor had joined the programme",
                "%(n)s actors had joined the programme",
                running,
            )
            % {"n": grouped(running)},
            "first": month_name(months[0]),
            "last": month_name(months[-1]),
            "arrivals": ngettext("%(n)s arrival", "%(n)s arrivals", sum(arrivals[-12:]))
            % {"n": grouped(sum(arrivals[-12:]))},
        }
    else:
        summary = _("Nobody has joined the programme yet.")
    return Chart(
        ident="network-growth",
        title=_("The network's growth"),
        summary=summary,
        label_heading=_("Month"),
        labels=[month_name(month) for month in months],
        links=[link(month) for month in months],
        kind="line",
        series=[
            Series(_("Actors who had joined"), totals, ACTIVITIES),
            Series(_("Arrivals in the month"), arrivals, JOINED),
        ],
    )
