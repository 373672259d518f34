from collections.abc import Callable

import pytest
from django.test import Client

from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


def names(client: Client, query: str = "") -> list[str]:
    response = client.get(f"/actors/{query}")
    assert response.status_code == 200
    return [actor.name for actor in response.context["page"].object_list]


def test_directory_lists_public_actors_by_name(client: Client, cast: dict[str, Actor]) -> None:
    assert names(client) == ["Atelier Alice", "Bob Martin", "CCI de Sorgueville"]


def test_directory_filters_by_sector(client: Client, cast: dict[str, Actor]) -> None:
    assert names(client, "?sector=economique") == ["Bob Martin", "CCI de Sorgueville"]


def test_directory_filters_by_kind(client: Client, cast: dict[str, Actor]) -> None:
    assert names(client, "?kind=person") == ["Bob Martin"]


def test_directory_filters_by_current_role(client: Client, cast: dict[str, Actor]) -> None:
    assert names(client, "?role=committee_member") == ["Bob Martin"]
    assert names(client, "?role=ambassador&sector=tourisme") == ["Atelier Alice"]


def test_directory_searches_by_name_ignoring_case(client: Client, cast: dict[str, Actor]) -> None:
    assert names(client, "?q=cci") == ["CCI de Sorgueville"]
    assert names(client, "?q=discret") == []


def test_directory_sorts(client: Client, cast: dict[str, Actor]) -> None:
    assert names(client, "?sort=-name")[0] == "CCI de Sorgueville"
    assert names(client, "?sort=joined")[-1] == "Atelier Alice"


def test_directory_shows_the_result_count_and_an_empty_state(
    client: Client, cast: dict[str, Actor]
) -> None:
    html = client.get("/actors/?q=personne").content.decode()
    assert "0 acteur trouvé" in html
    assert "Aucun acteur ne correspond à ces filtres." in html
    assert "3 acteurs trouvés" in client.get("/actors/").content.decode()


def test_directory_paginates_25_a_page(
    client: Client, cast: dict[str, Actor], grow: Callable[[int], None]
) -> None:
    grow(30)
    page = client.get("/actors/?page=2").context["page"]
    assert page.paginator.count == 33
    assert page.number == 2
    assert len(page.object_list) == 8


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=99999",
        "?page=-1",
        "?sector=nope&kind=spaceship&role=king&sort=price",
        "?q=" + "x" * 5000,
        "?q=%27%20OR%201%3D1%20--",
        "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "?sector[]=a&sector=b&sector=c",
    ],
)
def test_directory_survives_bad_input(client: Client, cast: dict[str, Actor], query: str) -> None:
    response = client.get(f"/actors/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html


def test_unknown_filter_values_are_ignored(client: Client, cast: dict[str, Actor]) -> None:
    assert len(names(client, "?sector=nope&kind=spaceship")) == 3


def test_htmx_requests_get_only_the_results(client: Client, cast: dict[str, Actor]) -> None:
    response = client.get("/actors/?kind=person", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="results"')
    assert "Bob Martin" in html
    assert "<html" not in html


@pytest.mark.parametrize("query", ["", "?role=ambassador&sector=tourisme&q=e&sort=-joined&page=2"])
def test_directory_runs_the_same_queries_at_two_sizes(
    cast: dict[str, Actor], assert_constant_queries: Callable[[str], None], query: str
) -> None:
    assert_constant_queries(f"/actors/{query}")


def test_directory_search_ignores_accents_and_case(client: Client, cast: dict[str, Actor]) -> None:
    Actor.objects.create(kind=Actor.Kind.COMPANY, name="Hôtel du Pont", slug="hotel-du-pont")
    assert names(client, "?q=HOTEL") == ["Hôtel du Pont"]
    assert names(client, "?q=hôtel%20%20du") == ["Hôtel du Pont"]


def test_directory_cards_show_each_sector_with_its_colour(
    client: Client, cast: dict[str, Actor]
) -> None:
    from missa.core.models import Sector

    tourism = Sector.objects.get(slug="tourisme")
    Sector.objects.filter(pk=tourism.pk).update(colour="#12a4b6")
    html = client.get("/actors/?sector=tourisme").content.decode()
    assert html.count('<li class="chip">') == 1  # Atelier Alice, in tourism only
    assert '<rect width="14" height="14" rx="3" fill="#12a4b6"/></svg> Tourisme</li>' in html
