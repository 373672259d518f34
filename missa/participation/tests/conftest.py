"""Co-construction's cast: an open call run by the commune (carol stands in for it), and
people who confirmed their address — léa (an inhabitant) and marc (a visitor)."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from missa.accounts.models import User
from missa.actors.models import Actor
from missa.participation.models import Call, Consultation, Option, Question
from missa.programme.models import Phase


@pytest.fixture
def make_person(db: Any) -> Callable[..., User]:
    def make(
        name: str, kind: str = "inhabitant", *, verified: bool = True, language: str = "fr"
    ) -> User:
        user = User.objects.create_user(
            name,
            f"{name}@example.org",
            "pw-sorgue-2017",
            display_name=name.title(),
            language=language,
        )
        User.objects.filter(pk=user.pk).update(participant_kind=kind)
        user.participant_kind = kind
        EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
        return user

    return make


@pytest.fixture
def lea(make_person: Callable[..., User]) -> User:
    return make_person("lea", "inhabitant")


@pytest.fixture
def marc(make_person: Callable[..., User]) -> User:
    return make_person("marc", "visitor", language="en")


@pytest.fixture
def open_call(cast: dict[str, Actor], sectors: dict[str, Any]) -> Call:
    today = timezone.localdate()
    call = Call.objects.create(
        slug="bien-vivre",
        phase=Phase.objects.order_by("order")[0],
        organiser=cast["carol"],
        title_fr="Bien vivre au bord de l'eau",
        title_en="Living well by the water",
        question_fr="Qu'est-ce qui rendrait la vie plus agréable ?",
        question_en="What would make life better?",
        opens_on=today - datetime.timedelta(days=5),
        closes_on=today + datetime.timedelta(days=20),
        supports_per_person=2,
        published_at=timezone.now(),
    )
    call.sectors.add(sectors["tourisme"])
    return call


@pytest.fixture
def survey(open_call: Call) -> Consultation:
    consultation = Consultation.objects.create(
        slug="image",
        phase=open_call.phase,
        organiser=open_call.organiser,
        title_fr="L'image de la ville",
        opens_on=open_call.opens_on,
        closes_on=open_call.closes_on,
        published_at=timezone.now(),
    )
    kinds = [
        ("single", True),
        ("multiple", True),
        ("scale", True),
        ("ranking", False),
        ("long_text", False),
    ]
    for order, (kind, required) in enumerate(kinds):
        question = Question.objects.create(
            consultation=consultation,
            order=order,
            kind=kind,
            text_fr=f"Question {kind}",
            required=required,
        )
        if kind in {"single", "multiple", "ranking"}:
            for number, text in enumerate(["L'eau", "Les antiquaires", "Le patrimoine"]):
                Option.objects.create(question=question, order=number, text_fr=text)
    return consultation
