from collections.abc import Callable

import pytest
from django.test import Client

from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


def test_home_shows_the_territory_and_where_the_programme_stands(
    client: Client, cast: dict[str, Actor]
) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sorgueville" in html
    assert "la petite Venise" in html
    assert "Où en est la démarche" in html
    # The test programme ended in April 2018: its 12 months are done.
    assert "12 mois" in html
    assert "Écouter le territoire" in html
    for name in ("Tourisme", "Économique", "Connaissance"):
        assert name in html


def test_home_counts_public_ambassadors_committee_and_partners(
    client: Client, cast: dict[str, Actor]
) -> None:
    response = client.get("/")
    assert response.context["counts"] == {"ambassadors": 1, "committee": 1, "partners": 1}


def test_home_in_english_falls_back_to_french_where_untranslated(
    client: Client, cast: dict[str, Actor]
) -> None:
    html = client.get("/en/").content.decode()
    assert 'lang="en"' in html
    assert "the little Venice" in html
    assert "Where the programme stands" in html
    assert "Listening" in html


def test_home_without_any_data_shows_empty_states(client: Client, db: None) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Les étapes de la démarche n'ont pas encore été publiées." in html
    assert "Aucun mois du journal n'a encore été publié." in html


def test_home_runs_the_same_queries_at_two_sizes(
    cast: dict[str, Actor], assert_constant_queries: Callable[[str], None]
) -> None:
    assert_constant_queries("/")
