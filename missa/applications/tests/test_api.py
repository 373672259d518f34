"""The API's public register: today's members, with the role that makes them members."""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from missa.actors.models import Actor, ActorRole

pytestmark = pytest.mark.django_db


def test_the_register_lists_todays_members_with_their_roles(
    client: Client, cast: dict[str, Actor]
) -> None:
    body = client.get("/api/v1/register/").json()
    entries = {entry["slug"]: entry for entry in body["results"]}
    expected = set(
        Actor.objects.public()
        .with_role(ActorRole.Role.AMBASSADOR, ActorRole.Role.INSTITUTIONAL_PARTNER)
        .values_list("slug", flat=True)
    )
    assert set(entries) == expected and body["count"] == len(expected)
    assert entries["cci-sorgueville"]["memberships"] == [
        {"role": "institutional_partner", "since": "2017-05-01"}
    ]
    assert "dave-discret" not in entries


def test_a_member_whose_role_ended_leaves_the_register(
    client: Client, cast: dict[str, Actor], grow: Callable[[int], None]
) -> None:
    grow(3)
    before = client.get("/api/v1/register/").json()["count"]
    ActorRole.objects.filter(actor=cast["carol"]).update(
        end_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    body = client.get("/api/v1/register/").json()
    assert body["count"] == before - 1
    assert "cci-sorgueville" not in {entry["slug"] for entry in body["results"]}
