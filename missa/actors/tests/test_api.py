"""The API's actors: what it shows, what it hides, its filters and pages, its queries."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


def test_actor_list_shows_public_actors_with_their_roles_and_sectors(
    client: Client, cast: dict[str, Actor]
) -> None:
    body = client.get("/api/v1/actors/").json()
    assert [actor["slug"] for actor in body["results"]] == [
        "atelier-alice",
        "bob-martin",
        "cci-sorgueville",
    ]
    assert body["count"] == 3 and body["pages"] == 1 and body["next"] is None
    bob = body["results"][1]
    assert bob["kind"] == "person" and bob["sectors"] == ["economique"]
    assert bob["roles"] == [
        {
            "role": "committee_member",
            "position": {"fr": "Coprésident", "en": "Co-chair"},
            "start_date": "2017-05-01",
            "end_date": None,
        }
    ]
    alice = body["results"][0]
    assert alice["description"] == {"fr": "Un atelier au bord de l'eau.", "en": None}
    assert alice["url"] == "http://testserver/actors/atelier-alice/"
    assert alice["location"] is None and alice["logo"] is None


def test_a_private_actor_is_not_found(client: Client, cast: dict[str, Actor]) -> None:
    assert client.get("/api/v1/actors/dave-discret/").status_code == 404
    assert client.get("/api/v1/actors/atelier-alice/").json()["name"] == "Atelier Alice"


def test_actor_list_filters_as_the_directory_does(client: Client, cast: dict[str, Actor]) -> None:
    def slugs(query: str) -> list[str]:
        response = client.get(f"/api/v1/actors/?{query}")
        assert response.status_code == 200, response.content
        return [actor["slug"] for actor in response.json()["results"]]

    assert slugs("sector=economique") == ["bob-martin", "cci-sorgueville"]
    assert slugs("role=ambassador") == ["atelier-alice"]
    assert slugs("kind=institution") == ["cci-sorgueville"]
    assert slugs("q=atelier") == ["atelier-alice"]
    assert slugs("q=%20%20") == ["atelier-alice", "bob-martin", "cci-sorgueville"]
    assert slugs("sort=-name") == ["cci-sorgueville", "bob-martin", "atelier-alice"]
    assert slugs("sort=relevance") == ["atelier-alice", "bob-martin", "cci-sorgueville"]


def test_an_unknown_sector_is_a_400_naming_the_parameter(
    client: Client, cast: dict[str, Actor]
) -> None:
    response = client.get("/api/v1/actors/?sector=peche")
    assert response.status_code == 400
    assert response.json()["errors"][0]["name"] == "sector"
    assert "peche" in response.json()["errors"][0]["message"]


def test_actor_pages_link_to_each_other(
    client: Client, cast: dict[str, Actor], grow: Callable[[int], None]
) -> None:
    grow(30)
    first = client.get("/api/v1/actors/?per_page=10").json()
    assert first["count"] == 33 and first["pages"] == 4 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["page"] == 2 and second["previous"].endswith("per_page=10&page=1")
    seen = set()
    page = first
    while True:
        seen |= {actor["slug"] for actor in page["results"]}
        if page["next"] is None:
            break
        page = client.get(page["next"]).json()
    assert len(seen) == 33
    assert client.get("/api/v1/actors/?per_page=10&page=5").status_code == 404


def test_actor_list_queries_stay_flat(
    cast: dict[str, Actor], assert_constant_queries: Callable[..., None]
) -> None:
    assert_constant_queries("/api/v1/actors/", limit=6)
    assert_constant_queries("/api/v1/actors/?sector=tourisme&role=ambassador&q=volume", limit=6)


@pytest.mark.parametrize(
    "query",
    [
        {"sector": "tourisme"},
        {"role": "ambassador"},
        {"sector": "economique", "role": "committee_member"},
        {"kind": "company", "role": "ambassador", "sector": "tourisme"},
    ],
)
def test_a_filtered_count_is_kept_and_follows_the_data(
    client: Client, cast: dict[str, Actor], grow: Callable[[int], None], query: dict[str, str]
) -> None:
    from missa.activity.services import set_actor_visibility

    def recount() -> int:
        """Count the filter's actors one by one, without the queryset the API counts."""
        today = timezone.localdate()
        found = 0
        for actor in Actor.objects.filter(is_public=True):
            roles = {
                role.role
                for role in actor.roles.all()
                if role.start_date <= today and (role.end_date is None or role.end_date >= today)
            }
            found += (
                ("sector" not in query or query["sector"] in {s.slug for s in actor.sectors.all()})
                and ("kind" not in query or actor.kind == query["kind"])
                and ("role" not in query or query["role"] in roles)
            )
        return found

    grow(7)
    api = client.get("/api/v1/actors/", query).json()["count"]
    page = client.get("/actors/", query).context["page"].paginator.count
    assert api == page == recount()
    # A change of the data is a new count, on both.
    for actor in Actor.objects.filter(is_public=True)[:4]:
        set_actor_visibility(actor=actor, is_public=False)
    api = client.get("/api/v1/actors/", query).json()["count"]
    page = client.get("/actors/", query).context["page"].paginator.count
    assert api == page == recount()
