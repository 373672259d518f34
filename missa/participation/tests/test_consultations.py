"""Consultations: one answer per person, changeable until closing; stored results recounted
independently; results as charts with tables; free answers only once published; the
anonymised answers for editors."""

import csv
import datetime
import io
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missa.accounts.models import User
from missa.activity.models import Activity
from missa.participation.models import (
    Answer,
    Consultation,
    Option,
    ParticipantCount,
    Question,
)
from missa.participation.services import answer_consultation, publish_consultation_results

pytestmark = pytest.mark.django_db


def q(survey: Consultation, kind: str) -> Question:
    return survey.questions.get(kind=kind)


def options(survey: Consultation, kind: str) -> list[Option]:
    return list(q(survey, kind).options.all())


def post_answers(client: Client, survey: Consultation, **chosen: Any) -> Any:
    data = {
        f"q{q(survey, 'single').pk}": chosen.get("single", options(survey, "single")[0].pk),
        f"q{q(survey, 'multiple').pk}": chosen.get(
            "multiple", [o.pk for o in options(survey, "multiple")[:2]]
        ),
        f"q{q(survey, 'scale').pk}": chosen.get("scale", 4),
        f"q{q(survey, 'long_text').pk}": chosen.get("text", "Une marque pour l'eau."),
    }
    for place, pk in enumerate(chosen.get("ranking", []), start=1):
        data[f"q{q(survey, 'ranking').pk}_{place}"] = pk
    return client.post(f"/consultations/{survey.slug}/answer/", data)


def test_answering_stores_the_results_and_changing_replaces_them(
    client: Client, survey: Consultation, lea: User
) -> None:
    client.force_login(lea)
    water, antiques, heritage = options(survey, "ranking")
    response = post_answers(client, survey, ranking=[antiques.pk, water.pk])
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.response_count == 1
    assert q(survey, "ranking").tally == {str(antiques.pk): 5, str(water.pk): 4}
    assert q(survey, "scale").tally == {"4": 1}
    # Changed: the earlier answers leave the results.
    post_answers(client, survey, scale=2, ranking=[heritage.pk])
    survey.refresh_from_db()
    assert survey.response_count == 1
    assert q(survey, "scale").tally == {"2": 1} and q(survey, "scale").answered == 1
    assert q(survey, "ranking").tally == {str(heritage.pk): 5}
    # The form comes back filled with them.
    form = client.get(f"/consultations/{survey.slug}/answer/").context["form"]
    assert form.initial[f"q{q(survey, 'scale').pk}"] == "2"
    # Answering is taking part in the programme.
    assert ParticipantCount.objects.get(call=None, kind="inhabitant").count == 1


def test_bad_answers_give_the_form_again(client: Client, survey: Consultation, lea: User) -> None:
    client.force_login(lea)
    water = options(survey, "ranking")[0]
    response = post_answers(client, survey, scale=9, ranking=[water.pk, water.pk], single=999999)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {
        f"q{q(survey, 'scale').pk}",
        f"q{q(survey, 'single').pk}",
        f"q{q(survey, 'ranking').pk}_1",
    } <= set(errors)
    assert not Answer.objects.exists()


def test_a_closed_consultation_takes_no_answer(
    client: Client, survey: Consultation, lea: User
) -> None:
    Consultation.objects.filter(pk=survey.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    survey.refresh_from_db()
    with pytest.raises(ValidationError):
        answer_consultation(consultation=survey, user=lea, answers=[])
    client.force_login(lea)
    assert client.get(f"/consultations/{survey.slug}/answer/").status_code == 302


def test_an_unconfirmed_address_cannot_answer(survey: Consultation, make_person: Any) -> None:
    with pytest.raises(PermissionDenied):
        answer_consultation(consultation=survey, user=make_person("x", verified=False), answers=[])


def test_results_wait_for_the_closing_unless_public_live(
    client: Client, survey: Consultation, lea: User
) -> None:
    client.force_login(lea)
    post_answers(client, survey)
    client.logout()
    cache.clear()
    assert client.get(f"/consultations/{survey.slug}/results/").context["results"] == []
    Consultation.objects.filter(pk=survey.pk).update(results_while_open=True)
    cache.clear()
    response = client.get(f"/consultations/{survey.slug}/results/")
    results = {result.question.kind: result for result in response.context["results"]}
    chart = results["multiple"].chart
    assert chart.labels == ["L'eau", "Les antiquaires", "Le patrimoine"]
    assert chart.series[0].values == [1, 1, 0]
    assert [share for *_, share in chart.table_rows] == [100.0, 100.0, 0.0]
    html = response.content.decode()
    assert "100,0 %" in html
    # A free answer is shown only once editors publish it.
    assert results["long_text"].texts == []
    Answer.objects.exclude(text="").update(is_published=True)
    cache.clear()
    assert (
        "Une marque pour l" in client.get(f"/consultations/{survey.slug}/results/").content.decode()
    )


def test_editors_download_anonymised_answers(
    client: Client, survey: Consultation, lea: User, marc: User, editor: User
) -> None:
    for person in (lea, marc):
        client.force_login(person)
        post_answers(client, survey)
    client.force_login(lea)
    assert client.get(f"/consultations/{survey.slug}/answers.csv").status_code == 403
    client.force_login(editor)
    response = client.get(f"/consultations/{survey.slug}/answers.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Répondant" and len(rows) == 3
    assert {row[0] for row in rows[1:]} == {"1", "2"}
    text = response.content.decode()
    assert "lea" not in text and "marc" not in text.lower().replace("marque", "")


def test_publishing_the_results_reaches_the_journal(survey: Consultation) -> None:
    with pytest.raises(ValidationError):
        publish_consultation_results(consultation=survey)
    Consultation.objects.filter(pk=survey.pk).update(
        opens_on=datetime.date(2017, 6, 1), closes_on=datetime.date(2017, 6, 30)
    )
    survey.refresh_from_db()
    publish_consultation_results(consultation=survey, on=datetime.date(2017, 7, 10))
    entry = Activity.objects.get(kind="published_results")
    assert entry.date == datetime.date(2017, 7, 10) and entry.actor == survey.organiser


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    plan=st.lists(
        st.tuples(
            st.integers(0, 2),  # who
            st.integers(0, 2),  # single
            st.sets(st.integers(0, 2), min_size=1),  # multiple
            st.integers(1, 5),  # scale
            st.permutations([0, 1, 2]),  # ranking
            st.integers(0, 3),  # how many ranked
        ),
        max_size=8,
    )
)
def test_stored_results_equal_an_independent_recount(
    survey: Consultation, make_person: Callable[..., User], plan: list[tuple[Any, ...]]
) -> None:
    from django.db import transaction

    with transaction.atomic():
        people = [make_person(f"r{n}-{id(plan)}") for n in range(3)]
        single, multiple, ranking = (
            options(survey, kind) for kind in ("single", "multiple", "ranking")
        )
        last: dict[int, tuple[Any, ...]] = {}
        for who, one, several, value, order, ranked in plan:
            answers = [Answer(question=q(survey, "single"), option=single[one])]
            answers += [
                Answer(question=q(survey, "multiple"), option=multiple[i]) for i in sorted(several)
            ]
            answers.append(Answer(question=q(survey, "scale"), value=value))
            answers += [
                Answer(question=q(survey, "ranking"), option=ranking[i], rank=place)
                for place, i in enumerate(order[:ranked], start=1)
            ]
            answer_consultation(consultation=survey, user=people[who], answers=answers)
            last[who] = (one, several, value, order[:ranked])
        expected_single = Counter(str(single[one].pk) for one, *_ in last.values())
        expected_multiple = Counter(
            str(multiple[i].pk) for _, several, *_ in last.values() for i in several
        )
        expected_scale = Counter(str(value) for _, _, value, _ in last.values())
        expected_ranking: Counter[str] = Counter()
        for *_, ranked_order in last.values():
            for place, i in enumerate(ranked_order, start=1):
                expected_ranking[str(ranking[i].pk)] += 6 - place
        survey.refresh_from_db()
        assert survey.response_count == len(last)
        assert q(survey, "single").tally == dict(expected_single)
        assert q(survey, "multiple").tally == dict(expected_multiple)
        assert q(survey, "scale").tally == dict(expected_scale)
        assert q(survey, "ranking").tally == dict(expected_ranking)
        assert q(survey, "ranking").answered == sum(1 for *_, r in last.values() if r)
        transaction.set_rollback(True)


@pytest.mark.parametrize("page", ["", "results/"])
def test_consultation_pages_run_the_same_queries_at_two_sizes(
    client: Client,
    survey: Consultation,
    make_person: Callable[..., User],
    count_queries: Callable[[Callable[[], object]], int],
    page: str,
) -> None:
    Consultation.objects.filter(pk=survey.pk).update(results_while_open=True)

    def answer(n: int) -> None:
        for number in range(n):
            person = make_person(f"p{page}{number}-{Answer.objects.count()}")
            answers = [
                Answer(question=q(survey, "long_text"), text=f"Réponse {number}", is_published=True)
            ]
            answers.append(Answer(question=q(survey, "scale"), value=3))
            answer_consultation(consultation=survey, user=person, answers=answers)

    answer(2)
    cache.clear()
    small = count_queries(lambda: client.get(f"/consultations/{survey.slug}/{page}"))
    answer(20)
    cache.clear()
    large = count_queries(lambda: client.get(f"/consultations/{survey.slug}/{page}"))
    assert small == large <= 12


def test_the_answer_form_runs_the_same_queries_at_two_sizes(
    client: Client,
    survey: Consultation,
    lea: User,
    make_person: Callable[..., User],
    count_queries: Callable[[Callable[[], object]], int],
) -> None:
    client.force_login(lea)
    post_answers(client, survey)
    small = count_queries(lambda: client.get(f"/consultations/{survey.slug}/answer/"))
    for number in range(10):
        person = make_person(f"other{number}")
        answer_consultation(
            consultation=survey,
            user=person,
            answers=[Answer(question=q(survey, "scale"), value=2)],
        )
    large = count_queries(lambda: client.get(f"/consultations/{survey.slug}/answer/"))
    assert small == large <= 20
