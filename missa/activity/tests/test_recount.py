"""Every stored figure equals an independent recount, whatever the ledger holds.

Hypothesis generates ledgers (actors public or not, with dated roles and sectors; activities of
every kind, public or not, over several months), then changes them through the services
(visibility, hiding, deletion). The truth is kept here in plain Python, never read back from
the counting code.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missa.activity.charts import (
    monthly_activity_chart,
    network_growth_chart,
    sector_activity_chart,
)
from missa.activity.models import Activity, MonthSummary
from missa.activity.services import (
    ActivityRecord,
    delete_activities,
    hide_activity,
    record_activities,
    set_actor_visibility,
)
from missa.actors.figures import network_figures, sector_actor_count
from missa.actors.models import Actor, ActorRole
from missa.core.models import Sector

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
MONTHS = [datetime.date(2017, month, 1) for month in range(5, 10)]
KINDS = [kind.value for kind in Activity.Kind]
ROLES = [role.value for role in ActorRole.Role]


@dataclass
class ActorSpec:
    kind: str
    is_public: bool
    sectors: list[int]  # indexes into the three sectors
    # (role, starts so many days before today, ends so many days after today or None)
    roles: list[tuple[str, int, int | None]] = field(default_factory=list)


@dataclass
class ActivitySpec:
    actor: int
    kind: str
    month: int
    day: int
    is_public: bool
    sectors: list[int]


actor_specs = st.builds(
    ActorSpec,
    kind=st.sampled_from([kind.value for kind in Actor.Kind]),
    is_public=st.booleans(),
    sectors=st.lists(st.integers(0, 2), max_size=3, unique=True),
    roles=st.lists(
        st.tuples(
            st.sampled_from(ROLES),
            st.integers(-30, 400),
            st.one_of(st.none(), st.integers(-60, 60)),
        ),
        max_size=3,
    ),
)


@st.composite
def ledgers(draw: st.DrawFn) -> tuple[list[ActorSpec], list[ActivitySpec], list[tuple]]:
    actors = draw(st.lists(actor_specs, min_size=1, max_size=6))
    activities = draw(
        st.lists(
            st.builds(
                ActivitySpec,
                actor=st.integers(0, len(actors) - 1),
                kind=st.sampled_from(KINDS),
                month=st.integers(0, len(MONTHS) - 1),
                day=st.integers(1, 28),
                is_public=st.booleans(),
                sectors=st.lists(st.integers(0, 2), max_size=3, unique=True),
            ),
            max_size=25,
        )
    )
    operations = draw(
        st.lists(
            st.one_of(
                st.tuples(st.just("visibility"), st.integers(0, len(actors) - 1), st.booleans()),
                st.tuples(st.just("hide"), st.integers(0, 30)),
                st.tuples(st.just("delete"), st.integers(0, 30)),
            ),
            max_size=6,
        )
    )
    return actors, activities, operations


def expected_summaries(
    actors: list[ActorSpec], live: list[ActivitySpec | None], sector_ids: list[int]
) -> dict[datetime.date, dict[str, object]]:
    """Recount the months from the specs: public activities of public actors."""
    months: dict[datetime.date, dict[str, object]] = {}
    grouped: dict[datetime.date, list[ActivitySpec]] = defaultdict(list)
    for spec in live:
        if spec is not None and spec.is_public and actors[spec.actor].is_public:
            grouped[MONTHS[spec.month]].append(spec)
    for month, specs in grouped.items():
        sectors: Counter[str] = Counter()
        for spec in specs:
            # An activity without sectors of its own takes its actor's.
            for index in spec.sectors or actors[spec.actor].sectors:
                sectors[str(sector_ids[index])] += 1
        months[month] = {
            "activity_count": len(specs),
            "actor_count": len({spec.actor for spec in specs}),
            "kind_counts": dict(Counter(spec.kind for spec in specs)),
            "sector_counts": dict(sectors),
        }
    return months


def holds(spec: ActorSpec, role: str) -> bool:
    return spec.is_public and any(
        name == role and start >= 0 and (end is None or end >= 0) for name, start, end in spec.roles
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ledger=ledgers())
def test_every_stored_figure_equals_an_independent_recount(
    sectors: dict[str, Sector], ledger: tuple[list[ActorSpec], list[ActivitySpec], list[tuple]]
) -> None:
    actor_specs, activity_specs, operations = ledger
    sector_list = list(sectors.values())
    sector_ids = [sector.pk for sector in sector_list]
    with transaction.atomic():
        cache.clear()
        actors = []
        for number, spec in enumerate(actor_specs):
            actor = Actor.objects.create(
                kind=spec.kind, name=f"Acteur {number}", slug=f"acteur-{number}"
            )
            actor.sectors.set([sector_list[index] for index in spec.sectors])
            set_actor_visibility(actor=actor, is_public=spec.is_public)
            for role, start, end in spec.roles:
                ActorRole.objects.create(
                    actor=actor,
                    role=role,
                    start_date=TODAY - datetime.timedelta(days=start),
                    end_date=None if end is None else TODAY + datetime.timedelta(days=end),
                )
            actors.append(actor)
        created = record_activities(
            [
                ActivityRecord(
                    actor_id=actors[spec.actor].pk,
                    kind=spec.kind,
                    title=f"Activité {number}",
                    date=MONTHS[spec.month].replace(day=spec.day),
                    is_public=spec.is_public,
                    sector_ids=[sector_ids[index] for index in spec.sectors]
                    or [sector_ids[index] for index in actor_specs[spec.actor].sectors],
                )
                for number, spec in enumerate(activity_specs)
            ]
        )
        live: list[ActivitySpec | None] = list(activity_specs)
        for operation in operations:
            if operation[0] == "visibility":
                _name, index, is_public = operation
                set_actor_visibility(actor=actors[index], is_public=is_public)
                actor_specs[index].is_public = is_public
            elif created and operation[1] < len(created) and live[operation[1]] is not None:
                activity = created[operation[1]]
                spec = live[operation[1]]
                assert spec is not None
                if operation[0] == "hide":
                    hide_activity(activity=activity, reason="Hors sujet")
                    spec.is_public = False
                else:
                    delete_activities(Activity.objects.filter(pk=activity.pk))
                    live[operation[1]] = None

        expected = expected_summaries(actor_specs, live, sector_ids)
        stored = {
            summary.month: {
                "activity_count": summary.activity_count,
                "actor_count": summary.actor_count,
                "kind_counts": summary.kind_counts,
                "sector_counts": summary.sector_counts,
            }
            for summary in MonthSummary.objects.all()
        }
        empty = {"activity_count": 0, "actor_count": 0, "kind_counts": {}, "sector_counts": {}}
        for month in MONTHS:
            assert stored.get(month, empty) == expected.get(month, empty), month

        figures = network_figures()
        kinds = ActorRole.Role
        ambassadors = [spec for spec in actor_specs if holds(spec, kinds.AMBASSADOR)]
        assert figures.ambassadors == len(ambassadors)
        assert figures.ambassadors_by_kind == dict(Counter(spec.kind for spec in ambassadors))
        assert figures.committee == sum(holds(s, kinds.COMMITTEE_MEMBER) for s in actor_specs)
        assert figures.institutional_partners == sum(
            holds(spec, kinds.INSTITUTIONAL_PARTNER) for spec in actor_specs
        )
        assert figures.partner_territories == sum(
            holds(spec, kinds.PARTNER_TERRITORY) for spec in actor_specs
        )
        assert figures.members == sum(
            holds(spec, kinds.AMBASSADOR) or holds(spec, kinds.INSTITUTIONAL_PARTNER)
            for spec in actor_specs
        )
        assert figures.actors == sum(spec.is_public for spec in actor_specs)
        for index, sector in enumerate(sector_list):
            assert sector_actor_count(sector) == sum(
                spec.is_public and index in spec.sectors for spec in actor_specs
            )

        # The charts (and their tables) read the stored months: the same recount.
        def nowhere(month: datetime.date) -> str:
            return ""

        per_month = monthly_activity_chart(MONTHS, nowhere)
        growth = network_growth_chart(MONTHS, nowhere)
        running = 0
        for position, month in enumerate(MONTHS):
            truth = expected.get(month, empty)
            joined = int(truth["kind_counts"].get("joined", 0))  # type: ignore[attr-defined]
            running += joined
            assert [each.values[position] for each in per_month.series] == [
                truth["activity_count"],
                truth["actor_count"],
                joined,
            ]
            assert [each.values[position] for each in growth.series] == [running, joined]
        for sector in sector_list:
            chart = sector_activity_chart(sector, MONTHS, nowhere)
            assert list(chart.series[0].values) == [
                expected.get(month, empty)["sector_counts"].get(str(sector.pk), 0)  # type: ignore[attr-defined]
                for month in MONTHS
            ]
        transaction.set_rollback(True)
