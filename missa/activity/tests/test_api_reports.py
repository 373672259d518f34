"""An organisation's systems report what it did through the API, with a personal token: the
web form's checks, 401 without a usable token, 403 for an organisation it does not cover."""

import datetime
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from missa.accounts.models import User
from missa.activity.models import Activity
from missa.actors.models import Actor, ActorRole, ApiToken
from missa.actors.services import create_api_token

pytestmark = pytest.mark.django_db

URL = "/api/v1/actors/atelier-alice/activities/"
PROBLEM = "application/problem+json"


@pytest.fixture
def secret(owner: User, cast: dict[str, Actor]) -> str:
    _token, secret = create_api_token(
        user=owner, name="Notre site", actors=[cast["alice"]], days=None
    )
    return secret


def post(client: Client, secret: str | None, body: Any, url: str = URL) -> Any:
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(url, data, content_type="application/json", headers=headers)


REPORT = {
    "kind": "hosted_event",
    "title": "Vide-grenier des artisans",
    "date": "2017-06-25",
    "text": "Trente exposants.",
    "link": "https://example.org/vide-grenier",
    "sectors": ["tourisme"],
}


def test_a_token_reports_an_activity_public_at_once(
    secret: str, owner: User, cast: dict[str, Actor]
) -> None:
    client = Client(enforce_csrf_checks=True)  # a server, not a browser: no CSRF cookie
    response = post(client, secret, REPORT)
    assert response.status_code == 201, response.content
    body = response.json()
    activity = Activity.objects.get(pk=body["id"])
    assert activity.reported_by == owner and activity.is_public
    assert activity.title == "Vide-grenier des artisans"
    assert [sector.slug for sector in activity.sectors.all()] == ["tourisme"]
    assert body["actor"] == "atelier-alice" and body["sectors"] == ["tourisme"]
    assert response["Location"] == body["url"]
    assert client.get(body["url"]).status_code == 200
    listed = client.get("/api/v1/activities/?actor=atelier-alice").json()["results"]
    assert listed[0]["id"] == activity.pk
    assert ApiToken.objects.get().last_used_at is not None


def test_without_sectors_the_organisations_own(secret: str, cast: dict[str, Actor]) -> None:
    response = post(Client(), secret, {**REPORT, "sectors": []})
    assert response.status_code == 201
    own = sorted(sector.slug for sector in cast["alice"].sectors.all())
    assert sorted(response.json()["sectors"]) == own


def test_no_token_is_a_401_with_its_challenge(cast: dict[str, Actor]) -> None:
    response = post(Client(), None, REPORT)
    assert response.status_code == 401 and response["Content-Type"] == PROBLEM
    assert response["WWW-Authenticate"] == 'Bearer realm="MISSA"'
    assert not Activity.objects.filter(title=REPORT["title"]).exists()


@pytest.mark.parametrize("state", ["unknown", "revoked", "expired", "inactive", "basic"])
def test_a_token_that_opens_nothing_is_a_401(
    secret: str, owner: User, cast: dict[str, Actor], state: str
) -> None:
    client = Client()
    headers = {"Authorization": f"Bearer {secret}"}
    if state == "unknown":
        headers = {"Authorization": "Bearer missa_" + "x" * 43}
    elif state == "revoked":
        ApiToken.objects.update(revoked_at=timezone.now())
    elif state == "expired":
        ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    elif state == "inactive":
        User.objects.filter(pk=owner.pk).update(is_active=False)
    else:
        headers = {"Authorization": f"Basic {secret}"}
    response = client.post(URL, REPORT, content_type="application/json", headers=headers)
    assert response.status_code == 401 and response["Content-Type"] == PROBLEM
    assert response["WWW-Authenticate"].startswith('Bearer realm="MISSA"')
    assert not Activity.objects.filter(title=REPORT["title"]).exists()


def test_a_token_does_not_report_for_another_organisation(
    secret: str, cast: dict[str, Actor]
) -> None:
    response = post(Client(), secret, REPORT, "/api/v1/actors/cci-sorgueville/activities/")
    assert response.status_code == 403 and response["Content-Type"] == PROBLEM
    assert "CCI de Sorgueville" in response.json()["detail"]
    assert not Activity.objects.filter(title=REPORT["title"]).exists()


def test_once_the_organisation_leaves_the_network_its_tokens_report_nothing(
    secret: str, cast: dict[str, Actor]
) -> None:
    ActorRole.objects.filter(actor=cast["alice"]).update(
        end_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    response = post(Client(), secret, REPORT)
    assert response.status_code == 403
    assert "n'agit plus pour Atelier Alice" in response.json()["detail"]
    assert not Activity.objects.filter(title=REPORT["title"]).exists()


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"date": (timezone.localdate() + datetime.timedelta(days=2)).isoformat()}, "date"),
        ({"date": "25/06/2017"}, "date"),
        ({"kind": "held_meeting"}, "kind"),
        ({"kind": "dragon"}, "kind"),
        ({"title": ""}, "title"),
        ({"title": "deux\nlignes"}, "title"),
        ({"title": "x" * 251}, "title"),
        ({"text": "x" * 3001}, "text"),
        ({"link": "pas une adresse"}, "link"),
        ({"sectors": ["peche"]}, "sectors"),
        ({"sectors": "tourisme"}, "sectors"),
    ],
)
def test_bad_reports_are_400_problems_naming_the_field(
    secret: str, cast: dict[str, Actor], change: dict[str, Any], name: str
) -> None:
    response = post(Client(), secret, {**REPORT, **change})
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == PROBLEM
    errors = response.json()["errors"]
    assert [error["name"] for error in errors] == [name], errors
    assert all(error["where"] == "body" for error in errors)
    assert not Activity.objects.filter(title=REPORT["title"]).exists()


def test_a_missing_field_and_malformed_json_are_400(secret: str, cast: dict[str, Actor]) -> None:
    missing = post(Client(), secret, {key: REPORT[key] for key in ("kind", "date")})
    assert missing.status_code == 400
    assert [error["name"] for error in missing.json()["errors"]] == ["title"]
    assert post(Client(), secret, "{not json").status_code == 400


def test_an_unknown_or_hidden_organisation_is_a_404(secret: str, cast: dict[str, Actor]) -> None:
    for slug in ("personne", "dave-discret"):
        url = f"/api/v1/actors/{slug}/activities/"
        assert post(Client(), secret, REPORT, url).status_code == 404
