"""The committee's part of the home page: its next meeting and its latest decisions."""

from typing import Any

from django.utils import timezone

from missa.core.sections import Section

from .models import Decision, Meeting

DECISIONS_SHOWN = 3


def committee() -> dict[str, Any]:
    return {
        "next_meeting": Meeting.objects.published()
        .upcoming(timezone.now())
        .order_by("starts_at", "pk")
        .first(),
        "latest_decisions": list(
            Decision.objects.filter(meeting__published_at__isnull=False).order_by("-number")[
                :DECISIONS_SHOWN
            ]
        ),
    }


def sections() -> list[Section]:
    return [Section(order=38, template="meetings/home_section.html", context=committee)]
