"""The programme page: phases, objectives, benefits, governance."""

from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from missa.actors.models import Actor, ActorRole, monogram_colours
from missa.core.calendars import calendar_response
from missa.core.models import Benefit, Objective, Sector

from .calendar import programme_calendar
from .models import Deliverable, Phase, ProgrammeTimeline

GOVERNANCE_ROLES = {
    "committee": [ActorRole.Role.COMMITTEE_MEMBER],
    "partners": [ActorRole.Role.INSTITUTIONAL_PARTNER, ActorRole.Role.PARTNER_TERRITORY],
    "experts": [ActorRole.Role.EXPERT, ActorRole.Role.ELECTED_OFFICIAL],
}


@require_safe
def programme(request: HttpRequest) -> HttpResponse:
    phases = Phase.objects.prefetch_related(
        Prefetch("deliverables", queryset=Deliverable.objects.order_by("date", "pk"))
    )
    timeline = ProgrammeTimeline(list(phases), timezone.localdate())
    roles = list(
        ActorRole.objects.current()
        .filter(
            # A subquery, not a join: the planner then starts from the role index.
            Exists(Actor.objects.public().filter(pk=OuterRef("actor_id"))),
            role__in=[name for names in GOVERNANCE_ROLES.values() for name in names],
        )
        .select_related("actor")
        # Sorted below: ordering by a joined column makes the planner scan every actor.
        .order_by()
    )
    roles.sort(key=lambda role: (role.actor.name, role.pk))
    governance = {
        group: [role for role in roles if role.role in names]
        for group, names in GOVERNANCE_ROLES.items()
    }
    # Co-chairs and other positions first, then members by name.
    governance["committee"].sort(key=lambda role: (not role.position, role.actor.name))
    context = {
        "timeline": timeline,
        "sectors": Sector.objects.all(),
        "objectives": Objective.objects.all(),
        "benefits": Benefit.objects.all(),
        "governance": governance,
        # The partners' wall: their logos, or their initials in their first sector's colour.
        "partner_colours": monogram_colours([role.actor_id for role in governance["partners"]]),
        # The main content is the same for every visitor (core.templatetags.missa).
        "shared_content": "",
    }
    return render(request, "programme/programme.html", context)


@require_safe
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """The programme's phases and deliverables, as an iCalendar feed to subscribe to."""
    return calendar_response(programme_calendar(request), "programme.ics")
