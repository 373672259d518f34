"""The home page, sector pages, health check and error pages."""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from missa.accounts.models import User
from missa.accounts.rules import waits_for_two_factor
from missa.accounts.security import two_factor_setup_url
from missa.actions.models import Action
from missa.activity.charts import sector_activity_chart
from missa.activity.models import Activity
from missa.actors.figures import sector_actor_count
from missa.actors.models import Actor, ActorRole, monogram_colours
from missa.actors.rules import acting_memberships
from missa.actors.views import get_public_actor
from missa.applications.models import Application
from missa.core.models import Sector
from missa.core.pagination import paginate
from missa.core.ratelimit import allow
from missa.core.sections import page_sections
from missa.core.share import card, open_picture, share_response
from missa.journal.models import journal_span, month_url
from missa.letters.services import send_when_due
from missa.letters.tasks import send_letter_task
from missa.meetings.models import MemberAttendance
from missa.participation.models import Idea

from . import health, services
from .forms import ContactForm

SECTOR_ACTORS_SHOWN = 12
# An actor's page: the actor and what it did, month after month.
REPRESENTATIVES_SHOWN = 20
SECTOR_ACTIVITIES_SHOWN = 10


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    # Once the month has turned, last month's letter starts (at most an hour's check).
    send_when_due(send_letter_task.enqueue)
    context = {
        # Each app's part of the page (its home.py), drawn in order.
        "sections": page_sections("home"),
        # The main content is the same for every visitor (core.templatetags.missa).
        "shared_content": "",
    }
    return render(request, "site/home.html", context)


@require_safe
def sector_detail(request: HttpRequest, slug: str) -> HttpResponse:
    sector = get_object_or_404(Sector, slug=slug)
    actors = Actor.objects.public().filter(sectors=sector)
    context = {
        "sector": sector,
        "actor_count": sector_actor_count(sector),
        "actors": actors.order_by("-joined_on", "pk")[:SECTOR_ACTORS_SHOWN],
        "activities": Activity.objects.public()
        .in_sector(sector)
        .select_related("actor")
        .order_by("-date", "-pk")[:SECTOR_ACTIVITIES_SHOWN],
        "other_sectors": Sector.objects.exclude(pk=sector.pk),
        "chart": sector_activity_chart(sector, journal_span().active_months(), month_url),
        # The main content is the same for every visitor (core.templatetags.missa).
        "shared_content": "",
    }
    return render(request, "site/sector_detail.html", context)


IDEAS_SHOWN = 5
ACTIONS_SHOWN = 10


@require_safe
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_public_actor(slug)
    activities = (
        Activity.objects.public()
        .filter(actor=actor)
        .select_related("actor")
        .order_by("-date", "-pk")
    )
    sectors = list(actor.sectors.all())
    context = {
        "actor": actor,
        "sectors": sectors,
        # The colour of its initials when it has no logo: its first sector's.
        "logo_colour": sectors[0].colour if sectors else "",
        "roles": list(actor.roles.order_by("-start_date", "pk")),
        "representatives": list(
            Actor.objects.public().filter(represents=actor).order_by("name")[:REPRESENTATIVES_SHOWN]
        ),
        "page": paginate(request, activities, "actor_activities"),
        # The ideas proposed for it (participation), the latest first.
        "ideas": list(
            Idea.objects.listed()
            .filter(actor=actor)
            .order_by("-created_at", "-pk")
            .only("pk", "title", "state")[:IDEAS_SHOWN]
        ),
        # The actions of the plan it leads or supports (published plans).
        "led_actions": list(
            Action.objects.filter(lead=actor, plan__published_at__isnull=False)
            .select_related("plan")
            .order_by("plan", "number")[:ACTIONS_SHOWN]
        ),
        "supported_actions": list(
            Action.objects.filter(partners__actor=actor, plan__published_at__isnull=False)
            .select_related("plan")
            .order_by("plan", "number")[:ACTIONS_SHOWN]
        ),
        # A committee member's attendance (stored by the roll).
        "attendance": MemberAttendance.objects.filter(actor=actor).first(),
        # Checked for signed-in people only: visitors' pages keep their fixed query count.
        "can_report": request.user.is_authenticated
        and request.user.has_perm("actors.report_for_actor", actor),
    }
    # The same for every visitor, but for the links that members of the actor see.
    context["shared_content"] = "member" if context["can_report"] else ""
    return render(request, "actors/actor_detail.html", context)


@require_safe
def legal(request: HttpRequest) -> HttpResponse:
    """The legal notice: publisher, director of publication, host (from the territory)."""
    return render(request, "site/legal.html", {"shared_content": ""})


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement, in the form the RGAA asks for."""
    context = {"contact_url": reverse("site:contact"), "shared_content": ""}
    return render(request, "site/accessibility.html", context)


# Messages sent through the contact form, per address and hour.
CONTACT_LIMIT = 5


def contact(request: HttpRequest) -> HttpResponse:
    """Write to the town's team; the sender receives a copy. Rate-limited per address."""
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        address = str(request.META.get("REMOTE_ADDR", ""))
        if not allow("contact", address, limit=CONTACT_LIMIT, window=3600):
            return render(request, "429.html", status=429)
        if form.is_valid():
            services.send_contact_message(**form.cleaned_data)
            messages.success(
                request, _("Your message is sent: a copy is on its way to your address.")
            )
            return redirect("site:contact")
    return render(request, "site/contact.html", {"form": form})


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "site/privacy.html")


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Answer 200 when the database can be read and written and is migrated; 503 otherwise."""
    problem = health.database_problem()
    if problem:
        return JsonResponse({"status": "error", "database": problem}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    context = {}
    if waits_for_two_factor(request.user):
        # The role is there, the second factor is not: say so, and how to get it.
        context["two_factor_url"] = two_factor_setup_url(request.get_full_path())
    return render(request, "403.html", context, status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403.html", {"csrf_failure": True}, status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    # No database access and no request context: the failure may come from either.
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"LANGUAGE_CODE": settings.LANGUAGE_CODE}), status=500)


MEMBER_REPORTS_SHOWN = 5
MEMBER_APPLICATIONS_SHOWN = 5


@dataclass(frozen=True)
class OrganisationDesk:
    """What a member finds about one organisation they act for, on their home."""

    actor: Actor
    colour: str
    roles: list[ActorRole]
    reports: list[Activity]


@login_required
@require_safe
def my_organisation(request: HttpRequest) -> HttpResponse:
    """A member's home: each organisation they act for, with what they do for it (edit its
    page, report an action, follow their reports), the brand kit and their applications."""
    user = request.user
    assert isinstance(user, User)  # login_required
    memberships = acting_memberships(user)
    actors = [membership.actor for membership in memberships]
    ids = [actor.pk for actor in actors]
    colours = monogram_colours(ids)
    roles: dict[int, list[ActorRole]] = defaultdict(list)
    for role in ActorRole.objects.current().filter(actor_id__in=ids).order_by("start_date", "pk"):
        roles[role.actor_id].append(role)
    reported = Activity.objects.filter(reported_by__isnull=False).order_by("-date", "-pk")
    desks = [
        OrganisationDesk(
            actor=actor,
            colour=colours.get(actor.pk, ""),
            roles=roles[actor.pk],
            reports=list(reported.filter(actor=actor)[:MEMBER_REPORTS_SHOWN]),
        )
        for actor in actors
    ]
    applications = Application.objects.filter(applicant=user).order_by("-created_at", "-pk")
    context = {
        "desks": desks,
        # One more than shown says whether "all my applications" has more to show.
        "applications": list(applications[: MEMBER_APPLICATIONS_SHOWN + 1]),
        "applications_shown": MEMBER_APPLICATIONS_SHOWN,
    }
    return render(request, "site/my_organisation.html", context)


@require_safe
def actor_share(request: HttpRequest, slug: str) -> HttpResponse:
    """The card an actor's page shows when its link is shared: its logo or initials, its name,
    what it is and its roles."""
    actor = get_public_actor(slug)

    def draw() -> Any:
        roles = [role.role_label for role in ActorRole.objects.current().filter(actor=actor)]
        since = _("since %(date)s") % {"date": date_format(actor.joined_on, "YEAR_MONTH_FORMAT")}
        subtitle = " · ".join([str(actor.kind_label), *map(str, roles), since])
        picture = open_picture(actor.logo)
        if picture is not None:
            return card(title=actor.name, subtitle=subtitle, picture=picture)
        colour = monogram_colours([actor.pk]).get(actor.pk, "")
        return card(
            title=actor.name,
            subtitle=subtitle,
            monogram_name=actor.name,
            monogram_colour=colour,
        )

    return share_response(f"actor:{actor.pk}", draw)
