import datetime

import pytest

from missa.actors.figures import NetworkFigures, network_figures, sector_actor_count
from missa.actors.models import Actor, ActorRole
from missa.core.models import Sector

pytestmark = pytest.mark.django_db


def test_network_figures_count_current_roles_of_public_actors(cast: dict[str, Actor]) -> None:
    # Dave is not public: his role does not count.
    ActorRole.objects.create(
        actor=cast["dave"], role=ActorRole.Role.AMBASSADOR, start_date=datetime.date(2017, 6, 1)
    )
    assert network_figures() == NetworkFigures(
        ambassadors=1,
        ambassadors_by_kind={"company": 1},
        committee=1,
        institutional_partners=1,
        partner_territories=0,
        members=2,
        actors=3,
    )


def test_an_actor_with_two_member_roles_is_one_member(cast: dict[str, Actor]) -> None:
    ActorRole.objects.create(
        actor=cast["carol"], role=ActorRole.Role.AMBASSADOR, start_date=datetime.date(2017, 6, 1)
    )
    figures = network_figures()
    assert (figures.ambassadors, figures.institutional_partners, figures.members) == (2, 1, 2)


def test_figures_are_cached_between_requests(
    cast: dict[str, Actor], sectors: dict[str, Sector], django_assert_num_queries: object
) -> None:
    assert sector_actor_count(sectors["tourisme"]) == 1
    network_figures()
    with django_assert_num_queries(0):  # type: ignore[operator]
        assert sector_actor_count(sectors["tourisme"]) == 1
        network_figures()


def test_figures_follow_a_write_at_once(cast: dict[str, Actor], sectors: dict[str, Sector]) -> None:
    assert network_figures().ambassadors == 1
    assert sector_actor_count(sectors["tourisme"]) == 1
    ActorRole.objects.filter(actor=cast["alice"]).update(end_date=datetime.date(2017, 12, 31))
    Actor.objects.filter(pk=cast["dave"].pk).update(is_public=True)
    assert network_figures().ambassadors == 0
    assert sector_actor_count(sectors["tourisme"]) == 2
