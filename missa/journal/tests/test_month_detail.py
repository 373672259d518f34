import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from missa.accounts.models import User
from missa.activity.services import record_activity, report_activity
from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


def test_month_page_shows_the_editorial_then_activities_by_actor(
    client: Client, cast: dict[str, Actor]
) -> None:
    response = client.get("/journal/2017/06/")
    html = response.content.decode()
    assert "Juin 2017 — Écouter le territoire" in html
    assert "Le mois des <strong>études</strong>." in html
    assert "Portes ouvertes de l&#x27;atelier" in html
    assert "Comité de pilotage de juin" in html
    assert "Réunion privée de Dave" not in html
    assert "Brouillon d&#x27;Alice" not in html
    assert html.index("Éditorial") < html.index("Par acteur")
    groups = [activity.actor.name for activity in response.context["page"].object_list]
    assert groups == ["Atelier Alice", "Bob Martin", "CCI de Sorgueville"]


def test_month_page_counts_and_filters_by_sector(client: Client, cast: dict[str, Actor]) -> None:
    response = client.get("/journal/2017/06/?sector=economique")
    assert [a.actor.name for a in response.context["page"].object_list] == [
        "Bob Martin",
        "CCI de Sorgueville",
    ]
    html = response.content.decode()
    assert "Économique (2)" in html
    assert "Tourisme (1)" in html


def test_month_page_in_english(client: Client, cast: dict[str, Actor]) -> None:
    html = client.get("/en/journal/2017/06/").content.decode()
    assert "June 2017 — Listening" in html
    assert "Workshop open day" in html
    # No English title: the French one is shown.
    assert "Note de conjoncture" in html


def test_draft_editorial_is_not_shown(client: Client, cast: dict[str, Actor]) -> None:
    html = client.get("/journal/2017/07/").content.decode()
    assert "Brouillon" not in html
    assert "Aucune activité n'a été enregistrée ce mois-ci." in html


def test_month_page_links_the_previous_and_next_months(
    client: Client, cast: dict[str, Actor]
) -> None:
    first = client.get("/journal/2017/05/").context
    assert first["previous_month"] is None
    assert first["next_month"].month == 6
    # The journal goes on after the phases end, up to this month.
    assert client.get("/journal/2018/04/").context["next_month"].month == 5
    today = timezone.localdate()
    last = client.get(f"/journal/{today:%Y/%m}/").context
    assert last["next_month"] is None


def test_a_month_with_activity_but_no_editorial_is_a_journal_page(
    client: Client, cast: dict[str, Actor]
) -> None:
    august = datetime.date(2017, 8, 3)
    record_activity(actor=cast["alice"], kind="hosted_event", title="Vide-grenier", date=august)
    html = client.get("/journal/2017/08/").content.decode()
    assert "Vide-grenier" in html
    assert "L'éditorial de ce mois est à venir" in html.replace("&#x27;", "'")


def test_a_report_dated_today_is_on_this_months_page_after_the_programme(
    client: Client, cast: dict[str, Actor], owner: User
) -> None:
    today = timezone.localdate()
    report_activity(
        actor=cast["alice"], user=owner, kind="hosted_event", title="Atelier ouvert", date=today
    )
    response = client.get(f"/journal/{today:%Y/%m}/")
    assert response.status_code == 200
    assert "Atelier ouvert" in response.content.decode()
    home = client.get("/").content.decode()
    assert f'href="/journal/{today:%Y/%m}/"' in home


@pytest.mark.parametrize(
    "url",
    [
        "/journal/2017/13/",
        "/journal/2017/00/",
        "/journal/1999/01/",
        "/journal/2030/01/",
        "/journal/2017/6/",
        "/journal/abcd/06/",
        "/journal/0000/01/",
    ],
)
def test_months_outside_the_journal_are_404(
    client: Client, cast: dict[str, Actor], url: str
) -> None:
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("query", ["?page=abc", "?page=99999", "?sector=%3Cb%3E", "?sector="])
def test_month_page_survives_bad_parameters(
    client: Client, cast: dict[str, Actor], query: str
) -> None:
    response = client.get(f"/journal/2017/06/{query}")
    assert response.status_code == 200
    assert "<b>" not in response.content.decode().split("<main", 1)[1]


@pytest.mark.parametrize("query", ["", "?sector=tourisme&page=2"])
def test_month_page_runs_the_same_queries_at_two_sizes(
    cast: dict[str, Actor], assert_constant_queries: Callable[[str], None], query: str
) -> None:
    assert_constant_queries(f"/journal/2017/06/{query}")
