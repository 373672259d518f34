"""The committee's meetings, its decisions register, their calendars, and the editors' steps
(the roll, the minutes, a decision), each through a service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from missa.accounts.security import signed_in
from missa.core.calendars import calendar_response
from missa.core.models import Objective, Sector
from missa.core.pagination import paginate, stored_results
from missa.core.storage import send_private_file
from missa.participation.models import Idea

from .calendar import meetings_calendar
from .forms import DecisionFilterForm, DecisionForm, MinutesForm, RollForm
from .models import AgendaItem, Decision, Document, Meeting
from .services import Guest, committee_on, publish_minutes, record_attendance, record_decision

UPCOMING_SHOWN = 12


def _may_manage(request: HttpRequest) -> bool:
    return request.user.is_authenticated and request.user.has_perm("meetings.manage_meetings")


def _sees_confidential(request: HttpRequest) -> bool:
    return request.user.is_authenticated and request.user.has_perm("meetings.see_confidential")


def get_meeting(request: HttpRequest, slug: str) -> Meeting:
    """Return the meeting if this person may open its page (announced, or they manage the
    meetings), or raise Http404."""
    meetings = Meeting.objects.select_related("organiser", "phase", "minutes_approved_at")
    if not _may_manage(request):
        meetings = meetings.published()
    try:
        return meetings.get(slug=slug)
    except Meeting.DoesNotExist as error:
        raise Http404("No such meeting.") from error


def _managed_meeting(request: HttpRequest, slug: str) -> Meeting:
    if not _may_manage(request):
        raise PermissionDenied
    return get_meeting(request, slug)


@require_safe
def meeting_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    meetings = Meeting.objects.published().select_related("organiser")
    past = meetings.past(now).order_by("-starts_at", "-pk")
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "upcoming": list(meetings.upcoming(now).order_by("starts_at", "pk")[:UPCOMING_SHOWN]),
            "page": paginate(request, past, "meetings"),
            "shared_content": "",
        },
    )


@require_safe
def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = get_meeting(request, slug)
    confidential = _sees_confidential(request)
    items: QuerySet[AgendaItem] = meeting.items.select_related("presenter")
    documents = Document.objects.order_by("pk")
    if not confidential:
        documents = documents.filter(is_confidential=False)
    items = items.prefetch_related(Prefetch("documents", queryset=documents))
    all_items = list(items)
    shown = [item for item in all_items if confidential or not item.is_confidential]
    attendance = list(meeting.attendance.select_related("actor")) if meeting.is_held else []
    can_manage = _may_manage(request)
    context = {
        "meeting": meeting,
        "items": shown,
        "hidden_items": len(all_items) - len(shown),
        "sees_confidential": confidential,
        "members": [row for row in attendance if not row.is_guest],
        "guests": [row for row in attendance if row.is_guest],
        "decisions": list(meeting.decisions.order_by("number")),
        "can_manage": can_manage,
        "may_take_roll": can_manage
        and meeting.published_at is not None
        and meeting.starts_at <= timezone.now(),
        "shared_content": "manage" if can_manage else "confidential" if confidential else "",
    }
    return render(request, "meetings/meeting_detail.html", context)


@require_safe
def document(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A meeting's document: its file (or its link); a confidential one for those who may see it."""
    try:
        found = Document.objects.select_related("item__meeting").get(pk=pk)
    except Document.DoesNotExist as error:
        raise Http404("No such document.") from error
    if found.item.meeting.published_at is None and not _may_manage(request):
        raise Http404("No such document.")
    if found.confidential and not _sees_confidential(request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    if found.link:
        return redirect(found.link)
    if not found.file:
        raise Http404("This document has no file.")
    extension = (found.file.name or "").rsplit(".", 1)[-1].lower()
    return send_private_file(
        found.file, filename=f"{slugify(found.title) or 'document'}.{extension}"
    )


@require_safe
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """Every announced meeting, as an iCalendar feed that calendars subscribe to."""
    meetings = Meeting.objects.published().order_by("starts_at", "pk")
    return calendar_response(meetings_calendar(request, meetings), "meetings.ics")


@require_safe
def meeting_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = get_meeting(request, slug)
    if meeting.published_at is None:
        raise Http404("No such meeting.")
    return calendar_response(meetings_calendar(request, [meeting]), f"{meeting.slug}.ics")


@require_safe
def decision_list(request: HttpRequest) -> HttpResponse:
    first = Decision.objects.order_by("decided_on").values_list("decided_on", flat=True).first()
    last = Decision.objects.order_by("-decided_on").values_list("decided_on", flat=True).first()
    years = list(range(last.year, first.year - 1, -1)) if first and last else []
    sectors, objectives = list(Sector.objects.all()), list(Objective.objects.all())
    form = DecisionFilterForm(request.GET, years=years, sectors=sectors, objectives=objectives)
    filters = form.filters()
    decisions = form.apply(Decision.objects.all(), filters).order_by("-number")
    found = stored_results(decisions, "decisions") if "q" in filters else None
    if found is None:
        page = paginate(request, decisions.values_list("pk", flat=True), "decisions")
    else:
        page = paginate(request, found, "decisions")
    by_pk = (
        Decision.objects.select_related("meeting")
        .prefetch_related("sectors")
        .in_bulk(list(page.object_list))
    )
    page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    context = {
        "form": form,
        "filters": filters,
        "chosen": len(set(filters) - {"q"}),
        "filtered": bool(filters),
        "page": page,
        "shared_content": "",
    }
    template = "meetings/decision_list.html"
    if request.headers.get("HX-Request") == "true":
        template += "#results"
    return render(request, template, context)


@require_safe
def decision_detail(request: HttpRequest, number: int) -> HttpResponse:
    try:
        decision = Decision.objects.select_related("meeting__organiser").get(
            number=number, meeting__published_at__isnull=False
        )
    except Decision.DoesNotExist as error:
        raise Http404("No such decision.") from error
    confidential = _sees_confidential(request)
    items = decision.items.order_by("order", "pk")
    context = {
        "decision": decision,
        "items": [item for item in items if confidential or not item.is_confidential],
        "ideas": list(
            Idea.objects.visible().filter(decisions=decision).select_related("call").order_by("pk")
        ),
        "sectors": list(decision.sectors.all()),
        "objectives": list(decision.objectives.all()),
        "shared_content": "confidential" if confidential else "",
    }
    return render(request, "meetings/decision_detail.html", context)


# The editors' steps.


@login_required
def meeting_roll(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = _managed_meeting(request, slug)
    members = committee_on(meeting)
    statuses = {
        row.actor_id: row.status
        for row in meeting.attendance.filter(is_guest=False)
        if row.actor_id is not None
    }
    guests = meeting.attendance.filter(is_guest=True).select_related("actor")
    form = RollForm(
        request.POST or None,
        members=members,
        initial_statuses=statuses,
        initial={"guests": "\n".join(row.display_name for row in guests)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            record_attendance(
                meeting=meeting,
                by=signed_in(request),
                statuses=form.statuses(),
                guests=[Guest(name=name) for name in form.cleaned_data["guests"]],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The roll is recorded."))
            return redirect(meeting)
    return render(request, "meetings/meeting_roll.html", {"meeting": meeting, "form": form})


@login_required
def meeting_minutes(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = _managed_meeting(request, slug)
    form = MinutesForm(
        request.POST or None,
        meeting=meeting,
        initial={
            "minutes": getattr(meeting, "minutes_fr", ""),
            "minutes_en": getattr(meeting, "minutes_en", ""),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            publish_minutes(
                meeting=meeting,
                by=signed_in(request),
                minutes=form.cleaned_data["minutes"],
                minutes_en=form.cleaned_data["minutes_en"],
                approved_at=form.cleaned_data["approved_at"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The minutes are published."))
            return redirect(meeting)
    return render(request, "meetings/meeting_minutes.html", {"meeting": meeting, "form": form})


@login_required
def decision_new(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = _managed_meeting(request, slug)
    form = DecisionForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = record_decision(
                meeting=meeting,
                by=signed_in(request),
                title=data["title"],
                title_en=data["title_en"],
                text=data["text"],
                text_en=data["text_en"],
                method=data["method"],
                votes=(data["votes_for"], data["votes_against"], data["abstentions"]),
                items=data.get("items") or [],
                ideas=data["ideas"],
                sectors=data["sectors"],
                objectives=data["objectives"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Decision %(number)s is recorded.") % {"number": decision.number}
            )
            return redirect(decision)
    return render(request, "meetings/decision_form.html", {"meeting": meeting, "form": form})
