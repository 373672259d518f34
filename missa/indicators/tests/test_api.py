"""The API's indicators: stored figures, the series, a recount, queries."""

import datetime
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client

from missa.actors.models import Actor
from missa.indicators.models import Indicator, Measurement
from missa.indicators.services import refresh_indicator

pytestmark = pytest.mark.django_db


def measure(indicator: Indicator, values: dict[int, str]) -> None:
    for year, value in values.items():
        Measurement.objects.create(
            indicator=indicator,
            on=datetime.date(year, 12, 31),
            value=Decimal(value),
            source="INSEE",
            is_provisional=year == 2019,
        )
    refresh_indicator(indicator)


def test_indicator_with_its_stored_figures_and_series(
    client: Client, population: Indicator
) -> None:
    measure(population, {2015: "19483", 2017: "19600.5", 2019: "19810"})
    body = client.get("/api/v1/indicators/population/").json()
    assert body["name"] == {"fr": "Population municipale", "en": None}
    assert body["benefit"] == "qualite-de-vie" and body["kind"] == "entered"
    assert body["baseline_value"] == 19483 and body["target_value"] == 20200
    population.refresh_from_db()
    assert body["latest_value"] == float(population.latest_value) == 19810
    assert body["previous_value"] == 19600.5 and body["latest_on"] == "2019-12-31"
    assert body["progress"] == population.progress and body["on_track"] == population.on_track
    assert [(point["on"], point["value"]) for point in body["series"]] == [
        ("2015-12-31", 19483),
        ("2017-12-31", 19600.5),
        ("2019-12-31", 19810),
    ]
    assert body["series"][-1]["is_provisional"] is True
    assert body["measurement_count"] == len(body["series"]) == 3
    assert body["url"] == "http://testserver/indicators/population/"


def test_indicator_list_and_unknown_indicator(
    client: Client, population: Indicator, ambassadors: Indicator
) -> None:
    body = client.get("/api/v1/indicators/").json()
    assert body["count"] == 2
    assert {indicator["slug"] for indicator in body["results"]} == {"population", "ambassadeurs"}
    assert "series" not in body["results"][0]
    assert client.get("/api/v1/indicators/chomage/").status_code == 404


def test_indicator_list_queries_stay_flat(
    population: Indicator,
    cast: dict[str, Actor],
    assert_constant_queries: Callable[..., None],
) -> None:
    measure(population, {2015: "19483", 2017: "19600"})
    assert_constant_queries("/api/v1/indicators/", limit=6)
    assert_constant_queries("/api/v1/indicators/population/", limit=6)
