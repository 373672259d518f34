"""The action plan: its tracker, an action's page, and the steps of those who manage the plan
or carry an action (each through a service)."""

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from missa.accounts.security import signed_in
from missa.core.models import Benefit, Objective, Sector
from missa.core.pagination import paginate, stored_results
from missa.core.versioning import figure_for_today

from .charts import funding_chart, rollup_chart
from .forms import ActionFilterForm, ActionForm, MilestoneDoneForm, MilestoneForm, UpdateForm
from .models import Action, Milestone, Plan
from .services import (
    acting_for,
    complete_milestone,
    post_update,
    save_action,
    save_milestone,
)


def get_plan(slug: str) -> Plan:
    try:
        return Plan.objects.published().get(slug=slug)
    except Plan.DoesNotExist as error:
        raise Http404("No such plan.") from error


def get_action(pk: int) -> Action:
    """Return the action if its plan is published, or raise Http404."""
    try:
        return Action.objects.select_related("plan", "lead", "idea", "decision").get(
            pk=pk, plan__published_at__isnull=False
        )
    except Action.DoesNotExist as error:
        raise Http404("No such action.") from error


def _manages(request: HttpRequest) -> bool:
    return request.user.is_authenticated and request.user.has_perm("actions.manage_plan")


@require_safe
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = list(Plan.objects.published())
    if len(plans) == 1:
        return redirect(plans[0])
    return render(request, "actions/plan_list.html", {"plans": plans, "shared_content": ""})


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """An action in the timeline: its bar's start and width in percent of the plan's span."""

    action: Action
    start: float
    width: float


def _timeline(plan: Plan, actions: list[Action]) -> list[TimelineRow]:
    span = max((plan.ends_on - plan.starts_on).days, 1)

    def at(day: datetime.date) -> float:
        return min(max((day - plan.starts_on).days / span * 100, 0), 100)

    return [
        TimelineRow(
            action,
            round(at(action.starts_on), 2),
            round(max(at(action.ends_on) - at(action.starts_on), 0.5), 2),
        )
        for action in actions
    ]


@require_safe
def plan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    plan = get_plan(slug)
    today = timezone.localdate()
    objectives, sectors = list(Objective.objects.all()), list(Sector.objects.all())
    benefits = list(Benefit.objects.all())
    form = ActionFilterForm(request.GET, objectives=objectives, sectors=sectors, benefits=benefits)
    filters = form.filters()
    actions = form.apply(Action.objects.filter(plan=plan), filters, today)
    found = stored_results(actions, "actions") if "q" in filters else None
    if found is not None:
        page = paginate(request, found, "actions")
    elif set(filters) - {"sort"}:
        page = paginate(request, actions.values_list("pk", flat=True), "actions")
    else:
        # Unfiltered: the plan's stored count, never a count of rows.
        page = paginate(request, actions.values_list("pk", flat=True), "actions", plan.action_count)
    by_pk = Action.objects.select_related("lead").in_bulk(list(page.object_list))
    listed = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    page.object_list = listed
    statuses = [
        (status, label, plan.status_counts.get(status, 0))
        for status, label in Action.Status.choices
    ]
    context = {
        "plan": plan,
        "form": form,
        "filters": filters,
        "chosen": len(set(filters) - {"q"}),
        "filtered": bool(filters),
        "page": page,
        "timeline": _timeline(plan, listed),
        "statuses": statuses,
        # Late depends on the day as well as on the data: counted once for both, shared.
        "late_count": figure_for_today(
            f"plan-late:{plan.pk}", lambda: Action.objects.filter(plan=plan).late_on(today).count()
        ),
        "charts": [
            rollup_chart(plan, "objective", objectives, _("Progress by objective"), _("Objective")),
            rollup_chart(plan, "sector", sectors, _("Progress by sector"), _("Sector")),
            rollup_chart(
                plan, "benefit", benefits, _("Progress by expected benefit"), _("Benefit")
            ),
        ],
        "funding": funding_chart(plan.funding_shares, "plan-funding"),
        "can_manage": _manages(request),
        "shared_content": "manage" if _manages(request) else "",
    }
    template = "actions/plan_detail.html"
    if request.headers.get("HX-Request") == "true":
        template += "#results"
    return render(request, template, context)


@require_safe
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_action(pk)
    shares = {
        line.source: {"planned": str(line.planned), "spent": str(line.spent)}
        for line in action.funding.all()
    }
    can_report = request.user.is_authenticated and request.user.has_perm(
        "actions.report_on_action", action
    )
    context = {
        "action": action,
        "objectives": list(action.objectives.all()),
        "sectors": list(action.sectors.all()),
        # The indicators of its benefits (indicators.Indicator.benefit: the plan sits below).
        "benefits": list(action.benefits.prefetch_related("indicators")),
        "partners": list(action.partners.select_related("actor")),
        "milestones": list(action.milestones.all()),
        "updates": list(action.updates.select_related("actor")[:20]),
        "changes": list(action.changes.select_related("by")[:30]),
        "funding": funding_chart(shares, f"action-{action.pk}-funding"),
        "can_manage": _manages(request),
        "can_report": can_report,
        "shared_content": "report" if can_report else "",
    }
    return render(request, "actions/action_detail.html", context)


def _save(request: HttpRequest, plan: Plan, action: Action | None) -> HttpResponse:
    if not _manages(request):
        raise PermissionDenied
    initial = ActionForm.initial_of(action) if action else {"status": Action.Status.PLANNED}
    form = ActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = save_action(
                plan=plan,
                by=signed_in(request),
                action=action,
                values=form.values(),
                objectives=data["objectives"],
                sectors=data["sectors"],
                benefits=data["benefits"],
                funding=form.funding(),
                partners=form.partners(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Action %(number)s is saved.") % {"number": saved.number})
            return redirect(saved)
    context = {"plan": plan, "action": action, "form": form}
    return render(request, "actions/action_form.html", context)


@login_required
def action_new(request: HttpRequest, slug: str) -> HttpResponse:
    return _save(request, get_plan(slug), None)


@login_required
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_action(pk)
    return _save(request, action.plan, action)


def _milestone_of(action: Action, milestone_pk: int) -> Milestone:
    try:
        return action.milestones.get(pk=milestone_pk)
    except Milestone.DoesNotExist as error:
        raise Http404("No such milestone.") from error


@login_required
def milestone_edit(request: HttpRequest, pk: int, milestone_pk: int | None = None) -> HttpResponse:
    if not _manages(request):
        raise PermissionDenied
    action = get_action(pk)
    milestone = _milestone_of(action, milestone_pk) if milestone_pk else None
    initial = (
        {
            "title": getattr(milestone, "title_fr", ""),
            "title_en": getattr(milestone, "title_en", ""),
            "due_on": milestone.due_on,
            "weight": milestone.weight,
        }
        if milestone
        else {}
    )
    form = MilestoneForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            save_milestone(
                action=action,
                by=signed_in(request),
                milestone=milestone,
                title=data["title"],
                title_en=data["title_en"],
                due_on=data["due_on"],
                weight=data["weight"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The milestone is saved."))
            return redirect(action)
    context = {"action": action, "milestone": milestone, "form": form}
    return render(request, "actions/milestone_form.html", context)


@login_required
def milestone_done(request: HttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    action = get_action(pk)
    if not request.user.has_perm("actions.report_on_action", action):
        raise PermissionDenied
    milestone = _milestone_of(action, milestone_pk)
    form = MilestoneDoneForm(
        request.POST or None, request.FILES or None, initial={"done_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            complete_milestone(
                milestone=milestone,
                by=signed_in(request),
                done_on=data["done_on"],
                evidence_link=data["evidence_link"],
                evidence_file=data["evidence_file"] or None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The milestone is done: the action's progress follows."))
            return redirect(action)
    context = {"action": action, "milestone": milestone, "form": form}
    return render(request, "actions/milestone_done.html", context)


@login_required
def update_new(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_action(pk)
    user = signed_in(request)
    if not user.has_perm("actions.report_on_action", action):
        raise PermissionDenied
    actors = acting_for(user, action)
    if user.has_perm("actions.manage_plan") and action.lead not in actors:
        actors.append(action.lead)
    form = UpdateForm(request.POST or None, actors=actors)
    if request.method == "POST" and form.is_valid():
        try:
            post_update(
                action=action,
                by=user,
                actor=form.cleaned_data["actor"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The news is published on the action's page."))
            return redirect(action)
    return render(request, "actions/update_form.html", {"action": action, "form": form})
