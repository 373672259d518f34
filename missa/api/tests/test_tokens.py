"""Personal API tokens: made from the profile for the organisations one acts for, shown once,
kept as a digest, revoked in one click."""

import hashlib
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from missa.accounts.models import User
from missa.actors.models import Actor, ApiToken
from missa.actors.services import MAX_API_TOKENS, create_api_token

pytestmark = pytest.mark.django_db

SECRET = re.compile(r"missa_[A-Za-z0-9_-]{43}")


def make(client: Client, chosen: list[Actor], **fields: Any) -> Any:
    data = {"name": "Notre site", "actors": [actor.pk for actor in chosen], "lifetime": "90"}
    return client.post("/api/tokens/", {**data, **fields})


def test_a_member_makes_a_token_and_sees_its_secret_once(
    client: Client, member: User, cast: dict[str, Actor]
) -> None:
    form = client.get("/api/tokens/").content.decode()
    assert "Atelier Alice" in form and "Vous n'avez encore fait aucun jeton" in form
    response = make(client, [cast["alice"]])
    assert response.status_code == 302 and response["Location"] == "/api/tokens/"
    page = client.get("/api/tokens/").content.decode()
    [secret] = set(SECRET.findall(page))
    token = ApiToken.objects.get()
    # Kept as its digest and its first characters only.
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret.startswith(token.start) and len(token.start) == 10
    assert secret not in str(list(ApiToken.objects.values()))
    assert list(token.actors.all()) == [cast["alice"]] and token.user == member
    assert token.expires_at is not None
    assert 89 <= (token.expires_at - timezone.now()).days <= 90
    # Shown once: the next visit lists it without its secret.
    again = client.get("/api/tokens/").content.decode()
    assert not SECRET.findall(again) and "Notre site" in again and token.start in again


def test_the_profile_leads_to_the_tokens(client: Client, member: User) -> None:
    assert 'href="/api/tokens/"' in client.get("/accounts/profile/").content.decode()


def test_someone_acting_for_no_organisation_is_told_how_and_makes_none(
    client: Client, cast: dict[str, Actor]
) -> None:
    client.force_login(User.objects.create_user("lea", "lea@example.org", "pw-sorgue-2017"))
    page = client.get("/api/tokens/").content.decode()
    assert "rejoignez le réseau" in page and 'name="name"' not in page
    make(client, [cast["alice"]])
    assert not ApiToken.objects.exists()


def test_a_token_only_for_organisations_one_acts_for(
    client: Client, member: User, cast: dict[str, Actor]
) -> None:
    response = make(client, [cast["carol"]])
    assert response.status_code == 200
    assert "actors" in response.context["form"].errors
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "deux\nlignes"}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"actors": []}, "actors"),
        ({"actors": ["abc"]}, "actors"),
        ({"lifetime": "7"}, "lifetime"),
    ],
)
def test_bad_input_gives_the_form_again_with_its_error(
    client: Client, member: User, cast: dict[str, Actor], fields: dict[str, Any], field: str
) -> None:
    response = make(client, [cast["alice"]], **fields)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_at_most_ten_usable_tokens(client: Client, member: User, cast: dict[str, Actor]) -> None:
    for number in range(MAX_API_TOKENS):
        create_api_token(user=member, name=f"n{number}", actors=[cast["alice"]], days=None)
    response = make(client, [cast["alice"]])
    assert response.status_code == 200
    assert "révoquez-en un" in response.content.decode()
    assert ApiToken.objects.count() == MAX_API_TOKENS
    # A revoked one makes room.
    ApiToken.objects.filter(name="n0").update(revoked_at=timezone.now())
    assert make(client, [cast["alice"]]).status_code == 302


def test_revoking_a_token_closes_it_and_says_so(
    client: Client, member: User, cast: dict[str, Actor]
) -> None:
    token, _secret = create_api_token(user=member, name="Caisse", actors=[cast["alice"]], days=30)
    response = client.post(f"/api/tokens/{token.pk}/revoke/", follow=True)
    token.refresh_from_db()
    assert token.revoked_at is not None and not token.is_usable
    page = response.content.decode()
    assert "« Caisse » est révoqué" in page.replace("&laquo;", "«").replace("&raquo;", "»")
    assert "révoqué le" in page
    assert client.get(f"/api/tokens/{token.pk}/revoke/").status_code == 405


def test_one_cannot_revoke_someone_elses_token(
    client: Client, member: User, cast: dict[str, Actor]
) -> None:
    token, _secret = create_api_token(user=member, name="Caisse", actors=[cast["alice"]], days=30)
    client.force_login(User.objects.create_user("lea", "lea@example.org", "pw-sorgue-2017"))
    assert client.post(f"/api/tokens/{token.pk}/revoke/").status_code == 404
    assert client.post("/api/tokens/999999/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_token_list_runs_the_same_queries_at_two_sizes(
    client: Client,
    member: User,
    cast: dict[str, Actor],
    count_queries: Callable[[Callable[[], object]], int],
) -> None:
    def grow(n: int) -> None:
        for number in range(n):
            token, _secret = create_api_token(
                user=member, name=f"t{number}", actors=[cast["alice"]], days=None
            )
            ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())

    grow(2)
    small = count_queries(lambda: client.get("/api/tokens/"))
    grow(25)
    large = count_queries(lambda: client.get("/api/tokens/"))
    assert small == large, (small, large)
