"""The API's participation: calls with their stored figures, ideas filtered as on their page
(nothing hidden, no address), comments with their traces, results only once public."""

from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from missa.accounts.models import User
from missa.core.models import Sector
from missa.discussion.services import post_comment
from missa.participation.models import Answer, Call, Consultation, Idea
from missa.participation.services import (
    answer_consultation,
    hide_idea,
    propose_idea,
    toggle_support,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ideas(open_call: Call, lea: User, marc: User, sectors: dict[str, Sector]) -> list[Idea]:
    first = propose_idea(
        call=open_call, author=lea, title="Des bancs au bord de l'eau", text="Pour s'asseoir."
    )
    second = propose_idea(
        call=open_call,
        author=marc,
        title="Un marché du soir",
        text="Le jeudi.",
        sectors=[sectors["tourisme"]],
    )
    toggle_support(idea=second, user=lea)
    return [first, second]


def test_calls_with_their_stored_figures(client: Client, ideas: list[Idea]) -> None:
    body = client.get("/api/v1/calls/").json()
    assert body["count"] == 1
    [call] = body["results"]
    assert call["slug"] == "bien-vivre" and call["status"] == "open"
    assert call["title"] == {"fr": "Bien vivre au bord de l'eau", "en": "Living well by the water"}
    assert call["idea_count"] == 2 and call["support_count"] == 1
    assert call["sectors"] == ["tourisme"]
    assert client.get("/api/v1/calls/bien-vivre/").json() == call
    assert client.get("/api/v1/calls/nulle-part/").status_code == 404


def test_a_call_that_shows_supports_only_once_closed_hides_them(
    client: Client, open_call: Call, ideas: list[Idea]
) -> None:
    Call.objects.filter(pk=open_call.pk).update(supports_shown_while_open=False)
    assert client.get("/api/v1/calls/bien-vivre/").json()["support_count"] is None
    supports = [idea["support_count"] for idea in client.get("/api/v1/ideas/").json()["results"]]
    assert supports == [None, None]


def test_an_unpublished_call_is_not_there(client: Client, open_call: Call) -> None:
    Call.objects.filter(pk=open_call.pk).update(published_at=None)
    assert client.get("/api/v1/calls/").json()["count"] == 0
    assert client.get("/api/v1/calls/bien-vivre/").status_code == 404


def test_ideas_most_supported_first_with_who_proposed_them_but_no_address(
    client: Client, ideas: list[Idea]
) -> None:
    body = client.get("/api/v1/ideas/").json()
    assert body["count"] == 2
    assert [idea["title"] for idea in body["results"]] == [
        "Un marché du soir",
        "Des bancs au bord de l'eau",
    ]
    first = body["results"][0]
    assert first["proposed_by"] == {"actor": None, "name": "Marc"}
    assert first["support_count"] == 1 and first["state"] == "published"
    assert first["call"] == "bien-vivre" and first["sectors"] == ["tourisme"]
    assert "@" not in str(body)
    newest = client.get("/api/v1/ideas/?sort=newest").json()["results"]
    assert newest[0]["id"] == ideas[1].pk


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("sector=tourisme", ["Un marché du soir"]),
        ("q=BANCS", ["Des bancs au bord de l'eau"]),
        ("call=bien-vivre&sort=newest", ["Un marché du soir", "Des bancs au bord de l'eau"]),
        ("state=retained", []),
        ("sector=", ["Un marché du soir", "Des bancs au bord de l'eau"]),
    ],
)
def test_ideas_are_filtered_as_on_their_page(
    client: Client, ideas: list[Idea], query: str, titles: list[str]
) -> None:
    body = client.get(f"/api/v1/ideas/?{query}").json()
    assert [idea["title"] for idea in body["results"]] == titles
    assert body["count"] == len(titles)


@pytest.mark.parametrize(
    ("query", "name"),
    [("call=ailleurs", "call"), ("sector=peche", "sector"), ("objective=x", "objective")],
)
def test_unknown_filters_are_400s(client: Client, ideas: list[Idea], query: str, name: str) -> None:
    response = client.get(f"/api/v1/ideas/?{query}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["name"] == name


def test_a_hidden_idea_keeps_its_place_without_its_words(client: Client, ideas: list[Idea]) -> None:
    hide_idea(ideas[0], "Hors sujet.")
    assert client.get("/api/v1/ideas/").json()["count"] == 1
    body = client.get(f"/api/v1/ideas/{ideas[0].pk}/").json()
    assert body["hidden"] is True and body["title"] is None and body["text"] is None
    assert "Hors sujet" not in str(body)
    assert client.get("/api/v1/ideas/999999/").status_code == 404


def test_comments_with_their_replies_and_traces(
    client: Client, ideas: list[Idea], lea: User, marc: User
) -> None:
    idea = ideas[0]
    first = post_comment(target=idea, author=marc, text="Bonne idée.")
    post_comment(target=idea, author=lea, text="Merci !", parent=first)
    gone = post_comment(target=idea, author=marc, text="Oups.")
    type(gone).objects.filter(pk=gone.pk).update(deleted_at=timezone.now())
    body = client.get(f"/api/v1/ideas/{idea.pk}/comments/").json()
    assert body["count"] == 2
    shown, deleted = body["results"]
    assert shown["author"] == "Marc" and shown["text"] == "Bonne idée."
    assert [reply["text"] for reply in shown["replies"]] == ["Merci !"]
    assert deleted["state"] == "deleted" and deleted["text"] is None
    assert client.get("/api/v1/ideas/999999/comments/").status_code == 404


def test_consultation_results_only_once_public(
    client: Client, survey: Consultation, lea: User
) -> None:
    single = survey.questions.get(kind="single")
    text = survey.questions.get(kind="long_text")
    water = single.options.all()[0]
    answer_consultation(
        consultation=survey,
        user=lea,
        answers=[
            Answer(question=single, option=water),
            Answer(question=text, text="Une marque pour l'eau."),
        ],
    )
    listed = client.get("/api/v1/consultations/").json()["results"]
    assert [c["slug"] for c in listed] == ["image"] and listed[0]["response_count"] == 1
    closed = client.get("/api/v1/consultations/image/results/").json()
    assert closed["results_public"] is False and closed["questions"] is None
    Consultation.objects.filter(pk=survey.pk).update(results_while_open=True)
    cache.clear()
    body = client.get("/api/v1/consultations/image/results/").json()
    questions = {question["kind"]: question for question in body["questions"]}
    assert questions["single"]["answered"] == 1
    assert [option["count"] for option in questions["single"]["options"]] == [1, 0, 0]
    assert questions["single"]["options"][0]["text"]["fr"] == "L'eau"
    assert questions["scale"]["scale"] == [0, 0, 0, 0, 0]
    # Free answers once the editors publish them.
    assert questions["long_text"]["texts"] == []
    Answer.objects.exclude(text="").update(is_published=True)
    cache.clear()
    body = client.get("/api/v1/consultations/image/results/").json()
    texts = {q["kind"]: q["texts"] for q in body["questions"]}
    assert texts["long_text"] == ["Une marque pour l'eau."]
    assert client.get("/api/v1/consultations/nulle-part/results/").status_code == 404


def test_stored_results_equal_a_recount(
    client: Client, survey: Consultation, make_person: Any
) -> None:
    single = survey.questions.get(kind="single")
    options = list(single.options.all())
    for number, chosen in enumerate([0, 1, 1, 2, 1]):
        answer_consultation(
            consultation=survey,
            user=make_person(f"p{number}"),
            answers=[Answer(question=single, option=options[chosen])],
        )
    Consultation.objects.filter(pk=survey.pk).update(results_while_open=True)
    body = client.get("/api/v1/consultations/image/results/").json()
    counted = [Answer.objects.filter(question=single, option=option).count() for option in options]
    got = [
        o["count"] for o in next(q for q in body["questions"] if q["kind"] == "single")["options"]
    ]
    assert got == counted == [1, 3, 1]


def test_participation_queries_stay_flat(
    client: Client,
    open_call: Call,
    survey: Consultation,
    make_person: Callable[..., User],
    count_queries: Callable[[Callable[[], object]], int],
) -> None:
    serial = iter(range(1000))

    def grow(n: int) -> None:
        for _ in range(n):
            number = next(serial)
            person = make_person(f"personne{number}")
            idea = propose_idea(call=open_call, author=person, title=f"Idée {number}", text="…")
            post_comment(target=idea, author=person, text="Et aussi…")
            post_comment(target=ideas_first, author=person, text=f"Avis {number}")

    ideas_first = propose_idea(
        call=open_call, author=make_person("premier"), title="Première", text="…"
    )
    urls = [
        "/api/v1/calls/",
        "/api/v1/ideas/",
        "/api/v1/ideas/?sector=tourisme&sort=discussed",
        f"/api/v1/ideas/{ideas_first.pk}/comments/",
        "/api/v1/consultations/",
        "/api/v1/consultations/image/results/",
        "/api/v1/charter/",
        "/api/v1/register/",
    ]
    Consultation.objects.filter(pk=survey.pk).update(results_while_open=True)
    grow(2)
    cache.clear()
    small = [count_queries(partial(client.get, url)) for url in urls]
    grow(20)
    cache.clear()
    large = [count_queries(partial(client.get, url)) for url in urls]
    assert small == large, list(zip(urls, small, large, strict=True))
