"""The API's action plan: published plans with their stored figures, their actions (filtered
as the tracker filters them), each action with its milestones and funding."""

import datetime
from typing import Annotated, Any, Literal

from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from missa.core.models import Benefit, Objective, Sector
from missa.core.rest import (
    Page,
    PageQuery,
    SearchText,
    SlugFilter,
    Text,
    absolute,
    known,
    one_of,
    page_of,
    responses,
    texts,
)

from .forms import ActionFilterForm
from .models import Action, Funding, Milestone, Plan

router = Router(tags=["action plan"])


class PlanOut(Schema):
    slug: str
    title: Text
    description: Text
    starts_on: datetime.date
    ends_on: datetime.date
    adopted_by: int | None = Field(description="The number of the decision that adopted it.")
    action_count: int
    status_counts: dict[str, int] = Field(description="Actions by status.")
    progress: int = Field(description="The plan's progress, in % (the actions' average).")
    budget_planned: float
    budget_spent: float
    funding_shares: dict[str, dict[str, float]] = Field(
        description="Planned and spent budget by funder."
    )
    url: str
    actions: str = Field(description="Its actions in this API.")


class MilestoneOut(Schema):
    title: Text
    due_on: datetime.date
    weight: int = Field(description="Its share of the action's progress, in %.")
    done_on: datetime.date | None


class FundingOut(Schema):
    source: Annotated[str, one_of(Funding.Source)]
    planned: float
    spent: float


class ActionOut(Schema):
    id: int
    number: int
    plan: str
    title: Text
    description: Text
    status: Annotated[str, one_of(Action.Status)]
    status_reason: Text
    late: bool = Field(description="Past its end date or a milestone's, and not finished: today.")
    progress: int = Field(description="In %: done milestones' weights, else from the status.")
    starts_on: datetime.date
    ends_on: datetime.date
    lead: str | None = Field(description="The lead actor's slug, when its page is public.")
    lead_name: str
    objectives: list[str]
    sectors: list[str]
    benefits: list[str]
    budget_planned: float
    budget_spent: float
    decision: int | None = Field(description="The number of the decision it comes from.")
    url: str


class ActionDetailOut(ActionOut):
    milestones: list[MilestoneOut]
    funding: list[FundingOut]


class PlanPage(Page):
    results: list[PlanOut]


class ActionPage(Page):
    results: list[ActionOut]


class ActionFilters(Schema):
    q: SearchText = Field(None, max_length=100, description="Words of the title or text.")
    status: Annotated[str, one_of(Action.Status, "late")] | None = None
    objective: SlugFilter = Field(None, description="An objective's slug.")
    sector: SlugFilter = Field(None, description="A sector's slug.")
    benefit: SlugFilter = Field(None, description="A benefit's slug.")
    sort: Literal["number", "progress", "ends", "budget"] | None = None


def _plan(request: HttpRequest, plan: Plan) -> dict[str, Any]:
    url = plan.get_absolute_url()
    return {
        "slug": plan.slug,
        "title": texts(plan, "title"),
        "description": texts(plan, "description"),
        "starts_on": plan.starts_on,
        "ends_on": plan.ends_on,
        "adopted_by": plan.adopted_by.number if plan.adopted_by else None,
        "action_count": plan.action_count,
        "status_counts": dict(plan.status_counts),
        "progress": plan.progress,
        "budget_planned": plan.budget_planned,
        "budget_spent": plan.budget_spent,
        "funding_shares": {
            source: {name: float(value) for name, value in amounts.items()}
            for source, amounts in plan.funding_shares.items()
        },
        "url": absolute(request, url),
        "actions": absolute(request, f"/api/v1/plans/{plan.slug}/actions/"),
    }


def _published_plan(slug: str) -> Plan:
    plan = Plan.objects.published().select_related("adopted_by").filter(slug=slug).first()
    if plan is None:
        raise Http404
    return plan


@router.get("/plans/", response=responses(PlanPage), summary="Action plans")
def list_plans(request: HttpRequest, paging: Query[PageQuery]) -> dict[str, Any]:
    """The published action plans, with their stored figures."""
    plans = Plan.objects.published().select_related("adopted_by").order_by("-starts_on", "pk")
    return page_of(request, plans, paging, lambda rows: [_plan(request, row) for row in rows])


@router.get("/plans/{slug}/", response=responses(PlanOut), summary="An action plan")
def get_plan(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One published plan, with its stored figures."""
    return _plan(request, _published_plan(slug))


def _actions() -> Any:
    return Action.objects.select_related("plan", "lead", "decision").prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.only("pk", "slug")),
        Prefetch("sectors", queryset=Sector.objects.only("pk", "slug")),
        Prefetch("benefits", queryset=Benefit.objects.only("pk", "slug")),
    )


def _late(actions: list[Action], today: datetime.date) -> set[int]:
    """Return which of actions are late today, as the tracker's "late" filter says (one query)."""
    ids = [action.pk for action in actions]
    return set(Action.objects.filter(pk__in=ids).late_on(today).values_list("pk", flat=True))


def _action(request: HttpRequest, action: Action, late: set[int]) -> dict[str, Any]:
    return {
        "id": action.pk,
        "number": action.number,
        "plan": action.plan.slug,
        "title": texts(action, "title"),
        "description": texts(action, "description"),
        "status": action.status,
        "status_reason": texts(action, "status_reason"),
        "late": action.pk in late,
        "progress": action.progress,
        "starts_on": action.starts_on,
        "ends_on": action.ends_on,
        "lead": action.lead.slug if action.lead.is_public else None,
        "lead_name": action.lead.name,
        "objectives": [term.slug for term in action.objectives.all()],
        "sectors": [term.slug for term in action.sectors.all()],
        "benefits": [term.slug for term in action.benefits.all()],
        "budget_planned": action.budget_planned,
        "budget_spent": action.budget_spent,
        "decision": action.decision.number if action.decision else None,
        "url": absolute(request, action.get_absolute_url()),
    }


@router.get("/plans/{slug}/actions/", response=responses(ActionPage), summary="A plan's actions")
def list_plan_actions(
    request: HttpRequest, slug: str, filters: Query[ActionFilters], paging: Query[PageQuery]
) -> dict[str, Any]:
    """A plan's actions, by number unless told, filtered as the tracker filters them."""
    plan = _published_plan(slug)
    objectives, sectors = list(Objective.objects.all()), list(Sector.objects.all())
    benefits = list(Benefit.objects.all())
    form = ActionFilterForm(objectives=objectives, sectors=sectors, benefits=benefits)
    chosen = filters.dict(exclude_none=True)
    for name, terms in form.terms.items():
        if name in chosen:
            known(name, chosen[name], terms)
    if not str(chosen.get("q", "")).strip():
        chosen.pop("q", None)
    today = timezone.localdate()
    actions = form.apply(_actions().filter(plan=plan), chosen, today)
    # Every action of the plan: its stored count.
    count = plan.action_count if not set(chosen) - {"sort"} else None

    def serialize(rows: list[Action]) -> list[dict[str, Any]]:
        late = _late(rows, today)
        return [_action(request, action, late) for action in rows]

    return page_of(request, actions, paging, serialize, count)


@router.get("/actions/{action_id}/", response=responses(ActionDetailOut), summary="An action")
def get_action(request: HttpRequest, action_id: int) -> dict[str, Any]:
    """One action of a published plan, with its milestones and its funding by source."""
    action = (
        _actions()
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "pk")),
            Prefetch("funding", queryset=Funding.objects.order_by("source")),
        )
        .filter(pk=action_id, plan__published_at__isnull=False)
        .first()
    )
    if action is None:
        raise Http404
    return {
        **_action(request, action, _late([action], timezone.localdate())),
        "milestones": [
            {
                "title": texts(milestone, "title"),
                "due_on": milestone.due_on,
                "weight": milestone.weight,
                "done_on": milestone.done_on,
            }
            for milestone in action.milestones.all()
        ],
        "funding": [
            {"source": line.source, "planned": line.planned, "spent": line.spent}
            for line in action.funding.all()
        ],
    }
