"""The site's own parts of the home page: the key figures and the sectors."""

from typing import Any

from missa.activity.models import MonthSummary
from missa.actors.figures import network_figures
from missa.actors.models import count_of_kind
from missa.core.models import Sector
from missa.core.sections import Section
from missa.journal.models import journal_span


def key_figures() -> dict[str, Any]:
    figures = network_figures()
    latest_active = journal_span().latest_active
    return {
        "figures": figures,
        "ambassador_kinds": [
            count_of_kind(kind, count) for kind, count in figures.ambassadors_by_kind.items()
        ],
        # The latest month in which something happened: its figures and its journal page.
        "active_summary": (
            MonthSummary.objects.filter(month=latest_active).first() if latest_active else None
        ),
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
