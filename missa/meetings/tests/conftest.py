"""The committee's cast: Bob (on the committee since May 2017, conftest) and two more members,
a meeting held last week and one coming, convened by the CCI (carol stands in for the town)."""

import datetime
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from missa.accounts.models import User
from missa.actors.models import Actor, ActorRole
from missa.core.models import Sector
from missa.meetings.models import AgendaItem, Decision, Meeting


@pytest.fixture
def lea_user(db: Any) -> User:
    """Someone signed up, on no committee."""
    return User.objects.create_user("lea", "lea@example.org", "pw-sorgue-2017")


@pytest.fixture
def members(cast: dict[str, Actor]) -> list[Actor]:
    """The committee: Bob, Chloé and Denis (by name, as the roll lists them)."""
    people = [cast["bob"]]
    for slug, name in (("chloe", "Chloé Arnaud"), ("denis", "Denis Brun")):
        person = Actor.objects.create(
            kind=Actor.Kind.PERSON, name=name, slug=slug, joined_on=datetime.date(2017, 5, 1)
        )
        ActorRole.objects.create(
            actor=person,
            role=ActorRole.Role.COMMITTEE_MEMBER,
            start_date=datetime.date(2017, 5, 1),
        )
        people.append(person)
    return sorted(people, key=lambda person: person.name)


@pytest.fixture
def make_meeting(cast: dict[str, Actor]) -> Callable[..., Meeting]:
    def make(
        slug: str,
        *,
        days: int = -7,
        published: bool = True,
        kind: str = Meeting.Kind.COMMITTEE,
        confidential_item: bool = False,
    ) -> Meeting:
        start = timezone.now() + datetime.timedelta(days=days)
        meeting = Meeting.objects.create(
            slug=slug,
            kind=kind,
            title_fr=f"Comité {slug}",
            title_en=f"Committee {slug}",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            place="Hôtel de ville",
            organiser=cast["carol"],
            published_at=timezone.now() - datetime.timedelta(days=30) if published else None,
        )
        AgendaItem.objects.create(meeting=meeting, order=1, title_fr="Le calendrier")
        if confidential_item:
            AgendaItem.objects.create(
                meeting=meeting, order=2, title_fr="Budget des études", is_confidential=True
            )
        return meeting

    return make


@pytest.fixture
def past_meeting(make_meeting: Callable[..., Meeting], members: list[Actor]) -> Meeting:
    return make_meeting("copil-passe", days=-7, confidential_item=True)


@pytest.fixture
def statuses(members: list[Actor]) -> Callable[..., dict[int, str]]:
    def roll(*chosen: str) -> dict[int, str]:
        return {member.pk: status for member, status in zip(members, chosen, strict=True)}

    return roll


@pytest.fixture
def everyone_present(statuses: Callable[..., dict[int, str]]) -> dict[int, str]:
    return statuses("present", "present", "present")


def pdf() -> Any:
    from django.core.files.base import ContentFile

    return ContentFile(b"%PDF-1.4\n% a test document\n", name="devis.pdf")


@pytest.fixture
def held_meetings(
    make_meeting: Callable[..., Meeting], sectors: dict[str, Sector]
) -> Callable[[int], None]:
    """Return what adds n held workshops, each with a decision in tourism, numbered on from
    the previous call of the test (for the query counts at two sizes)."""
    serial = itertools.count(1)

    def grow(n: int) -> None:
        for _ in range(n):
            number = next(serial)
            meeting = make_meeting(f"atelier-{number}", days=-10 - number, confidential_item=True)
            Meeting.objects.filter(pk=meeting.pk).update(held_at=meeting.ends_at)
            decision = Decision.objects.create(
                number=1000 + number,
                meeting=meeting,
                decided_on=meeting.date,
                title_fr=f"Décision d'atelier {number}",
                text_fr="Texte.",
                method=Decision.Method.CONSENSUS,
            )
            decision.sectors.add(sectors["tourisme"])

    return grow
