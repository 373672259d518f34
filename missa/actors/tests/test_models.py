import datetime

import pytest
from django.core.exceptions import ValidationError

from missa.actors.models import Actor, ActorRole

pytestmark = pytest.mark.django_db


def test_only_companies_have_a_siret(alice: Actor) -> None:
    person = Actor(kind=Actor.Kind.PERSON, name="Eve", slug="eve", siret=alice.siret)
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "siret" in error.value.message_dict


def test_two_actors_cannot_share_a_siret(alice: Actor) -> None:
    twin = Actor(kind=Actor.Kind.COMPANY, name="Twin", slug="twin", siret=alice.siret)
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert "siret" in str(error.value.message_dict).lower()


def test_only_a_person_represents_an_organisation(alice: Actor, carol: Actor) -> None:
    carol.represents = alice
    with pytest.raises(ValidationError):
        carol.full_clean()


def test_current_roles_exclude_ended_ones(alice: Actor) -> None:
    ActorRole.objects.create(
        actor=alice,
        role=ActorRole.Role.EXPERT,
        start_date=datetime.date(2017, 1, 1),
        end_date=datetime.date(2018, 1, 1),
    )
    assert list(Actor.objects.with_role(ActorRole.Role.EXPERT)) == []
    assert list(Actor.objects.with_role(ActorRole.Role.EXPERT, on=datetime.date(2017, 6, 1))) == [
        alice
    ]
    assert list(Actor.objects.with_role(ActorRole.Role.AMBASSADOR)) == [alice]


def test_a_role_cannot_end_before_it_starts(alice: Actor) -> None:
    role = ActorRole(
        actor=alice,
        role=ActorRole.Role.EXPERT,
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2017, 1, 1),
    )
    with pytest.raises(ValidationError):
        role.full_clean()


def test_actor_addresses_follow_the_language(alice: Actor) -> None:
    from django.urls import reverse
    from django.utils.translation import override

    with override("fr"):
        assert alice.get_absolute_url() == reverse("site:actor-detail", args=["atelier-alice"])
        assert alice.get_absolute_url() == "/actors/atelier-alice/"
    with override("en"):
        assert alice.get_absolute_url() == "/en/actors/atelier-alice/"
