"""Members report what their organisation did; editors hide a report, saying why.

The pages live under their actor's address (/actors/<slug>/report/…).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from missa.actors.views import get_actor_for, get_public_actor
from missa.core.pagination import paginate

from .forms import ActivityReportForm, HideActivityForm
from .models import Activity
from .services import hide_activity


@require_safe
def activity_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One public activity: what, when, who, in which sectors, with its photo and link."""
    actor = get_public_actor(slug)
    try:
        activity = Activity.objects.public().get(pk=pk, actor=actor)
    except Activity.DoesNotExist as error:
        raise Http404("No such activity.") from error
    activity.actor = actor
    context = {
        "actor": actor,
        "activity": activity,
        "sectors": list(activity.sectors.all()),
        "related": activity.related_page(),
        # The main content is the same for every visitor (core.templatetags.missa).
        "shared_content": "",
    }
    return render(request, "activity/activity_detail.html", context)


@login_required
def report(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_actor_for(request, slug, "actors.report_for_actor")
    form = ActivityReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        form.report(actor=actor, user=request.user)
        messages.success(request, _("Thank you: your action is in the journal and on your page."))
        return redirect("activity:reports", slug=actor.slug)
    return render(request, "activity/report.html", {"actor": actor, "form": form})


@login_required
@require_safe
def reports(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_actor_for(request, slug, "actors.see_actor_reports")
    reported = (
        Activity.objects.filter(actor=actor, reported_by__isnull=False)
        .select_related("reported_by")
        .order_by("-date", "-pk")
    )
    return render(
        request,
        "activity/reports.html",
        {
            "actor": actor,
            "page": paginate(request, reported, "reported_activities"),
            "can_report": request.user.has_perm("actors.report_for_actor", actor),
            "can_hide": request.user.has_perm("activity.hide_activity"),
        },
    )


@login_required
def hide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    if not request.user.has_perm("activity.hide_activity"):
        raise PermissionDenied
    actor = get_public_actor(slug)
    try:
        activity = Activity.objects.get(pk=pk, actor=actor, reported_by__isnull=False)
    except Activity.DoesNotExist as error:
        raise Http404("No such reported activity.") from error
    form = HideActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        hide_activity(activity=activity, reason=form.cleaned_data["reason"])
        messages.success(request, _("The action is hidden; its author sees why."))
        return redirect("activity:reports", slug=actor.slug)
    return render(
        request, "activity/hide.html", {"actor": actor, "activity": activity, "form": form}
    )
