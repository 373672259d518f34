"""Every stored figure of the committee equals an independent recount, whatever the editors do.

Hypothesis plays sequences of rolls (taken, taken again), decisions and guests over three
meetings, through the services; the truth is kept here in plain Python, never read back from
the counting code.
"""

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missa.accounts.models import User
from missa.activity.models import Activity
from missa.actors.models import Actor
from missa.meetings.models import Meeting, MemberAttendance
from missa.meetings.services import Guest, record_attendance, record_decision, recount

pytestmark = pytest.mark.django_db

STATUSES = st.sampled_from(["present", "excused", "absent"])
steps = st.lists(
    st.one_of(
        st.tuples(
            st.just("roll"),
            st.integers(0, 2),
            st.tuples(STATUSES, STATUSES, STATUSES),
            st.integers(0, 3),
        ),
        st.tuples(st.just("decide"), st.integers(0, 2), st.just(()), st.just(0)),
    ),
    max_size=15,
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=steps)
def test_every_stored_figure_equals_an_independent_recount(
    make_meeting: Callable[..., Meeting],
    members: list[Actor],
    editor: User,
    plan: list[tuple[str, int, Any, int]],
) -> None:
    with transaction.atomic():
        meetings = [make_meeting(f"m{n}-{id(plan)}", days=-30 + n) for n in range(3)]
        rolls: dict[int, dict[int, str]] = {}  # meeting index → member id → status
        guests: dict[int, int] = {}
        decisions: Counter[int] = Counter()
        for step, index, chosen, guest_count in plan:
            meeting = meetings[index]
            if step == "roll":
                roll = {member.pk: status for member, status in zip(members, chosen, strict=True)}
                record_attendance(
                    meeting=meeting,
                    by=editor,
                    statuses=roll,
                    guests=[Guest(name=f"Invité {n}") for n in range(guest_count)],
                )
                rolls[index], guests[index] = roll, guest_count
            elif index in rolls:
                record_decision(meeting=meeting, by=editor, title="D", text="T", method="consensus")
                decisions[index] += 1

        for index, meeting in enumerate(meetings):
            meeting.refresh_from_db()
            statuses = Counter(rolls.get(index, {}).values())
            assert meeting.present_count == statuses["present"]
            assert meeting.excused_count == statuses["excused"]
            assert meeting.absent_count == statuses["absent"]
            assert meeting.guest_count == guests.get(index, 0)
            assert meeting.decision_count == decisions[index]
            assert (meeting.held_at is not None) == (index in rolls)
            attended = Activity.objects.filter(
                kind=Activity.Kind.ATTENDED_MEETING, object_id=meeting.pk
            )
            assert sorted(entry.actor_id for entry in attended) == sorted(
                pk for pk, status in rolls.get(index, {}).items() if status == "present"
            )
            held = Activity.objects.filter(kind=Activity.Kind.HELD_MEETING, object_id=meeting.pk)
            assert held.count() == (1 if index in rolls else 0)
        for member in members:
            came = Counter(roll[member.pk] for roll in rolls.values())
            stored = MemberAttendance.objects.filter(actor=member).first()
            if not rolls:
                assert stored is None
                continue
            assert stored is not None
            assert (stored.present, stored.excused, stored.absent) == (
                came["present"],
                came["excused"],
                came["absent"],
            )
            assert stored.held == len(rolls)
        # The recount finds what the steps kept.
        before = list(Meeting.objects.order_by("pk").values_list("present_count", "guest_count"))
        Meeting.objects.update(present_count=0, guest_count=0)
        MemberAttendance.objects.all().delete()
        recount(meetings)
        after = list(Meeting.objects.order_by("pk").values_list("present_count", "guest_count"))
        assert after == before
        assert MemberAttendance.objects.count() == (len(members) if rolls else 0)
        transaction.set_rollback(True)
