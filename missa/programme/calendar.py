"""The programme as iCalendar: its phases (all-day, month to month) and its deliverables."""

import datetime

import icalendar
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from missa.core.calendars import add_event, new_calendar
from missa.core.models import add_months

from .models import Deliverable, Phase


def programme_calendar(request: HttpRequest) -> icalendar.Calendar:
    """Return every phase and deliverable of the programme as a calendar (UIDs: their ids)."""
    calendar = new_calendar(_("The programme's phases and deliverables"), "Programme")
    page = reverse("programme:programme")
    for phase in Phase.objects.all():
        add_event(
            calendar,
            request,
            uid=f"phase-{phase.pk}",
            summary=phase.name,
            start=phase.start_month,
            # All day, the end excluded: the first day after its last month.
            end=add_months(phase.end_month, 1),
            url=f"{page}#phase-{phase.slug}",
            description=phase.description or "",
            categories=[_("Phase")],
        )
    for deliverable in Deliverable.objects.select_related("phase"):
        add_event(
            calendar,
            request,
            uid=f"deliverable-{deliverable.pk}",
            summary=deliverable.title,
            start=deliverable.date,
            end=deliverable.date + datetime.timedelta(days=1),
            url=f"{page}#phase-{deliverable.phase.slug}",
            description=deliverable.description or "",
            categories=[_("Deliverable")],
        )
    return calendar
