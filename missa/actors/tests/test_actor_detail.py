from collections.abc import Callable

import pytest
from django.test import Client

from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


def test_actor_page_shows_profile_roles_and_activity_by_month(
    client: Client, cast: dict[str, Actor]
) -> None:
    html = client.get("/actors/atelier-alice/").content.decode()
    assert "<h1>Atelier Alice</h1>" in html
    assert "Un atelier au bord de l&#x27;eau." in html
    assert "Ambassadeur" in html
    assert "depuis le 20 mai 2017" in html
    assert "Juin 2017" in html
    assert "Portes ouvertes de l&#x27;atelier" in html
    assert "Brouillon d&#x27;Alice" not in html
    assert "Bob Martin" in html  # represents Alice


def test_person_page_links_the_organisation_it_represents(
    client: Client, cast: dict[str, Actor]
) -> None:
    html = client.get("/en/actors/bob-martin/").content.decode()
    assert 'href="/en/actors/atelier-alice/"' in html
    assert "Co-chair" in html
    assert "June steering committee" in html


def test_private_and_unknown_actors_are_404(client: Client, cast: dict[str, Actor]) -> None:
    assert client.get("/actors/dave-discret/").status_code == 404
    assert client.get("/actors/nobody/").status_code == 404
    assert client.get("/actors/%3Cscript%3E/").status_code == 404


def test_actor_without_activity_says_so(client: Client, cast: dict[str, Actor]) -> None:
    Actor.objects.create(kind=Actor.Kind.ASSOCIATION, name="Quiet", slug="quiet")
    html = client.get("/actors/quiet/").content.decode()
    assert "Aucune activité publique n'a encore été enregistrée pour cet acteur." in html


def test_actor_page_runs_the_same_queries_at_two_sizes(
    client: Client,
    cast: dict[str, Actor],
    grow: Callable[[int], None],
    count_queries: Callable[[Callable[[], object]], int],
) -> None:
    from missa.activity.services import record_activity

    small = count_queries(lambda: client.get("/actors/atelier-alice/"))
    grow(30)
    for day in range(1, 28):
        record_activity(
            actor=cast["alice"],
            kind="promoted_brand",
            title=f"Salon {day}",
            date=cast["alice"].joined_on.replace(month=7, day=day),
        )
    large = count_queries(lambda: client.get("/actors/atelier-alice/"))
    assert small == large <= 12
