"""The benefits' indicators as open data: each indicator and every value measured."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _

from missa.core.datasets import Column, Dataset, in_chunks, site_address

from .models import Indicator, Measurement


def _indicator_rows() -> Iterator[Sequence[Any]]:
    for indicator in Indicator.objects.select_related("benefit").order_by("pk"):
        yield (
            indicator.slug,
            getattr(indicator, "name_fr", "") or None,
            getattr(indicator, "name_en", "") or None,
            getattr(indicator, "unit_fr", "") or None,
            indicator.benefit.slug,
            indicator.kind,
            indicator.baseline_value,
            indicator.baseline_on,
            indicator.target_value,
            indicator.target_on,
            indicator.latest_value,
            indicator.latest_on,
            indicator.progress,
            indicator.on_track,
            site_address(indicator.get_absolute_url()),
        )


def _value_rows() -> Iterator[Sequence[Any]]:
    values = Measurement.objects.select_related("indicator").only(
        "pk", "on", "value", "source", "is_provisional", "indicator__slug"
    )
    for chunk in in_chunks(values):
        for value in chunk:
            yield (
                value.pk,
                value.indicator.slug,
                value.on,
                value.value,
                value.source or None,
                value.is_provisional,
            )


def datasets() -> list[Dataset]:
    return [
        Dataset(
            name="indicators",
            title=_("Indicators"),
            description=_(
                "The indicators of the expected benefits: their baseline, target, latest value "
                "and progress to target, as the dashboard shows them."
            ),
            columns=[
                Column("slug", "string", "The indicator's identifier.", True),
                Column("name_fr", "string", "Its name, in French."),
                Column("name_en", "string", "Its name, in English."),
                Column("unit", "string", "Its unit (in French)."),
                Column("benefit", "string", "The benefit's slug.", True),
                Column(
                    "kind",
                    "string",
                    "Measured by MISSA or entered.",
                    True,
                    enum=Indicator.Kind.values,
                ),
                Column("baseline_value", "number", "Its baseline value."),
                Column("baseline_on", "date", "Its baseline's date."),
                Column("target_value", "number", "Its target value."),
                Column("target_on", "date", "Its target's date."),
                Column("latest_value", "number", "Its latest value."),
                Column("latest_on", "date", "Its latest value's date."),
                Column("progress", "integer", "Progress from baseline to target, in percent."),
                Column("on_track", "boolean", "Whether its latest value is on track."),
                Column("url", "string", "Its page on this site.", True, format="uri"),
            ],
            rows=_indicator_rows,
            primary_key=["slug"],
            order=60,
        ),
        Dataset(
            name="indicator-values",
            title=_("Indicators' values"),
            description=_("Every value measured or entered for an indicator, by date."),
            columns=[
                Column("id", "integer", "The value's identifier.", True),
                Column("indicator", "string", "The indicator's slug (indicators.csv).", True),
                Column("date", "date", "The day it was measured.", True),
                Column("value", "number", "The value, in the indicator's unit.", True),
                Column("source", "string", "Where it comes from."),
                Column("provisional", "boolean", "Whether it is provisional.", True),
            ],
            rows=_value_rows,
            primary_key=["id"],
            order=61,
        ),
    ]
