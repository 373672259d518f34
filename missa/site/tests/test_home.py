import datetime
from collections.abc import Callable

import pytest
from django.test import Client

from missa.activity.services import record_activity
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


def test_home_figures_agree_with_the_pages_they_link_to(
    client: Client, cast: dict[str, Actor]
) -> None:
    response = client.get("/")
    html, figures = response.content.decode(), response.context["figures"]
    for role, count in [
        ("ambassador", figures.ambassadors),
        ("committee_member", figures.committee),
        ("institutional_partner", figures.institutional_partners),
        ("partner_territory", figures.partner_territories),
    ]:
        assert f'href="/actors/?role={role}"><strong>{count}</strong>' in html
        listed = client.get(f"/actors/?role={role}").context["page"].paginator.count
        assert listed == count, role
    assert client.get("/actors/").context["page"].paginator.count == figures.actors == 3
    for sector in ("tourisme", "economique", "connaissance"):
        shown = client.get(f"/sectors/{sector}/").context["actor_count"]
        assert client.get(f"/actors/?sector={sector}").context["page"].paginator.count == shown
    register = client.get("/network/register/").context
    assert len(register["rows"]) == register["page"].paginator.count == figures.members == 2
    assert "1 entreprise" in html


def test_home_follows_the_latest_month_with_activity(
    client: Client, cast: dict[str, Actor]
) -> None:
    # The test programme's only activity is in June 2017: its figures, and its journal.
    context = client.get("/").context
    assert context["active_summary"].month.isoformat() == "2017-06-01"
    assert context["active_summary"].activity_count == 3
    assert context["latest_editorial"].title == "Écouter le territoire"
    record_activity(
        actor=cast["alice"], kind="hosted_event", title="Salon", date=datetime.date(2019, 3, 2)
    )
    context = client.get("/").context
    html = context_html = client.get("/").content.decode()
    assert context["latest_month"].isoformat() == "2019-03-01"
    assert context["latest_editorial"] is None
    assert "mars 2019" in html.lower()
    assert "est à venir" in context_html


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
    cast: dict[str, Actor], assert_constant_queries: Callable[..., None]
) -> None:
    # One query or two per section: the programme, the figures, the journal, the ideas, the
    # indicators, the plan, the committee (its next meeting and latest decisions); and, once an
    # hour, the check that starts last month's letter (two: letters.services.send_when_due).
    assert_constant_queries("/", limit=16)


def test_each_app_declares_its_part_of_the_home_page(cast: dict[str, Actor]) -> None:
    from missa.core.sections import page_sections

    assert [section.template for section in page_sections("home")] == [
        "programme/home_section.html",
        "site/home_figures.html",
        "journal/home_section.html",
        "participation/home_section.html",
        "indicators/home_section.html",
        "actions/home_section.html",
        "meetings/home_section.html",
        "site/home_sectors.html",
    ]


def test_a_home_page_from_the_shared_cache_computes_no_section(
    client: Client, cast: dict[str, Actor], count_queries: Callable[[Callable[[], object]], int]
) -> None:
    from django.core.cache import cache

    from missa.accounts.models import User

    # Signed in, the page itself is made for each request; its main content comes from the
    # shared cache once made, and then no section computes its figures.
    client.force_login(User.objects.create_user("ana", "ana@example.org", "pw-sorgue-2017"))
    client.get("/")
    cache.clear()
    made = count_queries(lambda: client.get("/"))
    served = count_queries(lambda: client.get("/"))
    assert made - served >= 6
    assert "Où en est la démarche" in client.get("/").content.decode()
