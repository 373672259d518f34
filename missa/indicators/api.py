"""The API's indicators: each with its stored figures, and its series of measurements."""

import datetime
from typing import Annotated, Any

from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from missa.core.freshness import refresh_when_stale
from missa.core.models import Objective
from missa.core.rest import Page, PageQuery, Text, absolute, one_of, page_of, responses, texts

from .models import Indicator, Measurement
from .tasks import FRESHNESS, take_measures_task

router = Router(tags=["indicators"])


class MeasurementOut(Schema):
    on: datetime.date
    value: float
    source: str
    note: str
    is_provisional: bool


class IndicatorOut(Schema):
    slug: str
    name: Text
    definition: Text
    unit: Text
    method: Text
    source: Text
    kind: Annotated[str, one_of(Indicator.Kind)]
    frequency: Annotated[str, one_of(Indicator.Frequency)]
    direction: Annotated[str, one_of(Indicator.Direction)]
    benefit: str = Field(description="The benefit's slug (see /benefits/).")
    objectives: list[str] = Field(description="Slugs of the objectives it measures.")
    baseline_value: float | None
    baseline_on: datetime.date | None
    target_value: float | None
    target_on: datetime.date | None
    latest_value: float | None = Field(description="Stored when a value is measured or entered.")
    latest_on: datetime.date | None
    previous_value: float | None
    progress: int | None = Field(description="Progress from baseline to target, in %.")
    on_track: bool | None = Field(
        description="Whether the latest value is on the straight line from baseline to target."
    )
    measurement_count: int
    url: str


class IndicatorDetailOut(IndicatorOut):
    series: list[MeasurementOut] = Field(description="Every measurement, oldest first.")


class IndicatorPage(Page):
    results: list[IndicatorOut]


def _indicators() -> Any:
    # MISSA's own measures are taken in the background when the data moved (never here).
    refresh_when_stale(FRESHNESS, take_measures_task.enqueue)
    return (
        Indicator.objects.select_related("benefit")
        .prefetch_related(Prefetch("objectives", queryset=Objective.objects.only("pk", "slug")))
        .order_by("benefit__order", "order", "slug")
    )


def _indicator(request: HttpRequest, indicator: Indicator) -> dict[str, Any]:
    return {
        "slug": indicator.slug,
        **{
            field: texts(indicator, field)
            for field in ("name", "definition", "unit", "method", "source")
        },
        "kind": indicator.kind,
        "frequency": indicator.frequency,
        "direction": indicator.direction,
        "benefit": indicator.benefit.slug,
        "objectives": [objective.slug for objective in indicator.objectives.all()],
        **{
            field: getattr(indicator, field)
            for field in (
                "baseline_value",
                "baseline_on",
                "target_value",
                "target_on",
                "latest_value",
                "latest_on",
                "previous_value",
                "progress",
                "on_track",
                "measurement_count",
            )
        },
        "url": absolute(request, indicator.get_absolute_url()),
    }


@router.get("/indicators/", response=responses(IndicatorPage), summary="Indicators")
def list_indicators(request: HttpRequest, paging: Query[PageQuery]) -> dict[str, Any]:
    """The benefits' indicators, by benefit then order, each with its stored figures."""
    return page_of(
        request, _indicators(), paging, lambda rows: [_indicator(request, row) for row in rows]
    )


@router.get("/indicators/{slug}/", response=responses(IndicatorDetailOut), summary="An indicator")
def get_indicator(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One indicator with its series of measurements, oldest first."""
    indicator = _indicators().filter(slug=slug).first()
    if indicator is None:
        raise Http404
    series = Measurement.objects.filter(indicator=indicator).order_by("on")
    return {
        **_indicator(request, indicator),
        "series": [
            {
                "on": measurement.on,
                "value": measurement.value,
                "source": measurement.source,
                "note": measurement.note,
                "is_provisional": measurement.is_provisional,
            }
            for measurement in series
        ],
    }
