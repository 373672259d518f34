"""The calls, the idea list and an idea's page: what they show, their bad inputs, their queries."""

import datetime
import itertools
from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from missa.accounts.models import User
from missa.core.models import Sector
from missa.participation.models import Call, Idea, Support
from missa.participation.services import propose_idea, recount, toggle_support

TEXT = "Des bancs et de l'ombre le long des quais, pour les familles."
serial = itertools.count(1)


def idea_in(call: Call, author: User, title: str = "Des bancs sur les quais") -> Idea:
    return propose_idea(call=call, author=author, title=title, text=TEXT)


def grow_ideas(call: Call, author: User, sectors: dict[str, Sector], n: int) -> None:
    """Add n ideas, each in a sector and with a support (for the query counts)."""
    people = User.objects.bulk_create(
        [User(username=f"voter-{next(serial)}", participant_kind="inhabitant") for _ in range(n)]
    )
    ideas = Idea.objects.bulk_create(
        [
            Idea(call=call, author=author, title=f"Idée {i}", search_text=f"idee {i}", text=TEXT)
            for i in range(n)
        ]
    )
    Idea.sectors.through.objects.bulk_create(
        [Idea.sectors.through(idea_id=idea.pk, sector_id=sectors["tourisme"].pk) for idea in ideas]
    )
    Support.objects.bulk_create(
        [
            Support(idea=idea, call=call, user=person)
            for idea, person in zip(ideas, people, strict=True)
        ]
    )
    recount()


def test_the_call_list_sorts_open_upcoming_and_closed_calls(
    client: Client, open_call: Call
) -> None:
    today = timezone.localdate()
    for slug, opens, closes in (("plus-tard", 5, 30), ("passe", -60, -30)):
        Call.objects.create(
            slug=slug,
            phase=open_call.phase,
            organiser=open_call.organiser,
            title_fr=slug,
            question_fr="?",
            opens_on=today + datetime.timedelta(days=opens),
            closes_on=today + datetime.timedelta(days=closes),
            published_at=timezone.now(),
        )
    Call.objects.create(
        slug="brouillon",
        phase=open_call.phase,
        organiser=open_call.organiser,
        title_fr="Brouillon",
        question_fr="?",
        opens_on=today,
        closes_on=today,
    )
    context = client.get("/calls/").context
    assert [c.slug for c in context["open_calls"]] == ["bien-vivre"]
    assert [c.slug for c in context["upcoming_calls"]] == ["plus-tard"]
    assert [c.slug for c in context["page"].object_list] == ["passe"]
    assert client.get("/calls/brouillon/").status_code == 404


def test_the_call_page_shows_its_figures_and_participants_by_kind(
    client: Client, open_call: Call, lea: User, marc: User
) -> None:
    idea = idea_in(open_call, lea)
    toggle_support(idea=idea, user=marc)
    response = client.get("/calls/bien-vivre/")
    html = response.content.decode()
    assert (
        "Bien vivre au bord de l&#x27;eau" in html and "Proposer une idée" not in html
    )  # a visitor signs in first
    chart = response.context["chart"]
    assert dict(zip(chart.labels, chart.series[0].values, strict=True)) == {
        "Habitant·e": 1,
        "Visiteur ou client": 1,
    }
    assert [card.idea for card in response.context["cards"]] == [idea]


def test_the_idea_list_filters_searches_and_sorts(
    client: Client, open_call: Call, lea: User, marc: User, sectors: dict[str, Sector]
) -> None:
    benches = idea_in(open_call, lea, "Des bancs sur les quais")
    bikes = idea_in(open_call, lea, "Des vélos en libre service")
    bikes.sectors.add(sectors["economique"])
    toggle_support(idea=bikes, user=marc)

    def titles(query: str) -> list[str]:
        cache.clear()
        response = client.get(f"/ideas/{query}")
        assert response.status_code == 200
        return [card.idea.title for card in response.context["cards"]]

    assert titles("") == [bikes.title, benches.title]  # most supported first
    assert titles("?sort=newest") == [bikes.title, benches.title]
    assert titles("?q=VELO") == [bikes.title]
    assert titles("?sector=economique") == [bikes.title]
    assert titles("?call=bien-vivre&state=published") == [bikes.title, benches.title]
    assert titles("?state=retained") == []
    # Unknown values are ignored, never an error page.
    assert titles("?sort=loudest&sector=nowhere&call=nope&page=x&state=zzz") == [
        bikes.title,
        benches.title,
    ]


def test_the_random_order_gets_a_seed_and_keeps_it(
    client: Client, open_call: Call, lea: User
) -> None:
    for number in range(6):
        idea_in(open_call, lea, f"Idée {number}")
    response = client.get("/ideas/?sort=random")
    assert response.status_code == 302 and "seed=" in response["Location"]
    first = [card.idea.pk for card in client.get(response["Location"]).context["cards"]]
    cache.clear()
    again = [card.idea.pk for card in client.get(response["Location"]).context["cards"]]
    assert first == again and sorted(first) == sorted(Idea.objects.values_list("pk", flat=True))


def test_an_idea_page_shows_its_text_author_state_and_answer(
    client: Client, open_call: Call, lea: User
) -> None:
    idea = idea_in(open_call, lea)
    Idea.objects.filter(pk=idea.pk).update(state="retained", answer="Le comité la **retient**.")
    html = client.get(f"/ideas/{idea.pk}/").content.decode()
    assert "Des bancs sur les quais" in html and "Lea" in html
    assert "<strong>retient</strong>" in html and "Retenue" in html
    assert client.get("/ideas/999999/").status_code == 404
    assert client.get("/ideas/abc/").status_code == 404


def test_supporting_works_without_javascript_and_with_htmx(
    client: Client, open_call: Call, lea: User, marc: User
) -> None:
    idea = idea_in(open_call, lea)
    client.force_login(marc)
    response = client.post(f"/ideas/{idea.pk}/support/")
    assert response.status_code == 302 and response["Location"] == f"/ideas/{idea.pk}/"
    assert Idea.objects.get(pk=idea.pk).support_count == 1
    response = client.post(f"/ideas/{idea.pk}/support/", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and "Soutenir cette idée" in html
    assert Idea.objects.get(pk=idea.pk).support_count == 0
    # Someone's own idea: refused with a message, on the page.
    client.force_login(lea)
    html = client.post(
        f"/ideas/{idea.pk}/support/", headers={"HX-Request": "true"}
    ).content.decode()
    assert "Vous ne pouvez pas soutenir votre propre idée." in html


def test_proposing_shows_the_form_again_with_its_errors(
    client: Client, open_call: Call, lea: User
) -> None:
    client.force_login(lea)
    url = "/calls/bien-vivre/propose/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "x" * 151, "text": "court"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"title", "text"}
    response = client.post(url, {"title": "Des bancs", "text": TEXT})
    idea = Idea.objects.get()
    assert response["Location"] == f"/ideas/{idea.pk}/" and idea.author == lea


def test_a_closed_call_sends_proposers_back_with_a_message(
    client: Client, open_call: Call, lea: User
) -> None:
    Call.objects.filter(pk=open_call.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    client.force_login(lea)
    response = client.get("/calls/bien-vivre/propose/", follow=True)
    assert "Cet appel n&#x27;est pas ouvert" in response.content.decode()


def test_the_author_edits_and_withdraws_and_others_may_not(
    client: Client, open_call: Call, lea: User, marc: User
) -> None:
    idea = idea_in(open_call, lea)
    client.force_login(marc)
    assert client.get(f"/ideas/{idea.pk}/edit/").status_code == 403
    client.force_login(lea)
    response = client.post(
        f"/ideas/{idea.pk}/edit/", {"title": "Des bancs à l'ombre", "text": TEXT}
    )
    assert (
        response.status_code == 302 and Idea.objects.get(pk=idea.pk).title == "Des bancs à l'ombre"
    )
    client.post(f"/ideas/{idea.pk}/withdraw/")
    assert Idea.objects.get(pk=idea.pk).state == "withdrawn"


def test_the_committee_answers_from_the_idea_page(
    client: Client, open_call: Call, lea: User, committee_member: User
) -> None:
    idea = idea_in(open_call, lea)
    client.force_login(committee_member)
    response = client.post(f"/ideas/{idea.pk}/answer/", {"state": "not_retained", "answer": ""})
    assert response.status_code == 200 and "answer" in response.context["form"].errors
    client.post(f"/ideas/{idea.pk}/answer/", {"state": "in_plan", "answer": "Au plan."})
    assert Idea.objects.get(pk=idea.pk).state == "in_plan"


@pytest.mark.parametrize("signed_in", [False, True])
@pytest.mark.parametrize(
    "url",
    [
        "/calls/",
        "/calls/bien-vivre/",
        "/ideas/",
        "/ideas/?q=idee&sort=newest",
        "/ideas/?sort=random&seed=7",
    ],
)
def test_lists_run_the_same_queries_at_two_sizes(
    client: Client,
    open_call: Call,
    lea: User,
    sectors: dict[str, Sector],
    count_queries: Callable[[Callable[[], object]], int],
    url: str,
    signed_in: bool,
) -> None:
    if signed_in:
        client.force_login(lea)
    grow_ideas(open_call, lea, sectors, 3)
    cache.clear()
    small = count_queries(lambda: client.get(url))
    grow_ideas(open_call, lea, sectors, 40)
    cache.clear()
    large = count_queries(lambda: client.get(url))
    assert small == large <= (20 if signed_in else 12), (url, small, large)


@pytest.mark.parametrize("signed_in", [False, True])
def test_an_idea_page_runs_the_same_queries_at_two_sizes(
    client: Client,
    open_call: Call,
    lea: User,
    marc: User,
    sectors: dict[str, Sector],
    count_queries: Callable[[Callable[[], object]], int],
    signed_in: bool,
) -> None:
    idea = idea_in(open_call, lea)
    idea.sectors.add(sectors["tourisme"])
    if signed_in:
        client.force_login(marc)
    grow_ideas(open_call, lea, sectors, 3)
    cache.clear()
    small = count_queries(lambda: client.get(f"/ideas/{idea.pk}/"))
    grow_ideas(open_call, lea, sectors, 40)
    cache.clear()
    large = count_queries(lambda: client.get(f"/ideas/{idea.pk}/"))
    assert small == large <= (20 if signed_in else 12), (small, large)


@pytest.mark.parametrize("url", ["/calls/bien-vivre/propose/", "/ideas/{idea}/edit/"])
def test_the_forms_run_the_same_queries_at_two_sizes(
    client: Client,
    open_call: Call,
    lea: User,
    sectors: dict[str, Sector],
    count_queries: Callable[[Callable[[], object]], int],
    url: str,
) -> None:
    idea = idea_in(open_call, lea)
    client.force_login(lea)
    grow_ideas(open_call, lea, sectors, 3)
    Idea.objects.filter(pk=idea.pk).update(support_count=0)  # still editable
    small = count_queries(lambda: client.get(url.format(idea=idea.pk)))
    grow_ideas(open_call, lea, sectors, 30)
    Idea.objects.filter(pk=idea.pk).update(support_count=0)
    large = count_queries(lambda: client.get(url.format(idea=idea.pk)))
    assert small == large <= 20
