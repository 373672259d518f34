"""The pages added with the network run a fixed number of queries, whatever the data size."""

from collections.abc import Callable

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from missa.accounts.models import User
from missa.activity.services import report_activity
from missa.actors.models import Actor, Membership
from missa.applications.models import Application
from missa.brandkit.models import BrandAsset
from missa.charter.models import CharterVersion, Commitment
from missa.charter.services import publish_charter_version

pytestmark = pytest.mark.django_db


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.fixture
def charter(db: None) -> CharterVersion:
    version = CharterVersion.objects.create(title_fr="Charte", text_fr="Texte")
    Commitment.objects.create(version=version, text_fr="Promouvoir")
    return publish_charter_version(version=version)


def add_applications(applicant: User, charter: CharterVersion, count: int) -> None:
    Application.objects.bulk_create(
        [
            Application(
                applicant=applicant,
                kind="association",
                name=f"Association {n}",
                town="Sorgueville",
                description="-",
                motivation="-",
                charter_version=charter,
                charter_accepted_at=timezone.now(),
            )
            for n in range(count)
        ]
    )


def test_review_queue_and_my_applications(
    client: Client, cast: dict[str, Actor], charter: CharterVersion
) -> None:
    reviewer = User.objects.create_user("rev", "rev@example.org", "pw-sorgue-2017")
    Actor.objects.filter(pk=cast["bob"].pk).update(user=reviewer)
    TOTP.activate(reviewer, generate_totp_secret())
    client.force_login(reviewer)
    add_applications(reviewer, charter, 3)
    small = [queries(client, "/network/review/"), queries(client, "/network/my-applications/")]
    add_applications(reviewer, charter, 40)
    large = [queries(client, "/network/review/"), queries(client, "/network/my-applications/")]
    assert small == large
    assert max(large) <= 20


def test_brand_kit(client: Client, cast: dict[str, Actor]) -> None:
    def add(count: int) -> None:
        for n in range(count):
            asset = BrandAsset(title_fr=f"Logo {n}", kind="logo", access="public")
            asset.file.save(f"logo{n}.pdf", ContentFile(b"%PDF-1.7"), save=False)
            asset.save()

    add(2)
    small = queries(client, "/brand-kit/")
    add(30)
    assert queries(client, "/brand-kit/") == small <= 12


def test_reported_actions(
    client: Client, cast: dict[str, Actor], grow: Callable[[int], None]
) -> None:
    member = User.objects.create_user("amb", "amb@example.org", "pw-sorgue-2017")
    Membership.objects.create(user=member, actor=cast["alice"], role="owner")
    client.force_login(member)

    def add(count: int) -> None:
        for n in range(count):
            report_activity(
                actor=cast["alice"],
                user=member,
                kind="promoted_brand",
                title=f"Salon {n}",
                date=cast["alice"].joined_on,
            )

    add(2)
    small = [
        queries(client, "/actors/atelier-alice/reports/"),
        queries(client, "/actors/atelier-alice/"),
    ]
    add(30)
    grow(30)
    large = [
        queries(client, "/actors/atelier-alice/reports/"),
        queries(client, "/actors/atelier-alice/"),
    ]
    assert small == large
    assert max(large) <= 20


def test_page_editing_and_its_history(
    client: Client, cast: dict[str, Actor], grow: Callable[[int], None]
) -> None:
    from missa.actors.services import update_actor_profile

    member = User.objects.create_user("amb", "amb@example.org", "pw-sorgue-2017")
    Membership.objects.create(user=member, actor=cast["alice"], role="owner")
    client.force_login(member)

    def change(count: int) -> None:
        for n in range(count):
            update_actor_profile(
                actor=cast["alice"],
                user=member,
                values={"website": f"https://e{n}.example.org"},
                sectors=list(cast["alice"].sectors.all()),
            )

    change(2)
    urls = ["/actors/atelier-alice/edit/", "/actors/atelier-alice/history/", "/accounts/my-data/"]
    small = [queries(client, url) for url in urls]
    change(30)
    grow(30)
    assert [queries(client, url) for url in urls] == small
    assert max(small) <= 20
