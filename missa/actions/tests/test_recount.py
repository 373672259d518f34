"""Every stored figure of the plan equals an independent recount, whatever its managers do.

Hypothesis plays sequences of steps — an action written with a status and a budget, a
milestone set, a milestone done — through the services; the truth is kept here in plain
Python, never read back from the counting code.
"""

import datetime
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missa.accounts.models import User
from missa.actions.models import Action, Plan
from missa.actions.services import (
    FundingLine,
    complete_milestone,
    recount,
    save_action,
    save_milestone,
)
from missa.actors.models import Actor
from missa.core.models import Sector

from .conftest import values

pytestmark = pytest.mark.django_db

STATUS = st.sampled_from([s.value for s in Action.Status])
steps = st.lists(
    st.one_of(
        st.tuples(st.just("write"), STATUS, st.integers(0, 5), st.integers(0, 50), st.booleans()),
        st.tuples(
            st.just("milestone"), st.integers(0, 3), st.integers(1, 60), st.just(0), st.just(False)
        ),
        st.tuples(st.just("done"), st.integers(0, 7), st.just(0), st.just(0), st.just(False)),
    ),
    max_size=14,
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan_steps=steps)
def test_every_stored_figure_equals_an_independent_recount(
    plan: Plan,
    editor: User,
    cast: dict[str, Actor],
    sectors: dict[str, Sector],
    plan_steps: list[tuple[Any, ...]],
) -> None:
    with transaction.atomic():
        recount([plan])  # its figures as an empty plan has them
        actions: list[Action] = []
        statuses: list[str] = []
        budgets: list[Decimal] = []
        in_tourism: list[bool] = []
        milestones: list[tuple[int, Any, int]] = []  # action index, milestone, weight
        done: set[int] = set()
        for step, first, second, third, flag in plan_steps:
            if step == "write":
                status, planned = first, Decimal(second * 1000)
                try:
                    action = save_action(
                        plan=plan,
                        by=editor,
                        values=values(cast["alice"], status=status, status_reason_fr="Parce que."),
                        funding=[FundingLine("town", planned, Decimal(third))] if planned else [],
                        sectors=[sectors["tourisme"]] if flag else [],
                    )
                except ValidationError:
                    continue
                actions.append(action)
                statuses.append(status)
                budgets.append(planned)
                in_tourism.append(flag)
            elif step == "milestone" and first < len(actions):
                try:
                    milestone = save_milestone(
                        action=actions[first],
                        by=editor,
                        title="J",
                        due_on=datetime.date(2019, 1, 1),
                        weight=second,
                    )
                except ValidationError:
                    continue  # over 100 %: nothing changes
                milestones.append((first, milestone, second))
            elif step == "done" and first < len(milestones) and first not in done:
                complete_milestone(
                    milestone=milestones[first][1],
                    by=editor,
                    done_on=timezone.localdate(),
                    evidence_link="https://example.org/",
                )
                done.add(first)

        def progress(index: int) -> int:
            if statuses[index] == "done":
                return 100
            mine = [(n, weight) for n, (at, _m, weight) in enumerate(milestones) if at == index]
            total = sum(weight for _n, weight in mine)
            if total:
                return round(100 * sum(w for n, w in mine if n in done) / total)
            return {"planned": 0, "in_progress": 50, "delayed": 50, "done": 100, "abandoned": 0}[
                statuses[index]
            ]

        counted = [i for i in range(len(actions)) if statuses[i] != "abandoned"]
        for index, action in enumerate(actions):
            action.refresh_from_db()
            assert action.progress == progress(index)
            assert action.budget_planned == budgets[index]
        plan.refresh_from_db()
        assert plan.action_count == len(actions)
        assert plan.status_counts == dict(Counter(statuses))
        expected = round(sum(progress(i) for i in counted) / len(counted)) if counted else 0
        assert plan.progress == expected
        assert plan.budget_planned == sum((budgets[i] for i in counted), Decimal(0))
        tourism = [i for i in counted if in_tourism[i]]
        stored = plan.rollups.get("sector", {}).get("tourisme")
        if tourism:
            assert stored is not None and stored["count"] == len(tourism)
            assert stored["by_count"] == round(sum(progress(i) for i in tourism) / len(tourism))
            weight = sum((budgets[i] for i in tourism), Decimal(0))
            assert stored["by_budget"] == (
                round(sum(progress(i) * budgets[i] for i in tourism) / weight) if weight else None
            )
        else:
            assert stored is None
        before = (plan.progress, plan.status_counts, plan.rollups)
        Plan.objects.filter(pk=plan.pk).update(progress=0, status_counts={}, rollups={})
        recount([plan])
        plan.refresh_from_db()
        assert (plan.progress, plan.status_counts, plan.rollups) == before
        transaction.set_rollback(True)
