import datetime

import pytest

from missa.actors.models import Actor, ActorRole
from missa.core.figures import role_counts, sector_actor_count
from missa.core.models import Sector

pytestmark = pytest.mark.django_db


def test_role_counts_count_current_roles_of_public_actors(cast: dict[str, Actor]) -> None:
    ActorRole.objects.create(
        actor=cast["dave"], role=ActorRole.Role.AMBASSADOR, start_date=datetime.date(2017, 6, 1)
    )
    assert role_counts() == {"ambassadors": 1, "committee": 1, "partners": 1}


def test_figures_are_cached_between_requests(
    cast: dict[str, Actor], sectors: dict[str, Sector], django_assert_num_queries: object
) -> None:
    assert sector_actor_count(sectors["tourisme"]) == 1
    role_counts()
    with django_assert_num_queries(0):  # type: ignore[operator]
        assert sector_actor_count(sectors["tourisme"]) == 1
        role_counts()
