"""The API's ledger: public activities only, filters, the cursor, stored counts, queries."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from missa.activity.models import Activity
from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


def walk(client: Client, address: str) -> tuple[list[dict[str, Any]], list[Any]]:
    """Follow `next` from address; return every activity seen and each page's count."""
    seen, counts = [], []
    while address:
        response = client.get(address)
        assert response.status_code == 200, response.content
        body = response.json()
        seen += body["results"]
        counts.append(body["count"])
        address = body["next"]
    return seen, counts


def test_only_public_activities_of_public_actors_newest_first(
    client: Client, cast: dict[str, Actor]
) -> None:
    body = client.get("/api/v1/activities/").json()
    titles = [activity["title"]["fr"] for activity in body["results"]]
    assert titles == [
        "Note de conjoncture",
        "Portes ouvertes de l'atelier",
        "Comité de pilotage de juin",
    ]
    assert body["count"] == 3 and body["next"] is None
    first = body["results"][1]
    assert first["title"] == {"fr": "Portes ouvertes de l'atelier", "en": "Workshop open day"}
    assert first["actor"] == "atelier-alice" and first["kind"] == "hosted_event"
    activity = Activity.objects.get(title="Portes ouvertes de l'atelier")
    assert first["url"] == f"http://testserver/actors/atelier-alice/activities/{activity.pk}/"


def test_the_cursor_walks_every_activity_once_in_order(
    client: Client, cast: dict[str, Actor], grow: Callable[[int], None]
) -> None:
    grow(20)
    seen, counts = walk(client, "/api/v1/activities/?per_page=7")
    expected = list(Activity.objects.public().order_by("-date", "-pk").values_list("pk", flat=True))
    assert [activity["id"] for activity in seen] == expected
    assert set(counts) == {len(expected)} and len(counts) == 7  # 43 activities, 7 a page


def test_pages_hold_still_while_activities_are_recorded(
    client: Client, cast: dict[str, Actor], grow: Callable[[int], None]
) -> None:
    grow(5)
    first = client.get("/api/v1/activities/?per_page=4").json()
    grow(5)  # newer activities arrive between two pages
    second = client.get(first["next"]).json()
    ids = [activity["id"] for activity in first["results"] + second["results"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("month=2017-06&actor=atelier-alice", ["Portes ouvertes de l'atelier"]),
        ("sector=economique", ["Note de conjoncture", "Comité de pilotage de juin"]),
        ("kind=published_document", ["Note de conjoncture"]),
        ("since=2017-06-07&until=2017-06-15", ["Portes ouvertes de l'atelier"]),
        ("month=2017-07", []),
    ],
)
def test_filters(client: Client, cast: dict[str, Actor], query: str, titles: list[str]) -> None:
    body = client.get(f"/api/v1/activities/?{query}").json()
    assert [activity["title"]["fr"] for activity in body["results"]] == titles


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("cursor=nonsense", "cursor"),
        ("cursor=MjAxNy0xMy0wMXwx", "cursor"),  # "2017-13-01|1": a month that is not
        ("month=2017-13", "month"),
        ("since=yesterday", "since"),
        ("actor=dave-discret", "actor"),  # not public: as unknown
        ("sector=peche", "sector"),
        ("kind=party", "kind"),
        ("per_page=101", "per_page"),
    ],
)
def test_bad_parameters_are_400_naming_them(
    client: Client, cast: dict[str, Actor], query: str, parameter: str
) -> None:
    response = client.get(f"/api/v1/activities/?{query}")
    assert response.status_code == 400, response.content
    assert [error["name"] for error in response.json()["errors"]] == [parameter]


def test_counts_come_from_the_stored_summaries_and_match_a_recount(
    client: Client, cast: dict[str, Actor], grow: Callable[[int], None]
) -> None:
    grow(12)
    public = list(Activity.objects.public().prefetch_related("sectors"))
    june = [activity for activity in public if activity.month == datetime.date(2017, 6, 1)]

    def count(query: str) -> int | None:
        return client.get(f"/api/v1/activities/?{query}").json()["count"]

    assert count("") == len(public)
    assert count("month=2017-06") == len(june)
    assert count("month=2017-06&sector=tourisme") == sum(
        any(sector.slug == "tourisme" for sector in activity.sectors.all()) for activity in june
    )
    assert count("month=2017-06&kind=promoted_brand") == sum(
        activity.kind == "promoted_brand" for activity in june
    )
    assert count("month=2016-01") == 0
    # Not stored: said so rather than counted.
    assert count("actor=atelier-alice") is None
    assert count("month=2017-06&sector=tourisme&kind=hosted_event") is None


def test_activity_list_queries_stay_flat(
    cast: dict[str, Actor], assert_constant_queries: Callable[..., None]
) -> None:
    assert_constant_queries("/api/v1/activities/", limit=6)
    assert_constant_queries("/api/v1/activities/?month=2017-06&sector=tourisme", limit=6)
