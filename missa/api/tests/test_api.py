"""The API as a whole: its documentation, schema, errors, rate limit, ETags and CORS."""

import datetime
import email.utils
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.test.utils import override_settings

from missa.actors.models import Actor
from missa.api.main import api
from missa.api.views import operations
from missa.core.models import Territory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def test_every_app_router_is_gathered_and_operation_ids_are_unique() -> None:
    schema = api.get_openapi_schema()
    paths = set(schema["paths"])
    assert {"/api/v1/territory/", "/api/v1/sectors/", "/api/v1/phases/", "/api/v1/actors/"} <= paths
    assert "/api/v1/actors/{slug}/" in paths
    ids = [op["operationId"] for item in schema["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids))


def test_index_lists_every_resource_to_start_from(client: Client, territory: Territory) -> None:
    body = client.get("/api/v1/").json()
    assert body["documentation"] == "http://testserver/api/"
    assert body["schema"] == "http://testserver/api/v1/openapi.json"
    assert body["resources"]["actors"] == "http://testserver/api/v1/actors/"
    assert "" not in body["resources"]
    for address in body["resources"].values():
        assert client.get(address).status_code == 200, address


def test_choices_are_written_where_they_are_used_not_as_shared_components() -> None:
    # Enum classes become components named after the class: two apps' "Kind" would overwrite
    # each other in the one schema (core.rest.one_of).
    schema = api.get_openapi_schema()
    assert not [name for name, item in schema["components"]["schemas"].items() if "enum" in item]
    kind = schema["components"]["schemas"]["ActorOut"]["properties"]["kind"]
    assert kind["enum"] == list(Actor.Kind.values)


def test_schema_is_served_and_says_errors_are_problem_details(client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    responses = schema["paths"]["/api/v1/actors/"]["get"]["responses"]
    assert set(responses) == {"200", "400", "404", "429"}
    assert list(responses["400"]["content"]) == [PROBLEM]
    assert list(responses["200"]["content"]) == ["application/json"]


def test_documentation_page_lists_every_operation_in_both_languages(
    client: Client, territory: Territory
) -> None:
    french = client.get("/api/")
    assert french.status_code == 200
    text = french.content.decode()
    assert "Tout ce qu" in text or "Commencer" in text
    for group in operations(api.get_openapi_schema()).values():
        for operation in group:
            assert f'id="{operation.identifier}"' in text
    assert "/api/v1/openapi.json" in text
    english = client.get("/en/api/")
    assert english.status_code == 200
    assert "OpenAPI 3 schema" in english.content.decode()


def test_unknown_address_is_a_problem_not_an_html_page(
    client: Client, territory: Territory
) -> None:
    response = client.get("/api/v1/actors/nobody/")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == 404 and body["title"] == "Not Found" and body["detail"]


def test_malformed_parameters_are_400_problems_naming_them(
    client: Client, territory: Territory
) -> None:
    response = client.get("/api/v1/actors/?page=zero&per_page=1000&kind=dragon")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    named = {error["name"] for error in response.json()["errors"]}
    assert named == {"page", "per_page", "kind"}


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/v1/actors/?sector=peche", "sector"),
        ("/api/v1/activities/?sector=peche", "sector"),
        ("/api/v1/activities/?actor=personne", "actor"),
        ("/api/v1/decisions/?sector=peche", "sector"),
        ("/api/v1/decisions/?objective=conquete", "objective"),
    ],
)
def test_an_unknown_slug_is_a_400_pointing_at_the_known_ones(
    client: Client, territory: Territory, url: str, name: str
) -> None:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    [error] = response.json()["errors"]
    listing = f"/api/v1/{name}s/"
    assert error["name"] == name and listing in error["message"]
    assert client.get(listing).status_code == 200


def test_problems_speak_the_askers_language(client: Client, territory: Territory) -> None:
    french = client.get("/api/v1/actors/?page=9", HTTP_ACCEPT_LANGUAGE="fr")
    english = client.get("/api/v1/actors/?page=9", HTTP_ACCEPT_LANGUAGE="en")
    assert french.status_code == english.status_code == 404
    assert "page 9" in english.json()["detail"] and "past the last" in english.json()["detail"]
    assert "dernière" in french.json()["detail"]


@override_settings(MISSA_API_REQUESTS_PER_MINUTE=3)
def test_rate_limit_answers_429_with_retry_after(client: Client, territory: Territory) -> None:
    statuses = [client.get("/api/v1/sectors/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v1/sectors/")
    assert refused["Content-Type"] == PROBLEM
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["Access-Control-Allow-Origin"] == "*"
    # Another address has its own allowance.
    assert client.get("/api/v1/sectors/", REMOTE_ADDR="192.0.2.7").status_code == 200


def test_readings_carry_etag_and_answer_304_until_data_change(
    client: Client, cast: dict[str, Actor]
) -> None:
    first = client.get("/api/v1/actors/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first.status_code == 200 and etag
    assert email.utils.parsedate_to_datetime(modified)
    again = client.get("/api/v1/actors/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    since = client.get("/api/v1/actors/", HTTP_IF_MODIFIED_SINCE=modified)
    assert since.status_code == 304
    # Another address of the API has its own ETag.
    assert client.get("/api/v1/actors/?page=1")["ETag"] != etag
    alice = cast["alice"]
    alice.town = "Fontaine-de-Vaucluse"
    alice.save()
    changed = client.get("/api/v1/actors/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Fontaine-de-Vaucluse" in changed.content.decode()


def test_a_new_day_gives_a_new_etag(
    client: Client, territory: Territory, monkeypatch: pytest.MonkeyPatch
) -> None:
    etag = client.get("/api/v1/phases/")["ETag"]
    monkeypatch.setattr(
        "missa.api.middleware.today", lambda: datetime.date.today() + datetime.timedelta(days=1)
    )
    response = client.get("/api/v1/phases/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200


def test_kept_answers_are_served_without_a_query(
    client: Client,
    cast: dict[str, Actor],
    count_queries: Callable[[Callable[[], object]], int],
) -> None:
    made = client.get("/api/v1/actors/").content
    kept: dict[str, Any] = {}
    assert count_queries(lambda: kept.update(response=client.get("/api/v1/actors/"))) == 0
    assert kept["response"].content == made


def test_any_origin_may_read(client: Client, territory: Territory) -> None:
    response = client.get("/api/v1/sectors/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/sectors/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_head_answers_as_get_without_a_body(client: Client, territory: Territory) -> None:
    got = client.get("/api/v1/sectors/")
    head = client.head("/api/v1/sectors/")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == got["ETag"]


def test_writing_is_refused(client: Client, territory: Territory) -> None:
    response = client.post("/api/v1/sectors/", {})
    assert response.status_code == 405


def test_documentation_lists_the_fields_of_each_answer(
    client: Client, territory: Territory
) -> None:
    text = client.get("/en/api/").content.decode()
    assert "Fields of the answer to /api/v1/actors/" in text
    for name in ("results[].slug", "results[].roles[].start_date", "next"):
        assert f"<code>{name}</code>" in text


def test_documentation_lists_a_writes_body_with_its_kinds() -> None:
    found = operations(api.get_openapi_schema())
    [report] = [
        op for ops in found.values() for op in ops if op.identifier == "report_actor_activity"
    ]
    body = {
        parameter.name: parameter for parameter in report.parameters if parameter.where == "body"
    }
    assert set(body) == {"kind", "title", "date", "text", "link", "sectors"}
    assert body["title"].required and not body["text"].required
    # A plain text field, not the {fr, en} object that shares its name.
    assert body["text"].kind == "string" and body["date"].kind == "date"
    assert report.statuses == ["201", "400", "401", "403", "404", "429"]
