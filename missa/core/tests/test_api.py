"""The API's territory and vocabularies."""

import pytest
from django.test import Client

from missa.core.models import Benefit, Objective, Sector, Territory

pytestmark = pytest.mark.django_db


def test_territory_in_both_languages(client: Client, territory: Territory) -> None:
    body = client.get("/api/v1/territory/").json()
    assert body["name"] == "Sorgueville" and body["insee_code"] == "84054"
    assert body["tagline"] == {"fr": "Au fil de l'eau", "en": "Along the water"}
    assert body["description"] == {"fr": None, "en": None}
    assert body["url"] == "http://testserver/"


def test_no_territory_yet_is_a_404(client: Client, db: None) -> None:
    assert client.get("/api/v1/territory/").status_code == 404


def test_vocabularies_in_their_order(client: Client, sectors: dict[str, Sector]) -> None:
    body = client.get("/api/v1/sectors/").json()
    assert [term["slug"] for term in body] == ["tourisme", "economique", "connaissance"]
    assert body[0]["name"] == {"fr": "Tourisme", "en": "Tourism"}
    assert body[0]["url"] == "http://testserver/sectors/tourisme/"
    Objective.objects.create(slug="rayonner", name_fr="Rayonner", order=2)
    Objective.objects.create(slug="federer", name_fr="Fédérer", order=1)
    Benefit.objects.create(slug="emploi", name_fr="Emploi", name_en="Jobs")
    objectives = client.get("/api/v1/objectives/").json()
    assert [term["slug"] for term in objectives] == ["federer", "rayonner"]
    assert objectives[0]["url"] is None and objectives[0]["name"]["en"] is None
    assert client.get("/api/v1/benefits/").json()[0]["name"]["en"] == "Jobs"
