"""The site's own parts of the home page: the key figures and the sectors."""

from typing import Any

from missa.activity.charts import month_summaries, network_growth_chart
from missa.actors.figures import network_figures
from missa.actors.models import count_of_kind
from missa.core.models import Sector
from missa.core.sections import Section
from missa.journal.models import journal_span, month_url


def key_figures() -> dict[str, Any]:
    figures = network_figures()
    span = journal_span()
    latest_active = span.latest_active
    # One read of the stored months: the growth chart's, and the latest active month's figures.
    months = span.active_months()
    summaries = month_summaries(months)
    return {
        "growth": network_growth_chart(months, month_url, summaries),
        "figures": figures,
        "ambassador_kinds": [
            count_of_kind(kind, count) for kind, count in figures.ambassadors_by_kind.items()
        ],
        # The latest month in which something happened: its figures and its journal page.
        "active_summary": summaries.get(latest_active) if latest_active else None,
    }


def sections() -> list[Section]:
    return [
        Section(order=20, template="site/home_figures.html", context=key_figures),
        Section(
            order=40,
            template="site/home_sectors.html",
            context=lambda: {"sectors": list(Sector.objects.all())},
        ),
    ]
