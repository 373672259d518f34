"""The figures MISSA measures itself, each read from what is stored (counters and summaries),
as of a day. An indicator "measured by MISSA" names one of them (`Indicator.measure`)."""

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, Sum
from django.utils.translation import gettext_lazy as _

from missa.actions.models import Action, Plan
from missa.activity.models import Activity
from missa.actors.models import Actor, ActorRole
from missa.brandkit.models import Download
from missa.participation.models import Call, Idea, ParticipantCount

ACTIVE_DAYS = 90


def ambassadors(day: datetime.date) -> Decimal:
    return Decimal(Actor.objects.public().with_role(ActorRole.Role.AMBASSADOR, on=day).count())


def active_ambassadors(day: datetime.date) -> Decimal:
    since = day - datetime.timedelta(days=ACTIVE_DAYS)
    recent = Activity.objects.public().filter(actor=OuterRef("pk"), date__gt=since, date__lte=day)
    return Decimal(
        Actor.objects.public()
        .with_role(ActorRole.Role.AMBASSADOR, on=day)
        .filter(Exists(recent))
        .count()
    )


def partners(day: datetime.date) -> Decimal:
    roles = (ActorRole.Role.INSTITUTIONAL_PARTNER, ActorRole.Role.PARTNER_TERRITORY)
    return Decimal(Actor.objects.public().with_role(*roles, on=day).count())


def participants(day: datetime.date) -> Decimal:
    total = ParticipantCount.objects.filter(call=None).aggregate(total=Sum("count"))["total"]
    return Decimal(total or 0)


def ideas(day: datetime.date) -> Decimal:
    total = Call.objects.published().aggregate(total=Sum("idea_count"))["total"]
    return Decimal(total or 0)


def supports(day: datetime.date) -> Decimal:
    total = Call.objects.published().aggregate(total=Sum("support_count"))["total"]
    return Decimal(total or 0)


def answered_share(day: datetime.date) -> Decimal:
    listed = Idea.objects.listed()
    count = listed.count()
    answered = listed.filter(state__in=["retained", "in_plan", "not_retained"]).count()
    return (Decimal(100) * answered / count).quantize(Decimal("0.1")) if count else Decimal(0)


def _plans() -> list[Plan]:
    return list(Plan.objects.published())


def actions_done(day: datetime.date) -> Decimal:
    return Decimal(sum(int(plan.status_counts.get("done", 0)) for plan in _plans()))


def actions_on_time(day: datetime.date) -> Decimal:
    """The share of the plan's actions (abandoned ones left out) that are not late."""
    actions = Action.objects.filter(plan__published_at__isnull=False).exclude(status="abandoned")
    count = actions.count()
    late = actions.late_on(day).count()
    return (Decimal(100) * (count - late) / count).quantize(Decimal("0.1")) if count else Decimal(0)


def cofunding_share(day: datetime.date) -> Decimal:
    """The share of the plans' planned budget that the town does not pay."""
    total = town = Decimal(0)
    for plan in _plans():
        for source, amounts in plan.funding_shares.items():
            planned = Decimal(amounts["planned"])
            total += planned
            town += planned if source == "town" else 0
    return (Decimal(100) * (total - town) / total).quantize(Decimal("0.1")) if total else Decimal(0)


def brandkit_downloads(day: datetime.date) -> Decimal:
    return Decimal(Download.objects.filter(at__date__lte=day).count())


MEASURES: dict[str, tuple[Any, Callable[[datetime.date], Decimal]]] = {
    "ambassadors": (_("Ambassadors"), ambassadors),
    "active_ambassadors": (_("Ambassadors active in the last 90 days"), active_ambassadors),
    "partners": (_("Institutional partners and partner territories"), partners),
    "participants": (_("People who took part in the co-construction"), participants),
    "ideas": (_("Ideas proposed"), ideas),
    "supports": (_("Supports given to ideas"), supports),
    "answered_share": (_("Share of the ideas answered (%)"), answered_share),
    "actions_done": (_("Actions of the plan done"), actions_done),
    "actions_on_time": (_("Share of the plan's actions on time (%)"), actions_on_time),
    "cofunding_share": (_("Share of the plan's budget co-funded (%)"), cofunding_share),
    "brandkit_downloads": (_("Brand-kit downloads"), brandkit_downloads),
}
