"""The named cast shared by every app's tests.

- the territory "Sorgueville" (INSEE 84054) with three sectors and a programme of three
  phases from May 2017 to April 2018;
- alice: an ambassador company (tourism), public, with activities in June 2017;
- bob: a person on the steering committee (co-chair), representing alice;
- carol: an institutional partner;
- dave: a company that is not public (its page is a 404, its activities never shown);
- their accounts: `owner` acts for alice (`member` is the same, signed in on the test client),
  `committee_member` is bob's own account, `editor` belongs to the town's team; the privileged
  two have the second factor.
"""

import datetime
import tempfile
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import settings as hypothesis_settings
from hypothesis.configuration import set_hypothesis_home_dir

from missa.activity.models import Activity
from missa.activity.services import record_activity
from missa.actors.models import Actor, ActorRole
from missa.core.models import Benefit, Objective, Sector, Territory
from missa.factories import valid_siret
from missa.journal.models import JournalMonth
from missa.programme.models import Deliverable, Phase

# Hypothesis keeps no example database, and its caches live outside the working tree.
hypothesis_settings.register_profile("missa", database=None)
hypothesis_settings.load_profile("missa")
set_hypothesis_home_dir(f"{tempfile.gettempdir()}/missa-hypothesis")

JUNE_2017 = datetime.date(2017, 6, 1)


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Start every test with no cached figures."""
    cache.clear()


@pytest.fixture
def territory(db: Any) -> Territory:
    return Territory.objects.create(
        name="Sorgueville",
        nickname_fr="la petite Venise",
        nickname_en="the little Venice",
        insee_code="84054",
        brand_name="Sorgueville Attractive",
        tagline_fr="Au fil de l'eau",
        tagline_en="Along the water",
        short_description_fr="Une commune qui suit sa démarche en toute transparence.",
        short_description_en="A town following its programme in the open.",
        languages=["fr", "en"],
    )


@pytest.fixture
def sectors(territory: Territory) -> dict[str, Sector]:
    return {
        slug: Sector.objects.create(order=order, slug=slug, name_fr=fr, name_en=en)
        for order, (slug, fr, en) in enumerate(
            [
                ("tourisme", "Tourisme", "Tourism"),
                ("economique", "Économique", "Economy"),
                ("connaissance", "Connaissance", "Knowledge"),
            ]
        )
    }


@pytest.fixture
def programme(territory: Territory) -> list[Phase]:
    phases = [
        Phase.objects.create(
            order=1,
            slug="etudes",
            name_fr="Études",
            name_en="Studies",
            start_month=datetime.date(2017, 5, 1),
            end_month=datetime.date(2017, 6, 1),
        ),
        Phase.objects.create(
            order=2,
            slug="strategie",
            name_fr="Stratégie",
            name_en="Strategy",
            start_month=datetime.date(2017, 7, 1),
            end_month=datetime.date(2017, 12, 1),
        ),
        Phase.objects.create(
            order=3,
            slug="marque",
            name_fr="Marque",
            name_en="Brand",
            start_month=datetime.date(2018, 1, 1),
            end_month=datetime.date(2018, 4, 1),
        ),
    ]
    Deliverable.objects.create(
        phase=phases[0],
        title_fr="Synthèse des études",
        title_en="Studies summary",
        date=datetime.date(2017, 6, 28),
        link="https://example.org/etudes.pdf",
    )
    Objective.objects.create(slug="federer", name_fr="Fédérer", name_en="Federate")
    Benefit.objects.create(slug="sociales", name_fr="Retombées sociales", name_en="Social")
    JournalMonth.objects.create(
        month=JUNE_2017,
        title_fr="Écouter le territoire",
        title_en="Listening",
        editorial_fr="Le mois des **études**.",
        editorial_en="The month of **studies**.",
        is_published=True,
    )
    JournalMonth.objects.create(
        month=datetime.date(2017, 7, 1),
        title_fr="Brouillon",
        editorial_fr="Pas encore prêt.",
        is_published=False,
    )
    return phases


@pytest.fixture
def alice(sectors: dict[str, Sector]) -> Actor:
    actor = Actor.objects.create(
        kind=Actor.Kind.COMPANY,
        name="Atelier Alice",
        slug="atelier-alice",
        siret=valid_siret(1),
        town="L'Isle-sur-la-Sorgue",
        postcode="84800",
        joined_on=datetime.date(2017, 5, 20),
        description_fr="Un atelier au bord de l'eau.",
    )
    actor.sectors.set([sectors["tourisme"]])
    ActorRole.objects.create(
        actor=actor, role=ActorRole.Role.AMBASSADOR, start_date=datetime.date(2017, 5, 20)
    )
    return actor


@pytest.fixture
def bob(alice: Actor, sectors: dict[str, Sector]) -> Actor:
    actor = Actor.objects.create(
        kind=Actor.Kind.PERSON,
        name="Bob Martin",
        slug="bob-martin",
        represents=alice,
        joined_on=datetime.date(2017, 5, 1),
    )
    actor.sectors.set([sectors["economique"]])
    ActorRole.objects.create(
        actor=actor,
        role=ActorRole.Role.COMMITTEE_MEMBER,
        position_fr="Coprésident",
        position_en="Co-chair",
        start_date=datetime.date(2017, 5, 1),
    )
    return actor


@pytest.fixture
def carol(sectors: dict[str, Sector]) -> Actor:
    actor = Actor.objects.create(
        kind=Actor.Kind.INSTITUTION,
        name="CCI de Sorgueville",
        slug="cci-sorgueville",
        joined_on=datetime.date(2017, 5, 1),
    )
    actor.sectors.set([sectors["economique"]])
    ActorRole.objects.create(
        actor=actor, role=ActorRole.Role.INSTITUTIONAL_PARTNER, start_date=datetime.date(2017, 5, 1)
    )
    return actor


@pytest.fixture
def dave(sectors: dict[str, Sector]) -> Actor:
    actor = Actor.objects.create(
        kind=Actor.Kind.COMPANY,
        name="Dave Discret",
        slug="dave-discret",
        is_public=False,
        joined_on=datetime.date(2017, 6, 1),
    )
    actor.sectors.set([sectors["tourisme"]])
    return actor


@pytest.fixture
def cast(
    programme: list[Phase], alice: Actor, bob: Actor, carol: Actor, dave: Actor
) -> dict[str, Actor]:
    """The whole cast, with what each did in June 2017."""
    record_activity(
        actor=alice,
        kind=Activity.Kind.HOSTED_EVENT,
        title="Portes ouvertes de l'atelier",
        title_en="Workshop open day",
        date=datetime.date(2017, 6, 10),
    )
    record_activity(
        actor=bob,
        kind=Activity.Kind.ATTENDED_MEETING,
        title="Comité de pilotage de juin",
        title_en="June steering committee",
        date=datetime.date(2017, 6, 6),
    )
    record_activity(
        actor=carol,
        kind=Activity.Kind.PUBLISHED_DOCUMENT,
        title="Note de conjoncture",
        date=datetime.date(2017, 6, 20),
    )
    record_activity(
        actor=dave,
        kind=Activity.Kind.HOSTED_EVENT,
        title="Réunion privée de Dave",
        date=datetime.date(2017, 6, 12),
    )
    record_activity(
        actor=alice,
        kind=Activity.Kind.MEDIA_MENTION,
        title="Brouillon d'Alice",
        date=datetime.date(2017, 6, 14),
        is_public=False,
    )
    return {"alice": alice, "bob": bob, "carol": carol, "dave": dave}


# The cast's accounts.


@pytest.fixture
def owner(cast: dict[str, Actor]) -> Any:
    """The account that acts for Atelier Alice as its owner: an ambassador member."""
    from missa.accounts.models import User
    from missa.actors.models import Membership

    user = User.objects.create_user("amb", "amb@example.org", "pw-sorgue-2017")
    Membership.objects.create(user=user, actor=cast["alice"], role=Membership.Role.OWNER)
    return user


@pytest.fixture
def member(client: Any, owner: Any) -> Any:
    """Atelier Alice's owner, signed in on the test client."""
    client.force_login(owner)
    return owner


@pytest.fixture
def committee_member(cast: dict[str, Actor]) -> Any:
    """Bob Martin's own account (he sits on the steering committee), with the second factor."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from missa.accounts.models import User

    user = User.objects.create_user("bob", "bob@example.org", "pw-sorgue-2017")
    Actor.objects.filter(pk=cast["bob"].pk).update(user=user)
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def editor(territory: Territory) -> Any:
    """A member of the town's team in the editors group, with the second factor."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.models import Group

    from missa.accounts.models import User

    user = User.objects.create_user("ed", "ed@example.org", "pw-sorgue-2017", is_staff=True)
    user.groups.add(Group.objects.get(name="editors"))
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def count_queries() -> Callable[[Callable[[], object]], int]:
    """Return how many SQL queries a call makes."""

    def counter(call: Callable[[], object]) -> int:
        with CaptureQueriesContext(connection) as context:
            call()
        return len(context.captured_queries)

    return counter


@pytest.fixture
def grow(sectors: dict[str, Sector]) -> Callable[[int], None]:
    """Return a function that adds n public ambassador companies, each active in June 2017."""
    from missa.activity.services import ActivityRecord, record_activities

    serial = iter(range(10_000, 1_000_000))

    def add(n: int) -> None:
        actors = Actor.objects.bulk_create(
            [
                Actor(
                    kind=Actor.Kind.COMPANY,
                    name=f"Volume {number}",
                    slug=f"volume-{number}",
                    siret=valid_siret(number),
                    joined_on=datetime.date(2017, 5, 2),
                    # Every other one has its pin on the map (the directory's map view).
                    latitude=Decimal("43.9") + Decimal(number % 97) / 1000 if number % 2 else None,
                    longitude=Decimal("5.05") if number % 2 else None,
                )
                for number in (next(serial) for _ in range(n))
            ]
        )
        sector_ids = [sector.pk for sector in sectors.values()]
        through = Actor.sectors.through
        through.objects.bulk_create(
            [
                through(actor_id=actor.pk, sector_id=sector_ids[i % 3])
                for i, actor in enumerate(actors)
            ]
        )
        ActorRole.objects.bulk_create(
            [
                ActorRole(actor=actor, role=ActorRole.Role.AMBASSADOR, start_date=actor.joined_on)
                for actor in actors
            ]
        )
        record_activities(
            [
                ActivityRecord(
                    actor_id=actor.pk,
                    kind=kind,
                    title=f"{kind} {actor.name}",
                    date=datetime.date(2017, 6, 1 + i % 28),
                    sector_ids=[sector_ids[i % 3]],
                )
                for i, actor in enumerate(actors)
                for kind in ("hosted_event", "promoted_brand")
            ]
        )

    return add


@pytest.fixture
def assert_constant_queries(
    client: Any, grow: Callable[[int], None], count_queries: Callable[[Callable[[], object]], int]
) -> Callable[..., None]:
    """Return a check that a URL runs the same number of queries (at most 12, or the limit
    given) at two sizes."""

    def check(url: str, limit: int = 12) -> None:
        # Measure the worst case: key figures computed, not read from the cache.
        cache.clear()
        small = count_queries(lambda: client.get(url))
        grow(60)
        cache.clear()
        large = count_queries(lambda: client.get(url))
        assert small == large <= limit, f"{url}: {small} queries, then {large} with more data"

    return check


@pytest.fixture
def totp_code() -> Callable[[Any], str]:
    """Return a function giving the current code of a user's authenticator app."""
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator

    from missa.testing.totp import current_totp_code

    def code(user: Any) -> str:
        authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
        return current_totp_code(get_adapter().decrypt(authenticator.data["secret"]))

    return code


@pytest.fixture
def admin_user(db: Any, django_user_model: Any) -> Any:
    """The superuser of pytest-django's admin_client, with the two-factor set-up staff need."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "password")
    TOTP.activate(user, generate_totp_secret())
    return user
