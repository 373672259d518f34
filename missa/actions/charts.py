"""The plan's charts (core.charts: each is also a table)."""

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from missa.core.charts import Chart, Series

from .models import Funding, Plan


def rollup_chart(plan: Plan, kind: str, terms: list[Any], title: str, heading: str) -> Chart:
    """The plan's progress by objective, sector or benefit: the mean of the actions' progress
    (each counts once) and the same weighted by their planned budget, in percent."""
    stored = plan.rollups.get(kind, {})
    shown = [term for term in terms if term.slug in stored]
    return Chart(
        ident=f"plan-{kind}",
        title=title,
        summary=_(
            "Progress of the actions (abandoned ones left out), in percent: each action counted "
            "once, then weighted by its planned budget."
        ),
        label_heading=heading,
        labels=[term.name for term in shown],
        series=[
            Series(
                label=_("By count (%)"),
                values=[int(stored[term.slug]["by_count"]) for term in shown],
            ),
            Series(
                label=_("By budget (%)"),
                values=[int(stored[term.slug]["by_budget"] or 0) for term in shown],
                colour="#e69138",
            ),
        ],
        kind="hbar",
    )


def funding_chart(shares: dict[str, dict[str, str]], ident: str) -> Chart:
    """Planned and spent budget by funder (in euros), with each funder's share of the plan."""
    sources = [source for source, _label in Funding.Source.choices if source in shares]
    planned = [int(Decimal(shares[source]["planned"])) for source in sources]
    return Chart(
        ident=ident,
        title=_("Funding by source"),
        summary=_("%(total)s € planned, shared between the funders as the table says.")
        % {"total": f"{sum(planned):,}".replace(",", " ")},
        label_heading=_("Funder"),
        labels=[str(Funding.Source(source).label) for source in sources],
        series=[
            Series(label=_("Planned (€)"), values=planned),
            Series(
                label=_("Spent (€)"),
                values=[int(Decimal(shares[source]["spent"])) for source in sources],
                colour="#e69138",
            ),
        ],
        kind="hbar",
        share_heading=_("Share of the planned budget"),
    )
