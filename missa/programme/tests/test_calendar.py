"""The programme's iCalendar: each phase all day from its first month to the end of its
last, each deliverable on its day; stable UIDs; both languages."""

import datetime

import icalendar
import pytest
from django.test import Client

from missa.programme.models import Deliverable, Phase

pytestmark = pytest.mark.django_db


def test_phases_and_deliverables_are_all_day_events(client: Client, programme: list[Phase]) -> None:
    response = client.get("/programme/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    studies = events["Études"]
    assert studies.decoded("DTSTART") == datetime.date(2017, 5, 1)
    # All day, the end excluded: the day after the end of June.
    assert studies.decoded("DTEND") == datetime.date(2017, 7, 1)
    assert str(studies["UID"]).startswith(f"phase-{programme[0].pk}@")
    assert str(studies["URL"]).endswith("/programme/#phase-etudes")
    deliverable = Deliverable.objects.get(title_fr="Synthèse des études")
    event = events["Synthèse des études"]
    assert event.decoded("DTSTART") == deliverable.date
    assert event.decoded("DTEND") == deliverable.date + datetime.timedelta(days=1)
    assert len(events) == Phase.objects.count() + Deliverable.objects.count()
    english = icalendar.Calendar.from_ical(client.get("/en/programme/calendar.ics").content)
    assert "Studies" in {str(event["SUMMARY"]) for event in english.walk("VEVENT")}


def test_the_programme_page_offers_its_calendar(client: Client, programme: list[Phase]) -> None:
    page = client.get("/programme/").content.decode()
    assert 'type="text/calendar" href="/programme/calendar.ics"' in page
    assert 'href="/programme/calendar.ics" type="text/calendar"' in page
