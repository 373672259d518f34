"""Charts that are also tables: the figures once, in a table anyone can read, drawn on top.

A view builds a `Chart` (labels, one or more series of stored figures, a sentence that says what
the chart shows); `components/chart.html` renders its title, that summary and a data table, and
`missa/js/charts.js` draws the chart from the table itself with Chart.js. Without JavaScript, or
with a screen reader, the table is the chart: no figure exists only as a picture.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[int | float]
    colour: str = "#0b5394"


@dataclass(frozen=True)
class Chart:
    """What components/chart.html draws.

    kind is Chart.js's ("bar" or "line"), or "hbar" (bars along long labels); label_heading
    names the first column (such as "Month"); ident makes the element ids unique on a page.
    """

    ident: str
    title: str
    summary: str
    label_heading: str
    labels: Sequence[str]
    series: Sequence[Series]
    kind: str = "bar"
    stacked: bool = False
    # Per label, where its row links to (a month's page), or "".
    links: Sequence[str] = field(default_factory=tuple)
    # The table also gives each label's share of the first series' total (a percentage),
    # and of what: the heading of that column (answers to a question: "of the respondents").
    share_heading: str = ""
    share_total: int | None = None
    # Whether the value axis starts at zero (counts), or fits the values (a population).
    from_zero: bool = True

    def __post_init__(self) -> None:
        if self.kind not in {"bar", "hbar", "line"}:
            raise ValueError(f"Unknown chart kind: {self.kind!r}")
        for each in self.series:
            if len(each.values) != len(self.labels):
                raise ValueError(f"Series {each.label!r} has not one value per label.")
        if self.links and len(self.links) != len(self.labels):
            raise ValueError("A chart's links go one per label.")

    @property
    def rows(self) -> list[tuple[str, str, list[int | float]]]:
        """(label, link, values across the series) for the table."""
        links = self.links or [""] * len(self.labels)
        return [
            (label, links[index], [each.values[index] for each in self.series])
            for index, label in enumerate(self.labels)
        ]

    @property
    def table_rows(self) -> list[tuple[str, str, list[int | float], float | None]]:
        """The rows with, when the chart gives shares, each label's percentage of the total."""
        total: int | float | None = self.share_total
        if total is None and self.series:
            total = sum(self.series[0].values)
        return [
            (label, link, values, 100 * values[0] / total if self.share_heading and total else None)
            for label, link, values in self.rows
        ]

    @property
    def is_empty(self) -> bool:
        return not self.labels or not any(any(each.values) for each in self.series)
