"""Meetings as iCalendar (RFC 5545), for the calendars people subscribe to."""

from collections.abc import Iterable

import icalendar
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Meeting


def meetings_calendar(request: HttpRequest, meetings: Iterable[Meeting]) -> bytes:
    """Return an iCalendar document with one event per meeting.

    Each event's UID is stable (the meeting's id and the site's host), so that a subscribed
    calendar updates a meeting moved to another day instead of adding a second one.
    """
    host = request.get_host().split(":")[0] or "missa"
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//MISSA//Meetings//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("The programme's meetings"))
    stamp = timezone.now()
    for meeting in meetings:
        event = icalendar.Event()
        event.add("uid", f"meeting-{meeting.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at)
        event.add("summary", meeting.title)
        event.add("categories", [str(Meeting.Kind(meeting.kind).label)])
        url = request.build_absolute_uri(meeting.get_absolute_url())
        event.add("url", url)
        if meeting.place:
            event.add("location", meeting.place)
        elif meeting.online_link:
            event.add("location", meeting.online_link)
        description = (meeting.description or "").strip()
        event.add("description", f"{description}\n\n{url}".strip())
        if meeting.created_at:
            event.add("created", meeting.created_at)
        calendar.add_component(event)
    return calendar.to_ical()
