"""Every stored figure of co-construction equals an independent recount, whatever people do.

Hypothesis plays sequences of steps — propose, support or withdraw a support, withdraw an
idea, say another kind of participant — through the services, refused steps included. The
truth is kept here in plain Python, never read back from the counting code.
"""

from collections import Counter, defaultdict
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missa.accounts.models import ParticipantKind
from missa.accounts.services import set_participant_kind
from missa.participation.models import Call, Idea, ParticipantCount
from missa.participation.services import propose_idea, toggle_support, withdraw_idea

pytestmark = pytest.mark.django_db

PEOPLE = 4
KINDS = ["", *ParticipantKind.values]
steps = st.lists(
    st.one_of(
        st.tuples(st.just("propose"), st.integers(0, 1), st.integers(0, PEOPLE - 1)),
        st.tuples(st.just("support"), st.integers(0, 7), st.integers(0, PEOPLE - 1)),
        st.tuples(st.just("withdraw"), st.integers(0, 7), st.just(0)),
        st.tuples(st.just("kind"), st.sampled_from(KINDS), st.integers(0, PEOPLE - 1)),
    ),
    max_size=25,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=steps)
def test_every_stored_figure_equals_an_independent_recount(
    open_call: Call, make_person: Any, plan: list[tuple[str, Any, int]]
) -> None:
    with transaction.atomic():
        second = Call.objects.create(
            slug="second",
            phase=open_call.phase,
            organiser=open_call.organiser,
            title_fr="Second",
            question_fr="?",
            opens_on=open_call.opens_on,
            closes_on=open_call.closes_on,
            supports_per_person=0,
            published_at=open_call.published_at,
        )
        calls = [open_call, second]
        people = [make_person(f"p{n}-{id(plan)}", "inhabitant") for n in range(PEOPLE)]
        kind = {person.pk: "inhabitant" for person in people}
        ideas: list[tuple[Idea, int, int]] = []  # idea, call index, author index
        supporters: dict[int, set[int]] = defaultdict(set)
        withdrawn: set[int] = set()
        took_part: dict[int, set[int]] = defaultdict(set)  # call index → people
        for step, target, who in plan:
            person = people[who]
            if step == "propose":
                idea = propose_idea(call=calls[target], author=person, title="Idée", text="x" * 30)
                ideas.append((idea, target, who))
                took_part[target].add(person.pk)
            elif step == "support" and target < len(ideas):
                idea, call_index, author = ideas[target]
                try:
                    supported = toggle_support(idea=idea, user=person)
                except ValidationError:
                    continue  # own idea, withdrawn idea, or the call's limit: nothing changes
                if supported:
                    supporters[idea.pk].add(person.pk)
                    took_part[call_index].add(person.pk)
                else:
                    supporters[idea.pk].discard(person.pk)
            elif step == "withdraw" and target < len(ideas):
                idea, _, author = ideas[target]
                if idea.pk not in withdrawn:
                    withdraw_idea(idea=idea, by=people[author])
                    withdrawn.add(idea.pk)
            elif step == "kind":
                set_participant_kind(user=person, kind=target)
                kind[person.pk] = target

        for idea, _, _ in ideas:
            assert Idea.objects.get(pk=idea.pk).support_count == len(supporters[idea.pk])
        everyone: set[int] = set()
        for index, call in enumerate(calls):
            call.refresh_from_db()
            listed = [idea for idea, at, _ in ideas if at == index and idea.pk not in withdrawn]
            assert call.idea_count == len(listed)
            assert call.support_count == sum(len(supporters[idea.pk]) for idea in listed)
            assert call.participant_count == len(took_part[index])
            expected = Counter(kind[pk] for pk in took_part[index])
            assert stored_kinds(call) == {k: n for k, n in expected.items() if n}
            everyone |= took_part[index]
        expected = Counter(kind[pk] for pk in everyone)
        assert stored_kinds(None) == {k: n for k, n in expected.items() if n}
        # The people's own supports in the limited call never passed its limit.
        limited = Counter(pk for idea, at, _ in ideas if at == 0 for pk in supporters[idea.pk])
        assert all(count <= open_call.supports_per_person for count in limited.values())
        transaction.set_rollback(True)


def stored_kinds(call: Call | None) -> dict[str, int]:
    return dict(
        ParticipantCount.objects.filter(call=call).exclude(count=0).values_list("kind", "count")
    )
