"""Every step of the committee's work, and the only way it happens: announcing a meeting,
taking its roll, publishing its minutes, recording a decision. Each step keeps the meeting's
stored figures in step and writes to the ledger what the journal should say.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from missa.accounts.models import User
from missa.activity.models import Activity
from missa.activity.services import delete_activities, record_activity, titles_in_both
from missa.actors.models import Actor, ActorRole
from missa.core.models import Objective, Sector
from missa.core.translations import text_in
from missa.participation.models import Idea

from .models import AgendaItem, Attendance, Decision, Meeting, MemberAttendance


def _day(meeting: Meeting) -> str:
    return formats.date_format(meeting.date, "j F Y")


def meeting_titles(language: str, meeting: Meeting) -> str:
    return _("Held the meeting “%(title)s” (%(day)s)") % {
        "title": text_in(meeting, "title", language),
        "day": _day(meeting),
    }


def attended_titles(language: str, meeting: Meeting) -> str:
    return _("Attended the meeting “%(title)s”") % {"title": text_in(meeting, "title", language)}


def minutes_titles(language: str, meeting: Meeting) -> str:
    return _("Published the minutes of “%(title)s” (%(day)s)") % {
        "title": text_in(meeting, "title", language),
        "day": _day(meeting),
    }


def decision_titles(language: str, decision: Decision) -> str:
    return _("Decision %(number)s: %(title)s") % {
        "number": decision.number,
        "title": text_in(decision, "title", language),
    }


def committee_on(meeting: Meeting) -> list[Actor]:
    """Return the people who sat on the committee on the meeting's day, by name."""
    day = meeting.date
    return list(
        Actor.objects.filter(
            roles__role=ActorRole.Role.COMMITTEE_MEMBER,
            roles__in=ActorRole.objects.active_on(day),
        )
        .distinct()
        .order_by("name", "pk")
    )


def _check_manager(by: User) -> None:
    if not by.has_perm("meetings.manage_meetings"):
        raise PermissionDenied


@transaction.atomic
def publish_meeting(*, meeting: Meeting, by: User) -> Meeting:
    """Announce a meeting: its page, and its place in the calendar, open to everyone."""
    _check_manager(by)
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.published_at is not None:
        raise ValidationError(_("This meeting is already announced."), code="published")
    locked.published_at = timezone.now()
    locked.save(update_fields=["published_at"])
    meeting.published_at = locked.published_at
    return locked


@dataclass(frozen=True, slots=True)
class Guest:
    """Someone invited to a meeting: from the directory (actor) or by name."""

    name: str = ""
    actor: Actor | None = None


@transaction.atomic
def record_attendance(
    *,
    meeting: Meeting,
    by: User,
    statuses: dict[int, str],
    guests: Sequence[Guest] = (),
) -> Meeting:
    """Take a meeting's roll once it has begun: each committee member present, excused or
    absent (statuses: actor id → status), and its guests. The first roll records the meeting
    as held (the journal says its organiser held it); each roll says, in the journal, which
    members attended. Taken again, it replaces the previous one."""
    _check_manager(by)
    locked = Meeting.objects.select_for_update().select_related("organiser").get(pk=meeting.pk)
    if locked.published_at is None:
        raise ValidationError(_("Announce the meeting first."), code="draft")
    if locked.starts_at > timezone.now():
        raise ValidationError(
            _("The meeting has not begun: its roll is taken on the day."), code="future"
        )
    members = {member.pk: member for member in committee_on(locked)}
    unknown = set(statuses) - set(members)
    if unknown:
        raise ValidationError(_("Only committee members are on the roll."), code="unknown")
    if set(statuses) != set(members):
        raise ValidationError(_("Say for each member whether they came."), code="incomplete")
    if any(status not in Attendance.Status.values for status in statuses.values()):
        raise ValidationError(_("Choose present, excused or absent."), code="status")
    locked.attendance.all().delete()
    rows = [
        Attendance(meeting=locked, actor_id=pk, status=status) for pk, status in statuses.items()
    ]
    rows += [
        Attendance(
            meeting=locked,
            actor=guest.actor,
            name="" if guest.actor else guest.name.strip()[:150],
            status=Attendance.Status.PRESENT,
            is_guest=True,
        )
        for guest in guests
        if guest.actor is not None or guest.name.strip()
    ]
    guest_actors = [row.actor_id for row in rows if row.is_guest and row.actor_id]
    if len(set(guest_actors)) != len(guest_actors) or set(guest_actors) & set(statuses):
        raise ValidationError(_("Each person is on the roll once."), code="twice")
    Attendance.objects.bulk_create(rows)
    # The journal: held once; who attended, as this roll says.
    meeting_type = ContentType.objects.get_for_model(Meeting)
    delete_activities(
        Activity.objects.filter(
            kind=Activity.Kind.ATTENDED_MEETING,
            content_type=meeting_type,
            object_id=locked.pk,
        )
    )
    first_roll = locked.held_at is None
    if first_roll:
        locked.held_at = timezone.now()
        record_activity(
            actor=locked.organiser,
            kind=Activity.Kind.HELD_MEETING,
            **titles_in_both(meeting_titles, locked),
            date=locked.date,
            related=locked,
        )
    for row in rows:
        if row.actor_id and row.status == Attendance.Status.PRESENT:
            record_activity(
                actor=members.get(row.actor_id) or Actor.objects.get(pk=row.actor_id),
                kind=Activity.Kind.ATTENDED_MEETING,
                **titles_in_both(attended_titles, locked),
                date=locked.date,
                related=locked,
            )
    _count_attendance(locked)
    locked.save()
    count_member_attendance(statuses)
    meeting.held_at = locked.held_at
    return locked


def _count_attendance(meeting: Meeting) -> None:
    counts = meeting.attendance.order_by().aggregate(
        present=Count("pk", filter=Q(is_guest=False, status=Attendance.Status.PRESENT)),
        excused=Count("pk", filter=Q(is_guest=False, status=Attendance.Status.EXCUSED)),
        absent=Count("pk", filter=Q(is_guest=False, status=Attendance.Status.ABSENT)),
        guests=Count("pk", filter=Q(is_guest=True)),
    )
    meeting.present_count = counts["present"]
    meeting.excused_count = counts["excused"]
    meeting.absent_count = counts["absent"]
    meeting.guest_count = counts["guests"]


@transaction.atomic
def publish_minutes(
    *, meeting: Meeting, by: User, minutes: str, minutes_en: str = "", approved_at: Meeting
) -> Meeting:
    """Publish a held meeting's minutes, once a later meeting (already held) approved them."""
    _check_manager(by)
    locked = Meeting.objects.select_for_update().select_related("organiser").get(pk=meeting.pk)
    if locked.held_at is None:
        raise ValidationError(_("Take the meeting's roll first."), code="not_held")
    if locked.minutes_published_at is not None:
        raise ValidationError(_("Its minutes are already published."), code="published")
    if not minutes.strip():
        raise ValidationError(_("Write the minutes."), code="empty")
    if approved_at.pk == locked.pk or approved_at.starts_at <= locked.starts_at:
        raise ValidationError(_("Minutes are approved at a later meeting."), code="approved_before")
    if approved_at.held_at is None:
        raise ValidationError(
            _("The meeting that approved them has not been held yet."), code="approval_not_held"
        )
    locked.minutes_fr = minutes  # type: ignore[attr-defined]
    locked.minutes_en = minutes_en  # type: ignore[attr-defined]
    locked.minutes_approved_at = approved_at
    locked.minutes_published_at = timezone.now()
    locked.save()
    record_activity(
        actor=locked.organiser,
        kind=Activity.Kind.PUBLISHED_MINUTES,
        **titles_in_both(minutes_titles, locked),
        date=approved_at.date,
        related=locked,
    )
    meeting.minutes_published_at = locked.minutes_published_at
    return locked


@transaction.atomic
def record_decision(
    *,
    meeting: Meeting,
    by: User,
    title: str,
    text: str,
    method: str,
    title_en: str = "",
    text_en: str = "",
    votes: tuple[int | None, int | None, int | None] = (None, None, None),
    items: Iterable[AgendaItem] = (),
    ideas: Iterable[Idea] = (),
    sectors: Iterable[Sector] = (),
    objectives: Iterable[Objective] = (),
) -> Decision:
    """Record a decision taken at a held meeting, under the next number of the register; the
    journal says its organiser took it."""
    _check_manager(by)
    locked = Meeting.objects.select_for_update().select_related("organiser").get(pk=meeting.pk)
    if locked.held_at is None:
        raise ValidationError(
            _("Take the meeting's roll first: a decision is taken at a held meeting."),
            code="not_held",
        )
    items = list(items)
    if any(item.meeting_id != locked.pk for item in items):
        raise ValidationError(_("A decision closes items of its own meeting."), code="items")
    decision = Decision(
        meeting=locked,
        decided_on=locked.date,
        title_fr=title,
        title_en=title_en,
        text_fr=text,
        text_en=text_en,
        method=method,
        votes_for=votes[0],
        votes_against=votes[1],
        abstentions=votes[2],
        recorded_by=by,
    )
    decision.full_clean(exclude=["number", "decided_on", "search_text"])
    # The next number of the register: the unique constraint settles two recorded at once.
    for attempt in range(3):
        decision.number = (Decision.objects.aggregate(last=Max("number"))["last"] or 0) + 1
        try:
            with transaction.atomic():
                decision.save()
            break
        except IntegrityError:
            if attempt == 2:
                raise
    decision.items.set(items)
    decision.ideas.set(list(ideas))
    sectors = list(sectors)
    decision.sectors.set(sectors)
    decision.objectives.set(list(objectives))
    locked.decision_count = locked.decisions.count()
    locked.save(update_fields=["decision_count"])
    record_activity(
        actor=locked.organiser,
        kind=Activity.Kind.TOOK_DECISION,
        **titles_in_both(decision_titles, decision),
        date=locked.date,
        sectors=sectors,
        related=decision,
    )
    return decision


def recount(meetings: Iterable[Meeting] | None = None) -> None:
    """Recount the stored figures of meetings (all by default) and of their members."""
    chosen = list(meetings) if meetings is not None else list(Meeting.objects.all())
    members = Attendance.objects.filter(meeting__in=chosen, actor__isnull=False, is_guest=False)
    count_member_attendance(set(members.values_list("actor_id", flat=True)))
    for meeting in chosen:
        _count_attendance(meeting)
        meeting.decision_count = meeting.decisions.count()
        meeting.save(
            update_fields=[
                "present_count",
                "excused_count",
                "absent_count",
                "guest_count",
                "decision_count",
            ]
        )


def count_member_attendance(actor_ids: Iterable[int]) -> None:
    """Recount how often each of these committee members came to the meetings held."""
    actor_ids = set(actor_ids)
    rows = (
        Attendance.objects.filter(
            actor_id__in=actor_ids, is_guest=False, meeting__held_at__isnull=False
        )
        .order_by()
        .values("actor_id")
        .annotate(
            present=Count("pk", filter=Q(status=Attendance.Status.PRESENT)),
            excused=Count("pk", filter=Q(status=Attendance.Status.EXCUSED)),
            absent=Count("pk", filter=Q(status=Attendance.Status.ABSENT)),
        )
    )
    found = {row["actor_id"]: row for row in rows}
    MemberAttendance.objects.filter(actor_id__in=actor_ids - set(found)).delete()
    MemberAttendance.objects.bulk_create(
        [
            MemberAttendance(
                actor_id=actor_id,
                present=row["present"],
                excused=row["excused"],
                absent=row["absent"],
            )
            for actor_id, row in found.items()
        ],
        update_conflicts=True,
        unique_fields=["actor"],
        update_fields=["present", "excused", "absent"],
    )
