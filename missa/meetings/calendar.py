"""Meetings as iCalendar (RFC 5545), for the calendars people subscribe to (core.calendars)."""

from collections.abc import Iterable

import icalendar
from django.http import HttpRequest
from django.utils.translation import gettext as _

from missa.core.calendars import add_event, new_calendar

from .models import Meeting


def meetings_calendar(request: HttpRequest, meetings: Iterable[Meeting]) -> icalendar.Calendar:
    """Return an iCalendar document with one event per meeting (its UID: its id)."""
    calendar = new_calendar(_("The programme's meetings"), "Meetings")
    for meeting in meetings:
        add_event(
            calendar,
            request,
            uid=f"meeting-{meeting.pk}",
            summary=meeting.title,
            start=meeting.starts_at,
            end=meeting.ends_at,
            url=meeting.get_absolute_url(),
            description=meeting.description or "",
            location=meeting.place or meeting.online_link or "",
            categories=[str(Meeting.Kind(meeting.kind).label)],
        )
    return calendar
