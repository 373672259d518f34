"""The plan's share of the demo territory: the "Plan d'actions 2018–2020", adopted by the
committee's decision on 12 March 2018, with 40 actions (× scale) led by the demo's partners and
ambassadors, their partners, funding by source, milestones and a realistic mix of statuses.

Rows are written in bulk; progress and budgets are then derived by `services.recount`, and the
ledger receives, through `record_activities`, what the services would have written at the
dates the steps happened.
"""

import datetime
import random
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from missa.activity.models import Activity
from missa.activity.services import ActivityRecord, record_activities, titles_in_both
from missa.actors.demo import INSTITUTIONS
from missa.actors.models import Actor, ActorRole
from missa.core.models import Benefit, Objective, Sector
from missa.core.seeding import END, DemoContext
from missa.meetings.models import Decision
from missa.participation.models import Idea

from .demo_data import ACTIONS, MILESTONES, ROLES
from .models import Action, Change, Funding, Milestone, Partner, Plan
from .services import (
    created_titles,
    progress_titles,
    recount,
    status_titles,
)

PLAN_START = datetime.date(2018, 5, 1)
PLAN_END = datetime.date(2020, 12, 31)
GENERATED_MILESTONES = 10
# (status, share of the actions)
STATUSES = [
    ("done", 0.55),
    ("in_progress", 0.2),
    ("delayed", 0.1),
    ("abandoned", 0.07),
    ("planned", 0.08),
]
SOURCES = ["town", "intercommunality", "departement", "region", "private"]


def _between(start: datetime.date, end: datetime.date, rng: random.Random) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, max((end - start).days, 0)))


@transaction.atomic
def load(demo: DemoContext) -> dict[str, int]:
    rng = random.Random(f"actions-{demo.seed}")
    today = timezone.localdate()
    # The history the journal tells ends with its months (the demo's last one, END).
    last = min(today, END)
    adopted = Decision.objects.filter(title_fr__startswith="Adoption du plan").first()
    plan = Plan.objects.create(
        slug="plan-2018-2020",
        title_fr="Plan d'actions 2018–2020",
        title_en="Action plan 2018–2020",
        description_fr=(
            "Le plan d'actions collectif issu de la co-construction : les idées retenues des "
            "appels, portées par les ambassadeurs et les partenaires institutionnels, avec "
            "leurs cofinancements. Son avancement se lit action par action, mois après mois."
        ),
        description_en=(
            "The collective action plan born of the co-construction: the ideas retained from "
            "the calls, carried by ambassadors and institutional partners, with their "
            "co-funding. Its progress reads action by action, month after month."
        ),
        starts_on=PLAN_START,
        ends_on=PLAN_END,
        adopted_by=adopted,
        published_at=timezone.make_aware(datetime.datetime(2018, 4, 16, 20)),
    )
    institutions = {
        index: Actor.objects.get(name=row[0]) for index, row in enumerate(INSTITUTIONS[:7])
    }
    ambassadors = list(
        Actor.objects.public()
        .filter(roles__role=ActorRole.Role.AMBASSADOR)
        .exclude(kind=Actor.Kind.PERSON)
        .distinct()
        .order_by("pk")[:200]
    )
    objectives = {term.slug: term for term in Objective.objects.all()}
    sectors = {term.slug: term for term in Sector.objects.all()}
    benefits = {term.slug: term for term in Benefit.objects.all()}
    ideas = list(Idea.objects.filter(state=Idea.State.IN_PLAN).order_by("pk"))
    decisions = list(
        Decision.objects.filter(decided_on__gte=datetime.date(2018, 3, 1)).order_by("number")
    )

    specs: list[tuple[Any, ...]] = list(ACTIONS)
    for serial in range(len(ACTIONS) * (demo.scale - 1)):
        title_fr, title_en, objective, chosen_sectors, chosen_benefits, lead = ACTIONS[
            serial % len(ACTIONS)
        ]
        specs.append(
            (
                f"{title_fr} — volet {serial // len(ACTIONS) + 2}",
                f"{title_en} — part {serial // len(ACTIONS) + 2}",
                objective,
                chosen_sectors,
                chosen_benefits,
                lead,
            )
        )
    statuses = [status for status, _share in STATUSES]
    weights = [share for _status, share in STATUSES]
    actions: list[Action] = []
    themes: list[tuple[list[Objective], list[Sector], list[Benefit]]] = []
    for number, (title_fr, title_en, objective, chosen_sectors, chosen_benefits, lead) in enumerate(
        specs, start=1
    ):
        status = rng.choices(statuses, weights)[0]
        starts = _between(PLAN_START, datetime.date(2019, 9, 1), rng)
        ends = starts + datetime.timedelta(days=rng.randint(120, 600))
        # Carried on, or put off: they end from today on (a few are left late on purpose).
        if status in ("in_progress", "delayed", "planned") and rng.random() < 0.75:
            ends = today + datetime.timedelta(days=rng.randint(30, 540))
        if status == "planned":
            starts = min(
                ends - datetime.timedelta(days=90),
                today + datetime.timedelta(days=rng.randint(10, 90)),
            )
        lead_actor = (
            institutions[lead] if isinstance(lead, int) else ambassadors[number % len(ambassadors)]
        )
        action = Action(
            plan=plan,
            number=number,
            title_fr=title_fr,
            title_en=title_en,
            description_fr=(
                f"{title_fr} : une action du plan, portée par {lead_actor.name} avec ses "
                "partenaires. Elle sert l'objectif choisi par le comité et ses retombées "
                "sont suivies dans le tableau de bord."
            ),
            description_en=(
                f"{title_en}: an action of the plan, carried by {lead_actor.name} with its "
                "partners. It serves the objective chosen by the committee, and its benefits "
                "are followed on the dashboard."
            ),
            lead=lead_actor,
            starts_on=starts,
            ends_on=max(ends, starts),
            status=status,
            status_reason_fr={
                "delayed": "Le cofinancement attendu est arrivé plus tard que prévu.",
                "abandoned": "Remplacée par une autre action après le bilan du comité.",
            }.get(status, ""),
            status_reason_en={
                "delayed": "The expected co-funding came later than planned.",
                "abandoned": "Replaced by another action after the committee's review.",
            }.get(status, ""),
            idea=ideas[number % len(ideas)] if ideas and number % 3 == 0 else None,
            decision=decisions[number % len(decisions)] if decisions and number % 4 == 0 else None,
            created_at=timezone.make_aware(datetime.datetime.combine(PLAN_START, datetime.time(9))),
        )
        action.search_text = ""
        actions.append(action)
        themes.append(
            (
                [objectives[objective]] if objective in objectives else [],
                [sectors[slug] for slug in chosen_sectors if slug in sectors],
                [benefits[slug] for slug in chosen_benefits if slug in benefits],
            )
        )
    for action in actions:
        action.save()  # one by one: each keeps its search text
    for field, index in (("objectives", 0), ("sectors", 1), ("benefits", 2)):
        through: Any = getattr(Action, field).through
        key = {"objectives": "objective_id", "sectors": "sector_id", "benefits": "benefit_id"}[
            field
        ]
        through.objects.bulk_create(
            [
                through(action_id=action.pk, **{key: term.pk})
                for action, chosen in zip(actions, themes, strict=True)
                for term in chosen[index]
            ],
            batch_size=5000,
        )

    # Funding by source: the town always, two or three co-funders.
    funding = []
    for action in actions:
        for source in ["town", *rng.sample(SOURCES[1:], rng.randint(1, 3))]:
            planned = Decimal(rng.randrange(2, 60) * 1000)
            share = {"done": 1.0, "abandoned": 0.1, "planned": 0.0}.get(
                action.status, rng.uniform(0.2, 0.8)
            )
            funding.append(
                Funding(
                    action=action,
                    source=source,
                    planned=planned,
                    spent=(planned * Decimal(str(round(share, 2)))).quantize(Decimal(1)),
                )
            )
    Funding.objects.bulk_create(funding, batch_size=5000)

    # Partners: one to three actors of the network, each once, never the lead.
    partners = []
    for action in actions:
        chosen = rng.sample(ambassadors, rng.randint(1, 3))
        for actor in chosen:
            if actor.pk == action.lead_id:
                continue
            role_fr, role_en, contribution, detail = rng.choice(ROLES)
            partners.append(
                Partner(
                    action=action,
                    actor=actor,
                    role_fr=role_fr,
                    role_en=role_en,
                    contribution=contribution,
                    contribution_detail_fr=detail,
                )
            )
    Partner.objects.bulk_create(partners, batch_size=5000)

    # Milestones: even weights adding up to 100, done as far as the status says.
    milestones = []
    per_action = len(MILESTONES[:4]) if demo.scale == 1 else GENERATED_MILESTONES
    for action in actions:
        count = per_action if action.number > len(ACTIONS) or demo.scale == 1 else 4
        span = max((action.ends_on - action.starts_on).days, count)
        done_share = {"done": 1.0, "in_progress": 0.5, "delayed": 0.25, "abandoned": 0.25}.get(
            action.status, 0.0
        )
        for index in range(count):
            title_fr, title_en = MILESTONES[index % len(MILESTONES)]
            due = action.starts_on + datetime.timedelta(days=span * (index + 1) // count)
            done = index < round(count * done_share) and due <= last
            milestones.append(
                Milestone(
                    action=action,
                    title_fr=title_fr,
                    title_en=title_en,
                    due_on=due,
                    weight=100 // count + (100 % count if index == 0 else 0),
                    done_on=due if done else None,
                    evidence_link="https://www.islesurlasorgue.fr/" if done else "",
                )
            )
    Milestone.objects.bulk_create(milestones, batch_size=5000)
    recount([plan])

    # The history and the journal: created, started, each milestone's progress, finished.
    milestones_of: dict[int, list[Milestone]] = {}
    for milestone in milestones:
        milestones_of.setdefault(milestone.action_id, []).append(milestone)
    changes, records = [], []
    leads_sectors: dict[int, list[int]] = {}
    for action, (_o, action_sectors, _b) in zip(actions, themes, strict=True):
        sector_ids = [sector.pk for sector in action_sectors]
        leads_sectors[action.pk] = sector_ids

        def record(
            titles: Any, day: datetime.date, action: Action = action, ids: list[int] = sector_ids
        ) -> None:
            records.append(
                ActivityRecord(
                    actor_id=action.lead_id,
                    kind=Activity.Kind.LED_ACTION,
                    date=day,
                    related=action,
                    sector_ids=ids,
                    **titles_in_both(titles, action),
                )
            )

        record(created_titles, PLAN_START)
        status = action.status
        if status != "planned":
            started = min(action.starts_on, last)
            changes.append(
                Change(
                    action=action,
                    field="status",
                    before="planned",
                    after="in_progress",
                    at=timezone.make_aware(datetime.datetime.combine(started, datetime.time(10))),
                )
            )
        # Progress as its milestones were done (the final status said last).
        done_milestones = sorted(
            (m for m in milestones_of.get(action.pk, []) if m.done_on),
            key=lambda m: m.done_on or today,
        )
        reached = 0
        weights_total = sum(m.weight for m in milestones_of.get(action.pk, []))
        for index, milestone in enumerate(done_milestones, start=1):
            before = reached
            reached = round(100 * sum(m.weight for m in done_milestones[:index]) / weights_total)
            assert milestone.done_on is not None
            changes.append(
                Change(
                    action=action,
                    field="progress",
                    before=str(before),
                    after=str(reached),
                    at=timezone.make_aware(
                        datetime.datetime.combine(milestone.done_on, datetime.time(11))
                    ),
                )
            )
            if reached < 100:
                action.progress = reached
                record(progress_titles, milestone.done_on)
        if status in ("done", "delayed", "abandoned"):
            day = min(
                action.ends_on
                if status == "done"
                else _between(action.starts_on, min(action.ends_on, last), rng),
                last,
            )
            changes.append(
                Change(
                    action=action,
                    field="status",
                    before="in_progress",
                    after=status,
                    reason=getattr(action, "status_reason_fr", ""),
                    at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(12))),
                )
            )
            record(status_titles, day)
    Change.objects.bulk_create(changes, batch_size=5000)
    record_activities(records)
    recount([plan])
    return {"actions": len(actions), "milestones": len(milestones)}


def flush() -> None:
    Plan.objects.all().delete()
