"""The API's charter: published versions only, the current one first and marked."""

import pytest
from django.test import Client

from missa.charter.services import publish_charter_version

from .test_charter import draft

pytestmark = pytest.mark.django_db


def test_published_versions_the_current_first(client: Client) -> None:
    publish_charter_version(version=draft("Première"))
    publish_charter_version(version=draft("Seconde", commitments=3))
    draft("Brouillon")
    body = client.get("/api/v1/charter/").json()
    assert body["count"] == 2
    current, first = body["results"]
    assert current["number"] == 2 and current["current"] is True and first["current"] is False
    assert current["title"] == {"fr": "Seconde", "en": "Seconde (en)"}
    assert current["text"]["fr"] == "Le **texte**."
    assert [c["required"] for c in current["commitments"]] == [True, False, False]
    assert current["commitments"][1]["text"] == {"fr": "Engagement 1", "en": "Commitment 1"}
    assert current["url"].endswith("/charter/v2/")
    assert client.get("/api/v1/charter/1/").json() == first
    # A draft is not public.
    assert client.get("/api/v1/charter/3/").status_code == 404


def test_no_charter_yet_is_an_empty_list(client: Client) -> None:
    body = client.get("/api/v1/charter/").json()
    assert body["count"] == 0 and body["results"] == []
