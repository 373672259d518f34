"""The API's committee: what a visitor sees of meetings (nothing confidential, minutes once
published) and the decisions register; queries at two sizes."""

from collections.abc import Callable
from functools import partial

import pytest
from django.test import Client

from missa.accounts.models import User
from missa.core.models import Sector
from missa.meetings.models import Meeting
from missa.meetings.services import record_attendance, record_decision

pytestmark = pytest.mark.django_db


def test_a_meeting_without_what_is_confidential(
    client: Client,
    past_meeting: Meeting,
    make_meeting: Callable[..., Meeting],
    editor: User,
    everyone_present: dict[int, str],
) -> None:
    make_meeting("brouillon", published=False)
    record_attendance(meeting=past_meeting, by=editor, statuses=everyone_present)
    body = client.get("/api/v1/meetings/copil-passe/").json()
    assert body["title"] == {"fr": "Comité copil-passe", "en": "Committee copil-passe"}
    assert [item["title"]["fr"] for item in body["agenda"]] == ["Le calendrier"]
    assert "Budget des études" not in str(body)
    assert body["held"] is True and body["present_count"] == 3
    assert body["minutes"] is None  # not published yet
    assert body["organiser"] == "cci-sorgueville"
    assert body["calendar"] == "http://testserver/meetings/copil-passe/calendar.ics"
    assert client.get("/api/v1/meetings/brouillon/").status_code == 404
    listed = client.get("/api/v1/meetings/").json()
    assert [meeting["slug"] for meeting in listed["results"]] == ["copil-passe"]


def test_decisions_register_and_its_filters(
    client: Client,
    past_meeting: Meeting,
    editor: User,
    everyone_present: dict[int, str],
    sectors: dict[str, Sector],
) -> None:
    record_attendance(meeting=past_meeting, by=editor, statuses=everyone_present)
    first = record_decision(
        meeting=past_meeting, by=editor, title="Calendrier adopté", text="T", method="consensus"
    )
    second = record_decision(
        meeting=past_meeting,
        by=editor,
        title="Des bancs sur les quais",
        text="Le comité **retient** l'idée.",
        method="vote",
        votes=(10, 2, 1),
        sectors=[sectors["tourisme"]],
    )
    body = client.get("/api/v1/decisions/").json()
    assert [decision["number"] for decision in body["results"]] == [second.number, first.number]
    bancs = body["results"][0]
    assert (bancs["votes_for"], bancs["votes_against"], bancs["abstentions"]) == (10, 2, 1)
    assert bancs["meeting"] == "copil-passe" and bancs["sectors"] == ["tourisme"]
    assert client.get(f"/api/v1/decisions/{second.number}/").json() == bancs

    def numbers(query: str) -> list[int]:
        response = client.get(f"/api/v1/decisions/?{query}")
        assert response.status_code == 200, response.content
        return [decision["number"] for decision in response.json()["results"]]

    assert numbers("sector=tourisme") == [second.number]
    assert numbers("q=bancs") == [second.number]
    assert numbers(f"year={second.decided_on.year}") == [second.number, first.number]
    assert numbers("year=2001") == []
    assert client.get("/api/v1/decisions/?sector=peche").status_code == 400
    assert client.get("/api/v1/decisions/?year=deux").status_code == 400
    assert client.get("/api/v1/decisions/999/").status_code == 404
    assert client.get("/api/v1/decisions/dix/").status_code == 400


def test_committee_queries_stay_flat(
    client: Client,
    held_meetings: Callable[[int], None],
    count_queries: Callable[[Callable[[], object]], int],
) -> None:
    from django.core.cache import cache

    held_meetings(2)
    urls = ["/api/v1/meetings/", "/api/v1/decisions/", "/api/v1/decisions/?sector=tourisme"]
    cache.clear()
    small = [count_queries(partial(client.get, url)) for url in urls]
    held_meetings(20)
    cache.clear()
    large = [count_queries(partial(client.get, url)) for url in urls]
    assert small == large and max(large) <= 6
