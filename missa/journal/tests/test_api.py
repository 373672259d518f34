"""The API's journal: the months covered, their editorials, their stored figures."""

import datetime
from collections import Counter
from collections.abc import Callable

import pytest
from django.test import Client

from missa.activity.models import Activity
from missa.actors.models import Actor
from missa.journal.models import JournalMonth, journal_span

pytestmark = pytest.mark.django_db


def test_months_newest_first_with_editorial_and_figures(
    client: Client, cast: dict[str, Actor]
) -> None:
    JournalMonth.objects.update_or_create(
        month=datetime.date(2017, 6, 1),
        defaults={
            "title_fr": "Écouter le territoire",
            "title_en": "Listening",
            "editorial_fr": "Un mois **riche**.",
            "editorial_en": "",
            "is_published": True,
        },
    )
    JournalMonth.objects.update_or_create(
        month=datetime.date(2017, 7, 1), defaults={"title_fr": "Brouillon", "is_published": False}
    )
    body = client.get("/api/v1/journal/?per_page=100").json()
    covered = [f"{month:%Y-%m}" for month in journal_span().months()]
    assert [entry["month"] for entry in body["results"]] == covered[:100]
    assert body["count"] == len(covered)
    following = client.get(body["next"]).json()["results"] if body["next"] else []
    results = body["results"] + following
    june = next(entry for entry in results if entry["month"] == "2017-06")
    assert june["title"] == {"fr": "Écouter le territoire", "en": "Listening"}
    assert june["editorial"] == {"fr": "Un mois **riche**.", "en": None}
    assert june["url"] == "http://testserver/journal/2017/06/"
    assert june["activities"] == "http://testserver/api/v1/activities/?month=2017-06"
    july = next(entry for entry in results if entry["month"] == "2017-07")
    assert july["title"] is None and july["editorial"] is None  # not published
    assert client.get("/api/v1/journal/2017-06/").json() == june


def test_figures_match_a_recount_of_the_month(
    client: Client, cast: dict[str, Actor], grow: Callable[[int], None]
) -> None:
    grow(9)
    june = [
        activity
        for activity in Activity.objects.public().prefetch_related("sectors")
        if activity.month == datetime.date(2017, 6, 1)
    ]
    body = client.get("/api/v1/journal/2017-06/").json()
    assert body["activity_count"] == len(june)
    assert body["actor_count"] == len({activity.actor_id for activity in june})
    assert body["kind_counts"] == dict(Counter(activity.kind for activity in june))
    assert body["sector_counts"] == dict(
        Counter(sector.slug for activity in june for sector in activity.sectors.all())
    )


@pytest.mark.parametrize("month", ["2031-01", "2017-13", "2017-6", "juin", "2017-06-01"])
def test_months_the_journal_does_not_cover_are_404(
    client: Client, cast: dict[str, Actor], month: str
) -> None:
    response = client.get(f"/api/v1/journal/{month}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_journal_queries_stay_flat(
    cast: dict[str, Actor], assert_constant_queries: Callable[..., None]
) -> None:
    assert_constant_queries("/api/v1/journal/", limit=6)
    assert_constant_queries("/api/v1/journal/2017-06/", limit=6)
