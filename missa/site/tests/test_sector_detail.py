from collections.abc import Callable

import pytest
from django.test import Client

from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


def test_sector_page_shows_its_public_actors_and_recent_activity(
    client: Client, cast: dict[str, Actor]
) -> None:
    html = client.get("/sectors/tourisme/").content.decode()
    assert "<h1>" in html
    assert "Atelier Alice" in html
    assert "Portes ouvertes de l&#x27;atelier" in html
    assert "Dave Discret" not in html
    assert "Réunion privée de Dave" not in html
    assert "Brouillon d&#x27;Alice" not in html
    assert "1 acteur dans ce secteur" in html


def test_sector_page_without_actors_says_so(client: Client, cast: dict[str, Actor]) -> None:
    html = client.get("/sectors/connaissance/").content.decode()
    assert "Aucun acteur n'a encore rejoint ce secteur." in html
    assert "Aucune activité n'a encore été enregistrée dans ce secteur." in html


def test_unknown_sector_is_a_404(client: Client, cast: dict[str, Actor]) -> None:
    response = client.get("/sectors/nope/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_sector_page_runs_the_same_queries_at_two_sizes(
    cast: dict[str, Actor], assert_constant_queries: Callable[[str], None]
) -> None:
    assert_constant_queries("/sectors/tourisme/")
