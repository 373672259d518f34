"""The committee's steps: each refusal with its reason, the stored figures, the journal."""

import datetime
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from missa.accounts.models import User
from missa.activity.models import Activity, MonthSummary
from missa.actors.models import Actor
from missa.meetings.models import AgendaItem, Attendance, Decision, Meeting, MemberAttendance
from missa.meetings.services import (
    Guest,
    publish_meeting,
    publish_minutes,
    record_attendance,
    record_decision,
)

pytestmark = pytest.mark.django_db


def held(meeting: Meeting, editor: User, roll: dict[int, str]) -> Meeting:
    return record_attendance(meeting=meeting, by=editor, statuses=roll)


def attended(meeting: Meeting) -> list[int]:
    """Return who the journal says attended the meeting (their actor ids, in order)."""
    entries = Activity.objects.filter(kind=Activity.Kind.ATTENDED_MEETING, object_id=meeting.pk)
    return sorted(entry.actor_id for entry in entries)


def test_only_editors_record_the_committee_s_work(
    past_meeting: Meeting, committee_member: User, everyone_present: dict[int, str]
) -> None:
    with pytest.raises(PermissionDenied):
        record_attendance(meeting=past_meeting, by=committee_member, statuses=everyone_present)
    with pytest.raises(PermissionDenied):
        publish_meeting(meeting=past_meeting, by=committee_member)


def test_announcing_a_meeting_twice_is_refused(
    make_meeting: Callable[..., Meeting], editor: User
) -> None:
    meeting = make_meeting("brouillon", days=10, published=False)
    publish_meeting(meeting=meeting, by=editor)
    assert Meeting.objects.get(pk=meeting.pk).published_at is not None
    with pytest.raises(ValidationError, match="déjà annoncée"):
        publish_meeting(meeting=meeting, by=editor)


def test_the_roll_counts_attendance_and_writes_the_journal(
    past_meeting: Meeting,
    editor: User,
    members: list[Actor],
    statuses: Callable[..., dict[int, str]],
) -> None:
    record_attendance(
        meeting=past_meeting,
        by=editor,
        statuses=statuses("present", "excused", "present"),
        guests=[Guest(name="Claire Fabre (agence)")],
    )
    meeting = Meeting.objects.get(pk=past_meeting.pk)
    assert meeting.held_at is not None
    assert (meeting.present_count, meeting.excused_count, meeting.absent_count) == (2, 1, 0)
    assert meeting.guest_count == 1
    held_entries = Activity.objects.filter(kind=Activity.Kind.HELD_MEETING)
    assert [entry.actor_id for entry in held_entries] == [meeting.organiser_id]
    assert attended(meeting) == sorted([members[0].pk, members[2].pk])
    assert MemberAttendance.objects.get(actor=members[1]).excused == 1
    month = MonthSummary.objects.get(month=meeting.date.replace(day=1))
    assert month.kind_counts.get("held_meeting") == 1


def test_a_roll_taken_again_replaces_the_first(
    past_meeting: Meeting,
    editor: User,
    members: list[Actor],
    statuses: Callable[..., dict[int, str]],
) -> None:
    held(past_meeting, editor, statuses("present", "present", "present"))
    held(past_meeting, editor, statuses("absent", "present", "excused"))
    meeting = Meeting.objects.get(pk=past_meeting.pk)
    assert (meeting.present_count, meeting.excused_count, meeting.absent_count) == (1, 1, 1)
    assert Activity.objects.filter(kind=Activity.Kind.HELD_MEETING).count() == 1
    assert attended(meeting) == [members[1].pk]
    assert MemberAttendance.objects.get(actor=members[0]).absent == 1
    assert MemberAttendance.objects.get(actor=members[0]).present == 0
    assert Attendance.objects.filter(meeting=meeting).count() == 3


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("future", "n'a pas commencé"),
        ("draft", "Annoncez d'abord"),
        ("incomplete", "s'il est venu"),
        ("stranger", "Seuls les membres du comité"),
        ("status", "présent, excusé ou absent"),
    ],
)
def test_a_roll_is_refused_with_its_reason(
    make_meeting: Callable[..., Meeting],
    editor: User,
    members: list[Actor],
    cast: dict[str, Actor],
    everyone_present: dict[int, str],
    change: str,
    message: str,
) -> None:
    meeting = make_meeting(
        "copil", days=5 if change == "future" else -5, published=change != "draft"
    )
    roll = dict(everyone_present)
    if change == "incomplete":
        roll.pop(members[0].pk)
    elif change == "stranger":
        roll[cast["alice"].pk] = "present"
    elif change == "status":
        roll[members[0].pk] = "asleep"
    with pytest.raises(ValidationError, match=message):
        record_attendance(meeting=meeting, by=editor, statuses=roll)
    assert not Attendance.objects.exists()
    assert not Activity.objects.filter(kind=Activity.Kind.HELD_MEETING).exists()


def test_the_roll_lists_those_on_the_committee_that_day(
    make_meeting: Callable[..., Meeting],
    editor: User,
    members: list[Actor],
) -> None:
    # Chloé left the committee before the meeting: she is not on its roll.
    members[1].roles.update(end_date=datetime.date(2017, 12, 31))
    meeting = make_meeting("copil", days=-2)
    roll = {members[0].pk: "present", members[2].pk: "present"}
    record_attendance(meeting=meeting, by=editor, statuses=roll)
    assert Meeting.objects.get(pk=meeting.pk).present_count == 2


def test_minutes_are_published_once_a_later_meeting_approved_them(
    make_meeting: Callable[..., Meeting],
    editor: User,
    everyone_present: dict[int, str],
) -> None:
    first = make_meeting("premier", days=-30)
    second = make_meeting("second", days=-2)
    with pytest.raises(ValidationError, match="Relevez d'abord"):
        publish_minutes(meeting=first, by=editor, minutes="Texte", approved_at=second)
    held(first, editor, everyone_present)
    with pytest.raises(ValidationError, match="pas encore tenue"):
        publish_minutes(meeting=first, by=editor, minutes="Texte", approved_at=second)
    held(second, editor, everyone_present)
    with pytest.raises(ValidationError, match="réunion suivante"):
        publish_minutes(meeting=second, by=editor, minutes="Texte", approved_at=first)
    with pytest.raises(ValidationError, match="Rédigez"):
        publish_minutes(meeting=first, by=editor, minutes="  ", approved_at=second)
    publish_minutes(meeting=first, by=editor, minutes="## Relevé", approved_at=second)
    meeting = Meeting.objects.get(pk=first.pk)
    assert getattr(meeting, "minutes_fr", "") == "## Relevé"
    assert meeting.minutes_approved_at == second
    entry = Activity.objects.get(kind=Activity.Kind.PUBLISHED_MINUTES)
    assert entry.date == second.date and entry.related == meeting
    with pytest.raises(ValidationError, match="déjà publié"):
        publish_minutes(meeting=first, by=editor, minutes="Autre", approved_at=second)


def test_decisions_take_the_next_number_and_reach_the_journal(
    make_meeting: Callable[..., Meeting],
    editor: User,
    everyone_present: dict[int, str],
    sectors: dict[str, object],
) -> None:
    meeting = make_meeting("copil", days=-3)
    with pytest.raises(ValidationError, match="réunion tenue"):
        record_decision(meeting=meeting, by=editor, title="A", text="B", method="consensus")
    held(meeting, editor, everyone_present)
    first = record_decision(
        meeting=meeting,
        by=editor,
        title="Calendrier adopté",
        title_en="Calendar adopted",
        text="Le comité adopte le calendrier.",
        method=Decision.Method.CONSENSUS,
        sectors=[sectors["tourisme"]],  # type: ignore[list-item]
        items=list(meeting.items.all()),
    )
    second = record_decision(
        meeting=meeting,
        by=editor,
        title="Budget voté",
        text="Le comité vote le budget.",
        method=Decision.Method.VOTE,
        votes=(12, 1, 2),
    )
    assert (first.number, second.number) == (1, 2)
    assert Meeting.objects.get(pk=meeting.pk).decision_count == 2
    entries = Activity.objects.filter(kind=Activity.Kind.TOOK_DECISION).order_by("pk")
    assert [getattr(entry, "title_fr", "") for entry in entries] == [
        "Décision 1 : Calendrier adopté",
        "Décision 2 : Budget voté",
    ]
    assert getattr(entries[0], "title_en", "") == "Decision 1: Calendar adopted"
    assert list(entries[0].sectors.all()) == [sectors["tourisme"]]
    assert Decision.objects.get(number=1).search_text == "calendrier adopte calendar adopted"


@pytest.mark.parametrize(
    ("method", "votes", "message"),
    [
        ("vote", (None, None, None), "voix pour"),
        ("consensus", (3, 0, 0), "décompte de voix"),
        ("unanimity", (None, None, None), "pas un choix valide"),
    ],
)
def test_a_decision_s_vote_must_match_how_it_was_taken(
    past_meeting: Meeting,
    editor: User,
    everyone_present: dict[int, str],
    method: str,
    votes: tuple[int | None, int | None, int | None],
    message: str,
) -> None:
    held(past_meeting, editor, everyone_present)
    with pytest.raises(ValidationError, match=message):
        record_decision(
            meeting=past_meeting, by=editor, title="T", text="X", method=method, votes=votes
        )
    assert not Decision.objects.exists()


def test_a_decision_closes_items_of_its_own_meeting_only(
    make_meeting: Callable[..., Meeting],
    past_meeting: Meeting,
    editor: User,
    everyone_present: dict[int, str],
) -> None:
    other = make_meeting("autre", days=-20)
    held(past_meeting, editor, everyone_present)
    with pytest.raises(ValidationError, match="sa propre réunion"):
        record_decision(
            meeting=past_meeting,
            by=editor,
            title="T",
            text="X",
            method="consensus",
            items=list(AgendaItem.objects.filter(meeting=other)),
        )


def test_a_meeting_cannot_end_before_it_starts(make_meeting: Callable[..., Meeting]) -> None:
    meeting = make_meeting("copil")
    meeting.ends_at = meeting.starts_at - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError, match="finit après"):
        meeting.full_clean()
    meeting.ends_at = meeting.starts_at + datetime.timedelta(hours=1)
    meeting.place = ""
    with pytest.raises(ValidationError, match="lien en ligne"):
        meeting.full_clean()
    assert timezone.now() > meeting.starts_at
