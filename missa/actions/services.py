"""Every step of the action plan, and the only way it happens: an action written or changed,
a milestone set or done, an update posted. Each step keeps the action's derived progress and
budget and its plan's stored figures in step, keeps each change of status, progress or budget
(who, when, before, after) and writes it to the ledger, so that the journal month says
"Action 12 reached 60 %".
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from missa.accounts.models import User
from missa.activity.models import Activity
from missa.activity.services import record_activity, titles_in_both
from missa.actors.models import Actor, Membership
from missa.core.models import Benefit, Objective, Sector
from missa.core.translations import text_in

from .models import (
    FINISHED,
    PROGRESS_OF_STATUS,
    REASONED,
    Action,
    Change,
    Funding,
    Milestone,
    Partner,
    Plan,
    Update,
)

WEIGHTS_MAX = 100
CENT = Decimal("0.01")


def _money(amount: Decimal | None) -> Decimal:
    """Return an amount in euros and cents, as the database stores it (whatever its backend)."""
    return (amount or Decimal(0)).quantize(CENT)


def _euros(amount: Decimal) -> str:
    return formats.number_format(amount, decimal_pos=0, use_l10n=True, force_grouping=True) + " €"


# What the journal says.


def created_titles(language: str, action: Action) -> str:
    return _("Leads action %(number)s of the plan: %(title)s") % {
        "number": action.number,
        "title": text_in(action, "title", language),
    }


def status_titles(language: str, action: Action) -> str:
    return _("Action %(number)s (%(title)s): %(status)s") % {
        "number": action.number,
        "title": text_in(action, "title", language),
        "status": Action.Status(action.status).label,
    }


def progress_titles(language: str, action: Action) -> str:
    return _("Action %(number)s reached %(progress)s %%: %(title)s") % {
        "number": action.number,
        "progress": action.progress,
        "title": text_in(action, "title", language),
    }


def budget_titles(language: str, action: Action) -> str:
    return _("Action %(number)s: %(spent)s spent of %(planned)s") % {
        "number": action.number,
        "spent": _euros(action.budget_spent),
        "planned": _euros(action.budget_planned),
    }


def update_titles(language: str, action: Action, text: str) -> str:
    first_line = " ".join(text.split())[:120]
    return _("News of action %(number)s: %(text)s") % {"number": action.number, "text": first_line}


def derived_progress(action: Action, milestones: Sequence[Milestone]) -> int:
    """Return an action's progress: 100 once done, else the weights of its done milestones
    (in the share of all their weights), else what its status says."""
    if action.status == Action.Status.DONE:
        return 100
    weights = sum(milestone.weight for milestone in milestones)
    if weights:
        done = sum(milestone.weight for milestone in milestones if milestone.done_on)
        return round(100 * done / weights)
    return PROGRESS_OF_STATUS[Action.Status(action.status)]


@dataclass(frozen=True, slots=True)
class FundingLine:
    source: str
    planned: Decimal
    spent: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class PartnerLine:
    actor: Actor
    role: str
    contribution: str = Partner.Contribution.TIME
    detail: str = ""


def _check(by: User, permission: str, obj: Any = None) -> None:
    if not by.has_perm(permission, obj):
        raise PermissionDenied


def _record(action: Action, kind_titles: Any, *args: object, on: datetime.date) -> None:
    record_activity(
        actor=action.lead,
        kind=Activity.Kind.LED_ACTION,
        **titles_in_both(kind_titles, action, *args),
        date=on,
        sectors=list(action.sectors.all()),
        related=action,
    )


def _keep(
    action: Action,
    before: dict[str, object],
    by: User | None,
    reason: str,
    on: datetime.date,
    announce: bool = True,
) -> None:
    """Keep each change of status, progress or budget, and say it in the journal."""
    after = {field: getattr(action, field) for field in before}
    changed = [field for field in before if before[field] != after[field]]
    for field in changed:
        Change.objects.create(
            action=action,
            field=field,
            before=str(before[field]),
            after=str(after[field]),
            reason=reason if field == "status" else "",
            by=by,
        )
    if not announce:
        return
    if "status" in changed:
        _record(action, status_titles, on=on)
    if "progress" in changed and action.status not in FINISHED:
        _record(action, progress_titles, on=on)
    if {"budget_planned", "budget_spent"} & set(changed):
        _record(action, budget_titles, on=on)


def _tracked(action: Action) -> dict[str, object]:
    return {
        "status": action.status,
        "progress": action.progress,
        "budget_planned": action.budget_planned,
        "budget_spent": action.budget_spent,
    }


def _derive(action: Action) -> None:
    action.progress = derived_progress(action, list(action.milestones.all()))
    totals = action.funding.aggregate(planned=Sum("planned"), spent=Sum("spent"))
    action.budget_planned = _money(totals["planned"])
    action.budget_spent = _money(totals["spent"])


def _next_number(plan: Plan) -> int:
    return (plan.actions.aggregate(last=Max("number"))["last"] or 0) + 1


@transaction.atomic
def save_action(
    *,
    plan: Plan,
    by: User,
    values: dict[str, Any],
    objectives: Iterable[Objective] = (),
    sectors: Iterable[Sector] = (),
    benefits: Iterable[Benefit] = (),
    funding: Sequence[FundingLine] = (),
    partners: Sequence[PartnerLine] | None = None,
    action: Action | None = None,
    on: datetime.date | None = None,
) -> Action:
    """Write a new action in the plan (under its next number) or change one: its fields
    (values: title_fr, title_en, description_fr, description_en, lead, starts_on, ends_on,
    status, status_reason_fr, idea, decision), its themes, its funding by source and its
    partners. Each change of status, progress or budget is kept and written to the journal."""
    _check(by, "actions.manage_plan")
    day = on or timezone.localdate()
    Plan.objects.select_for_update().get(pk=plan.pk)  # one number at a time
    creating = action is None
    if action is None:
        action = Action(plan=plan, number=_next_number(plan))
        before: dict[str, object] = {}
    else:
        action = Action.objects.select_for_update().get(pk=action.pk, plan=plan)
        before = _tracked(action)
    for name, value in values.items():
        setattr(action, name, value)
    if action.status not in REASONED:
        action.status_reason_fr = ""  # type: ignore[attr-defined]
        action.status_reason_en = ""  # type: ignore[attr-defined]
    sources = [line.source for line in funding]
    if len(set(sources)) != len(sources):
        raise ValidationError(_("Each funder appears once."), code="funder_twice")
    if any(line.planned < 0 or line.spent < 0 for line in funding):
        raise ValidationError(_("A budget is never negative."), code="negative")
    action.full_clean(exclude=["number", "plan", "search_text"])
    action.updated_at = timezone.now()
    action.save()
    action.objectives.set(list(objectives))
    action.sectors.set(list(sectors))
    action.benefits.set(list(benefits))
    action.funding.all().delete()
    Funding.objects.bulk_create(
        [
            Funding(action=action, source=line.source, planned=line.planned, spent=line.spent)
            for line in funding
        ]
    )
    if partners is not None:
        actors = [line.actor.pk for line in partners]
        if len(set(actors)) != len(actors) or action.lead_id in actors:
            raise ValidationError(_("Each partner appears once, and not the lead."), code="twice")
        action.partners.all().delete()
        Partner.objects.bulk_create(
            [
                Partner(
                    action=action,
                    actor=line.actor,
                    role_fr=line.role,
                    contribution=line.contribution,
                    contribution_detail_fr=line.detail,
                )
                for line in partners
            ]
        )
    _derive(action)
    action.save(update_fields=["progress", "budget_planned", "budget_spent"])
    if creating:
        _record(action, created_titles, on=day)
        before = {
            "status": "",
            "progress": 0,
            "budget_planned": _money(None),
            "budget_spent": _money(None),
        }
    reason = str(getattr(action, "status_reason_fr", "") or "")
    # A new action's first values start its history; the journal says it joined the plan.
    _keep(action, before, by, reason, day, announce=not creating)
    refresh_plan(plan)
    return action


@transaction.atomic
def save_milestone(
    *,
    action: Action,
    by: User,
    title: str,
    due_on: datetime.date,
    weight: int,
    title_en: str = "",
    milestone: Milestone | None = None,
) -> Milestone:
    """Set a milestone of an action (its weights add up to 100 % at most)."""
    _check(by, "actions.manage_plan")
    locked = Action.objects.select_for_update().get(pk=action.pk)
    others = locked.milestones.all()
    if milestone is not None:
        others = others.exclude(pk=milestone.pk)
    total = (others.aggregate(total=Sum("weight"))["total"] or 0) + weight
    if total > WEIGHTS_MAX:
        raise ValidationError(
            _("The milestones' weights add up to %(total)s %%: 100 %% at most.") % {"total": total},
            code="weights",
        )
    if milestone is None:
        milestone = Milestone(action=locked)
    milestone.title_fr = title  # type: ignore[attr-defined]
    milestone.title_en = title_en  # type: ignore[attr-defined]
    milestone.due_on = due_on
    milestone.weight = weight
    milestone.full_clean(exclude=["action"])
    milestone.save()
    _progress_changed(locked, by, timezone.localdate())
    return milestone


@transaction.atomic
def complete_milestone(
    *,
    milestone: Milestone,
    by: User,
    done_on: datetime.date,
    evidence_link: str = "",
    evidence_file: File | None = None,
) -> Milestone:
    """Mark a milestone done, with its evidence (a link or a PDF): the action's progress follows."""
    locked = Milestone.objects.select_for_update().select_related("action").get(pk=milestone.pk)
    _check(by, "actions.report_on_action", locked.action)
    if locked.done_on is not None:
        raise ValidationError(_("This milestone is already done."), code="done")
    if done_on > timezone.localdate():
        raise ValidationError(_("A milestone is done on a day that has come."), code="future")
    if not evidence_link and evidence_file is None:
        raise ValidationError(_("Give its evidence: a link or a PDF."), code="evidence")
    locked.done_on = done_on
    locked.evidence_link = evidence_link
    if evidence_file is not None:
        locked.evidence_file = evidence_file
    locked.full_clean(exclude=["action"])
    locked.save()
    _progress_changed(locked.action, by, done_on)
    return locked


def _progress_changed(action: Action, by: User | None, day: datetime.date) -> None:
    action = Action.objects.select_related("lead").get(pk=action.pk)
    before = _tracked(action)
    _derive(action)
    action.save(update_fields=["progress", "budget_planned", "budget_spent"])
    _keep(action, before, by, "", day)
    refresh_plan(action.plan)


def acting_for(user: User, action: Action) -> list[Actor]:
    """Return the actors of an action (its lead, its partners) that user acts for."""
    actors = [action.lead_id, *action.partners.values_list("actor_id", flat=True)]
    return list(
        Actor.objects.filter(
            pk__in=Membership.objects.filter(user=user, actor_id__in=actors)
            .in_good_standing()
            .values("actor_id")
        ).order_by("name")
    )


@transaction.atomic
def post_update(*, action: Action, by: User, actor: Actor, text: str) -> Update:
    """Post news of an action for its lead or one of its partners (that by acts for)."""
    _check(by, "actions.report_on_action", action)
    allowed = {actor.pk for actor in acting_for(by, action)}
    if by.has_perm("actions.manage_plan"):
        allowed.add(action.lead_id)
    if actor.pk not in allowed:
        raise ValidationError(
            _("Post for the action's lead or a partner you act for."), code="actor"
        )
    if not text.strip():
        raise ValidationError(_("Write the news."), code="empty")
    update = Update.objects.create(action=action, author=by, actor=actor, text=text)
    record_activity(
        actor=actor,
        kind=Activity.Kind.LED_ACTION,
        **titles_in_both(update_titles, action, text),
        date=timezone.localdate(),
        sectors=list(action.sectors.all()),
        related=action,
    )
    return update


def refresh_plan(plan: Plan) -> None:
    """Recount a plan's stored figures: actions by status, progress (by count), budgets,
    funding by source, progress rolled up by objective, sector and benefit (by count and by
    planned budget)."""
    actions = list(
        Action.objects.filter(plan=plan)
        .order_by()
        .only("pk", "status", "progress", "budget_planned", "budget_spent")
    )
    counted = [action for action in actions if action.status != Action.Status.ABANDONED]
    themes: dict[str, dict[int, list[Action]]] = {}
    by_pk = {action.pk: action for action in counted}
    for kind, model in (("objective", Objective), ("sector", Sector), ("benefit", Benefit)):
        field = {"objective": "objectives", "sector": "sectors", "benefit": "benefits"}[kind]
        through: Any = getattr(Action, field).through
        grouped: dict[int, list[Action]] = defaultdict(list)
        for action_id, term_id in through.objects.filter(action__plan=plan).values_list(
            "action_id", f"{kind}_id"
        ):
            if action_id in by_pk:
                grouped[term_id].append(by_pk[action_id])
        slugs = dict(model.objects.values_list("pk", "slug"))
        themes[kind] = {slugs[term]: members for term, members in grouped.items()}  # type: ignore[misc]
    rollups = {
        kind: {slug: _rollup(members) for slug, members in grouped.items()}
        for kind, grouped in themes.items()
    }
    funding = (
        Funding.objects.filter(action__plan=plan)
        .exclude(action__status=Action.Status.ABANDONED)
        .order_by()
        .values("source")
        .annotate(planned=Sum("planned"), spent=Sum("spent"))
    )
    plan.action_count = len(actions)
    plan.status_counts = dict(Counter(action.status for action in actions))
    plan.progress = int(_rollup(counted)["by_count"] or 0)
    plan.budget_planned = _money(sum((a.budget_planned for a in counted), Decimal(0)))
    plan.budget_spent = _money(sum((a.budget_spent for a in counted), Decimal(0)))
    plan.rollups = rollups
    plan.funding_shares = {
        row["source"]: {"planned": str(_money(row["planned"])), "spent": str(_money(row["spent"]))}
        for row in funding
    }
    plan.save(
        update_fields=[
            "action_count",
            "status_counts",
            "progress",
            "budget_planned",
            "budget_spent",
            "rollups",
            "funding_shares",
        ]
    )


def _rollup(actions: Sequence[Action]) -> dict[str, int | None]:
    """Progress of a group of actions: their mean (each counts once), and weighted by their
    planned budget (None when none has a budget)."""
    budget = sum((action.budget_planned for action in actions), Decimal(0))
    by_budget = (
        round(sum(action.progress * action.budget_planned for action in actions) / budget)
        if budget
        else None
    )
    return {
        "count": len(actions),
        "by_count": round(sum(action.progress for action in actions) / len(actions))
        if actions
        else 0,
        "by_budget": by_budget,
    }


def recount(plans: Iterable[Plan] | None = None) -> None:
    """Recount every action's derived progress and budget, then its plan's figures."""
    for plan in plans if plans is not None else Plan.objects.all():
        for action in Action.objects.filter(plan=plan).prefetch_related("milestones"):
            _derive(action)
            action.save(update_fields=["progress", "budget_planned", "budget_spent"])
        refresh_plan(plan)


@transaction.atomic
def publish_plan(*, plan: Plan, by: User) -> Plan:
    """Publish a plan: its tracker and its actions' pages open to everyone."""
    _check(by, "actions.manage_plan")
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if locked.published_at is not None:
        raise ValidationError(_("This plan is already published."), code="published")
    locked.published_at = timezone.now()
    locked.save(update_fields=["published_at"])
    refresh_plan(locked)
    plan.published_at = locked.published_at
    return locked
