"""The committee's share of the demo territory: its eight 2017–2018 meetings (the 16 April 2018
plenary among them) with agendas, documents, attendance, minutes and 40 decisions, and one
meeting coming; at --scale N, 20 sector workshops more per unit of scale.

Rows are written in bulk; the stored figures are then recounted by `services.recount`, and the
ledger receives, through `record_activities`, what the services would have written.
"""

import datetime
import itertools
import random
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from missa.activity.models import Activity
from missa.activity.services import ActivityRecord, record_activities, titles_in_both
from missa.actors.demo import INSTITUTIONS
from missa.actors.models import Actor, ActorRole
from missa.core.models import Objective, Sector
from missa.core.seeding import DemoContext
from missa.core.translations import text_in
from missa.participation.models import Idea
from missa.programme.models import Phase

from .demo_data import DECISIONS, DOCUMENT_TITLES, GUESTS, MEETINGS
from .models import AgendaItem, Attendance, Decision, Document, Meeting
from .services import (
    attended_titles,
    decision_titles,
    meeting_titles,
    minutes_titles,
    recount,
)

WORKSHOPS_PER_SCALE = 20
# (title fr, title en, confidential)
Item = tuple[str, str, bool]
# (title fr, title en, sector slugs, objective slugs, by vote)
Planned = tuple[str, str, list[str], list[str], bool]


@dataclass
class Plan:
    """One meeting to write: its fields, its agenda, the decisions it takes."""

    fields: dict[str, Any]
    agenda: list[Item]
    decisions: list[Planned]

    @property
    def starts_at(self) -> datetime.datetime:
        return self.fields["starts_at"]


STATUSES = [("present", 0.8), ("excused", 0.13), ("absent", 0.07)]


def _aware(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def demo_pdf(title: str) -> bytes:
    """Return a one-page PDF that says its title (a stand-in for the real slides)."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 60 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    start = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n".encode()
    )
    return out


def _minutes(
    meeting: Meeting, items: list[AgendaItem], decisions: list[Decision]
) -> tuple[str, str]:
    fr = [f"Le comité s'est réuni le {meeting.date:%d/%m/%Y}.", ""]
    en = [f"The committee met on {meeting.date:%Y-%m-%d}.", ""]
    for item in items:
        if item.is_confidential:
            continue
        fr += [
            f"### {text_in(item, 'title', 'fr')}",
            "",
            "Présentation, échanges et questions.",
            "",
        ]
        en += [
            f"### {text_in(item, 'title', 'en')}",
            "",
            "Presentation, discussion and questions.",
            "",
        ]
    if decisions:
        fr += ["### Décisions", ""] + [
            f"- n° {d.number} : {text_in(d, 'title', 'fr')}" for d in decisions
        ]
        en += ["### Decisions", ""] + [
            f"- No. {d.number}: {text_in(d, 'title', 'en')}" for d in decisions
        ]
    return "\n".join(fr), "\n".join(en)


@transaction.atomic
def load(demo: DemoContext) -> dict[str, int]:
    rng = random.Random(f"meetings-{demo.seed}")
    organiser = Actor.objects.get(name=INSTITUTIONS[0][0])
    phases = {phase.slug: phase for phase in Phase.objects.all()}
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    objectives = {objective.slug: objective for objective in Objective.objects.all()}
    members = list(
        Actor.objects.filter(roles__role=ActorRole.Role.COMMITTEE_MEMBER).distinct().order_by("pk")
    )
    answered = list(
        Idea.objects.filter(state__in=[Idea.State.IN_PLAN, Idea.State.RETAINED])
        .select_related("call")
        .order_by("pk")
    )
    idea_sectors: dict[int, set[int]] = {}
    for idea_id, sector_id in Idea.sectors.through.objects.filter(idea__in=answered).values_list(
        "idea_id", "sector_id"
    ):
        idea_sectors.setdefault(idea_id, set()).add(sector_id)

    plans: list[Plan] = []
    for slug, kind, (y, m, d, hour), hours, title_fr, title_en, phase, place, agenda in MEETINGS:
        day = datetime.date(y, m, d)
        plans.append(
            Plan(
                dict(
                    slug=slug,
                    kind=kind,
                    starts_at=_aware(day, hour),
                    ends_at=_aware(day, hour + hours),
                    title_fr=title_fr,
                    title_en=title_en,
                    phase=phases.get(phase),
                    place=place,
                ),
                agenda,
                DECISIONS.get(slug, []),
            )
        )
    sector_slugs = sorted(sectors)
    for serial in range(WORKSHOPS_PER_SCALE * (demo.scale - 1)):
        day = datetime.date(2017, 6, 1) + datetime.timedelta(days=rng.randint(0, 570))
        sector = sectors[sector_slugs[serial % len(sector_slugs)]]
        plans.append(
            Plan(
                dict(
                    slug=f"atelier-{serial + 1}",
                    kind=Meeting.Kind.WORKSHOP,
                    starts_at=_aware(day, 17),
                    ends_at=_aware(day, 19),
                    title_fr=f"Atelier sectoriel n° {serial + 1} : {text_in(sector, 'name', 'fr')}",
                    title_en=f"Sector workshop No. {serial + 1}: {text_in(sector, 'name', 'en')}",
                    phase=None,
                    place="Maison des associations, L'Isle-sur-la-Sorgue",
                ),
                [("Point d'étape du groupe", "The group's progress", False)],
                (
                    [
                        (
                            f"Feuille de route du groupe {text_in(sector, 'name', 'fr')}",
                            "The group's road map",
                            [sector.slug],
                            ["federer"],
                            False,
                        )
                    ]
                    if serial % 2 == 0
                    else []
                ),
            )
        )
    plans.sort(key=lambda plan: plan.starts_at)
    meetings = Meeting.objects.bulk_create(
        [
            Meeting(
                **plan.fields,
                organiser=organiser,
                published_at=plan.starts_at - datetime.timedelta(days=21),
                held_at=plan.fields["ends_at"],
            )
            for plan in plans
        ],
        batch_size=1000,
    )
    items = AgendaItem.objects.bulk_create(
        [
            AgendaItem(
                meeting=meeting,
                order=order,
                title_fr=title_fr,
                title_en=title_en,
                is_confidential=confidential,
                presenter=members[(meeting.pk + order) % len(members)] if members else None,
            )
            for meeting, plan in zip(meetings, plans, strict=True)
            for order, (title_fr, title_en, confidential) in enumerate(plan.agenda, start=1)
        ],
        batch_size=2000,
    )
    items_of: dict[int, list[AgendaItem]] = {}
    for item in items:
        items_of.setdefault(item.meeting_id, []).append(item)
    # Documents for the eight meetings of the brief (files in the private storage).
    for meeting in [m for m in meetings if not m.slug.startswith("atelier-")]:
        for item in items_of.get(meeting.pk, [])[:2]:
            title_fr, title_en = DOCUMENT_TITLES[item.order % 2]
            document = Document(
                item=item,
                title_fr=f"{title_fr} — {text_in(item, 'title', 'fr')}"[:200],
                title_en=f"{title_en} — {text_in(item, 'title', 'en')}"[:200],
                is_confidential=item.is_confidential,
            )
            document.file.save(
                f"{meeting.slug}-{item.order}.pdf",
                ContentFile(demo_pdf(text_in(document, "title", "fr"))),
                save=False,
            )
            document.save()

    # The roll: the committee on the day, and a guest or two.
    attendance = []
    present_of: dict[int, list[int]] = {}
    for meeting in meetings:
        for member in members:
            status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
            attendance.append(Attendance(meeting=meeting, actor=member, status=status))
            if status == "present":
                present_of.setdefault(meeting.pk, []).append(member.pk)
        for name in rng.sample(GUESTS, rng.randint(0, 2)):
            attendance.append(
                Attendance(meeting=meeting, name=name, status="present", is_guest=True)
            )
    Attendance.objects.bulk_create(attendance, batch_size=5000)

    # The decisions, numbered in the order they were taken.
    decisions: list[Decision] = []
    links = []
    number = 0
    for meeting, plan in zip(meetings, plans, strict=True):
        meeting_items = items_of.get(meeting.pk, [])
        for index, (
            title_fr,
            title_en,
            decision_sectors,
            decision_objectives,
            by_vote,
        ) in enumerate(plan.decisions):
            number += 1
            votes = (
                (len(present_of.get(meeting.pk, [])) - 2, rng.randint(0, 1), rng.randint(0, 2))
                if by_vote
                else (None, None, None)
            )
            decision = Decision(
                number=number,
                meeting=meeting,
                decided_on=meeting.date,
                title_fr=title_fr,
                title_en=title_en,
                text_fr=f"Le comité de pilotage décide : {title_fr[0].lower()}{title_fr[1:]}.\n\n"
                "Mise en œuvre par l'équipe de la ville avec les ambassadeurs concernés.",
                text_en=f"The steering committee decides: {title_en[0].lower()}{title_en[1:]}.\n\n"
                "Carried out by the town's team with the ambassadors concerned.",
                method=Decision.Method.VOTE if by_vote else Decision.Method.CONSENSUS,
                votes_for=max(votes[0], 1) if votes[0] is not None else None,
                votes_against=votes[1],
                abstentions=votes[2],
                created_at=meeting.ends_at,
            )
            decision.search_text = ""
            decisions.append(decision)
            chosen_sectors = [sectors[slug] for slug in decision_sectors if slug in sectors]
            sector_ids = {sector.pk for sector in chosen_sectors}
            candidates = [
                idea
                for idea in answered
                if idea.call.closes_on < meeting.date
                and (not sector_ids or idea_sectors.get(idea.pk, set()) & sector_ids)
            ]
            links.append(
                (
                    chosen_sectors,
                    [objectives[slug] for slug in decision_objectives if slug in objectives],
                    rng.sample(candidates, min(len(candidates), rng.randint(0, 3))),
                    [meeting_items[index % len(meeting_items)]] if meeting_items else [],
                )
            )
    for decision in decisions:
        decision.save()  # one by one: each keeps its search text (a few hundred at most per scale)
    sectors_through: Any = Decision.sectors.through
    sectors_through.objects.bulk_create(
        [
            sectors_through(decision_id=decision.pk, sector_id=sector.pk)
            for decision, (chosen, _o, _i, _it) in zip(decisions, links, strict=True)
            for sector in chosen
        ]
    )
    objectives_through: Any = Decision.objectives.through
    objectives_through.objects.bulk_create(
        [
            objectives_through(decision_id=decision.pk, objective_id=objective.pk)
            for decision, (_s, chosen, _i, _it) in zip(decisions, links, strict=True)
            for objective in chosen
        ]
    )
    ideas_through: Any = Decision.ideas.through
    ideas_through.objects.bulk_create(
        [
            ideas_through(decision_id=decision.pk, idea_id=idea.pk)
            for decision, (_s, _o, chosen, _it) in zip(decisions, links, strict=True)
            for idea in chosen
        ]
    )
    items_through: Any = Decision.items.through
    items_through.objects.bulk_create(
        [
            items_through(decision_id=decision.pk, agendaitem_id=item.pk)
            for decision, (_s, _o, _i, chosen) in zip(decisions, links, strict=True)
            for item in chosen
        ]
    )

    # Minutes: approved at the next meeting of the committee (the last one's are still to come).
    decisions_of: dict[int, list[Decision]] = {}
    for decision in decisions:
        decisions_of.setdefault(decision.meeting_id, []).append(decision)
    # By id, not by object: a chain of thousands of meetings each holding the next would be
    # freed recursively (past Python's recursion limit) at --scale 100.
    approved_on: dict[int, datetime.date] = {}
    for meeting, following in itertools.pairwise(meetings):
        fr, en = _minutes(meeting, items_of.get(meeting.pk, []), decisions_of.get(meeting.pk, []))
        meeting.minutes_fr, meeting.minutes_en = fr, en  # type: ignore[attr-defined]
        meeting.minutes_approved_at_id = following.pk
        meeting.minutes_published_at = following.ends_at
        approved_on[meeting.pk] = following.date
    Meeting.objects.bulk_update(
        meetings,
        ["minutes_fr", "minutes_en", "minutes_approved_at", "minutes_published_at"],
        batch_size=1000,
    )

    # The ledger: what the services write when the roll is taken, minutes published, decided.
    records = []
    sectors_of_member = {
        actor_id: [sector_id]
        for actor_id, sector_id in Actor.sectors.through.objects.filter(
            actor__in=members
        ).values_list("actor_id", "sector_id")
    }
    for meeting in meetings:
        records.append(
            ActivityRecord(
                actor_id=organiser.pk,
                kind=Activity.Kind.HELD_MEETING,
                date=meeting.date,
                related=meeting,
                **titles_in_both(meeting_titles, meeting),
            )
        )
        attended = titles_in_both(attended_titles, meeting)
        for actor_id in present_of.get(meeting.pk, []):
            records.append(
                ActivityRecord(
                    actor_id=actor_id,
                    kind=Activity.Kind.ATTENDED_MEETING,
                    date=meeting.date,
                    related=meeting,
                    sector_ids=sectors_of_member.get(actor_id, ()),
                    **attended,
                )
            )
        if meeting.pk in approved_on:
            records.append(
                ActivityRecord(
                    actor_id=organiser.pk,
                    kind=Activity.Kind.PUBLISHED_MINUTES,
                    date=approved_on[meeting.pk],
                    related=meeting,
                    **titles_in_both(minutes_titles, meeting),
                )
            )
    for decision, (chosen, _o, _i, _it) in zip(decisions, links, strict=True):
        records.append(
            ActivityRecord(
                actor_id=organiser.pk,
                kind=Activity.Kind.TOOK_DECISION,
                date=decision.decided_on,
                related=decision,
                sector_ids=[sector.pk for sector in chosen],
                **titles_in_both(decision_titles, decision),
            )
        )
    record_activities(records)

    # One meeting coming, announced, with its agenda.
    soon = timezone.localdate() + datetime.timedelta(days=21)
    coming = Meeting.objects.create(
        slug="copil-retombees",
        kind=Meeting.Kind.COMMITTEE,
        title_fr="Les retombées à mi-parcours",
        title_en="The benefits at mid-term",
        description_fr="Le comité examine le tableau de bord des retombées et l'avancement du plan.",
        description_en="The committee reviews the benefits dashboard and the plan's progress.",
        starts_at=_aware(soon, 18),
        ends_at=_aware(soon, 20),
        place="Hôtel de ville, L'Isle-sur-la-Sorgue",
        online_link="https://visio.example.org/copil",
        organiser=organiser,
        phase=phases.get("plan-actions"),
        published_at=timezone.now(),
    )
    AgendaItem.objects.bulk_create(
        [
            AgendaItem(
                meeting=coming,
                order=1,
                title_fr="Tableau de bord des retombées",
                title_en="The benefits dashboard",
            ),
            AgendaItem(
                meeting=coming,
                order=2,
                title_fr="Avancement du plan d'actions",
                title_en="Progress of the action plan",
            ),
            AgendaItem(
                meeting=coming,
                order=3,
                title_fr="Budget 2027",
                title_en="The 2027 budget",
                is_confidential=True,
            ),
        ]
    )
    recount()
    return {"meetings": len(meetings) + 1, "decisions": len(decisions)}


def flush() -> None:
    Decision.objects.all().delete()
    for document in Document.objects.all():
        document.file.delete(save=False)
    Meeting.objects.all().delete()
