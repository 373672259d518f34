"""factory-boy factories, for tests that need volume. The named cast lives in conftest.py."""

import datetime
import itertools

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from missa.accounts.models import User
from missa.activity.models import Activity
from missa.actors.models import Actor, ActorRole
from missa.actors.validators import with_luhn_digit
from missa.applications.models import Application
from missa.charter.models import CharterVersion
from missa.core.models import Sector

_siret_serial = itertools.count(1)


def valid_siret(serial: int) -> str:
    """Return a checksum-valid SIRET built from a serial number."""
    return with_luhn_digit(f"7{serial:012d}")


class SectorFactory(DjangoModelFactory[Sector]):
    class Meta:
        model = Sector

    order = factory.Sequence(lambda n: n)
    slug = factory.Sequence(lambda n: f"sector-{n}")
    name_fr = factory.Sequence(lambda n: f"Secteur {n}")
    name_en = factory.Sequence(lambda n: f"Sector {n}")


class ActorFactory(DjangoModelFactory[Actor]):
    class Meta:
        model = Actor

    kind = Actor.Kind.COMPANY
    name = factory.Sequence(lambda n: f"Entreprise {n:05d}")
    slug = factory.Sequence(lambda n: f"entreprise-{n:05d}")
    siret = factory.LazyFunction(lambda: valid_siret(next(_siret_serial)))
    town = "L'Isle-sur-la-Sorgue"
    postcode = "84800"
    joined_on = datetime.date(2017, 6, 1)


class RoleFactory(DjangoModelFactory[ActorRole]):
    class Meta:
        model = ActorRole

    actor = factory.SubFactory(ActorFactory)
    role = ActorRole.Role.AMBASSADOR
    start_date = datetime.date(2017, 6, 1)


class ActivityFactory(DjangoModelFactory[Activity]):
    """Builds ledger rows directly; tests of pages then call refresh_month_summaries."""

    class Meta:
        model = Activity

    actor = factory.SubFactory(ActorFactory)
    kind = Activity.Kind.HOSTED_EVENT
    title_fr = factory.Sequence(lambda n: f"Activité {n}")
    title_en = factory.Sequence(lambda n: f"Activity {n}")
    date = datetime.date(2017, 6, 15)


class ApplicationFactory(DjangoModelFactory[Application]):
    """An application for an association, under the published charter (there must be one)."""

    class Meta:
        model = Application

    applicant = factory.SubFactory("missa.factories.UserFactory")
    kind = Actor.Kind.ASSOCIATION
    name = factory.Sequence(lambda n: f"Association {n}")
    town = "Sorgueville"
    description = "-"
    motivation = "-"
    charter_version = factory.LazyFunction(
        lambda: CharterVersion.objects.published().order_by("-number").first()
    )
    charter_accepted_at = factory.LazyFunction(timezone.now)


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
