"""iCalendar (RFC 5545) documents that calendars subscribe to: what every MISSA calendar shares.

An app builds its events with `new_calendar()` and `add_event()`, then answers with
`calendar_response()`. Each event's UID is stable (a name for the object and the site's host):
a subscribed calendar updates an event that moved instead of adding a second one.
"""

import datetime

import icalendar
from django.http import HttpRequest, HttpResponse
from django.utils import timezone


def new_calendar(name: str, product: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//MISSA//{product}//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def add_event(
    calendar: icalendar.Calendar,
    request: HttpRequest,
    *,
    uid: str,
    summary: str,
    start: datetime.date | datetime.datetime,
    end: datetime.date | datetime.datetime,
    url: str,
    description: str = "",
    location: str = "",
    categories: list[str] | None = None,
) -> None:
    """Add an event; dates (not moments) make an all-day event, end excluded (RFC 5545)."""
    host = request.get_host().split(":")[0] or "missa"
    event = icalendar.Event()
    event.add("uid", f"{uid}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", summary)
    address = request.build_absolute_uri(url)
    event.add("url", address)
    if location:
        event.add("location", location)
    if categories:
        event.add("categories", categories)
    event.add("description", f"{description.strip()}\n\n{address}".strip())
    calendar.add_component(event)


def calendar_response(calendar: icalendar.Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
