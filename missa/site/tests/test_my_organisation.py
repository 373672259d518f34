"""A member's home: the organisations they act for, what they do for them, their applications."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from missa.accounts.models import User
from missa.activity.services import hide_activity, report_activity
from missa.actors.models import Actor, ActorRole

pytestmark = pytest.mark.django_db


def test_a_member_finds_their_organisation_and_what_to_do_for_it(
    client: Client, member: User, cast: dict[str, Actor]
) -> None:
    alice = cast["alice"]
    shown = report_activity(
        actor=alice, user=member, kind="media_mention", title="Un article", date=alice.joined_on
    )
    hidden = report_activity(
        actor=alice,
        user=member,
        kind="promoted_brand",
        title="Une vitrine",
        date=alice.joined_on + datetime.timedelta(days=1),
    )
    hide_activity(activity=hidden, reason="Sans rapport avec la marque")
    page = client.get("/my-organisation/").content.decode()
    # In the account menu, marked as the current page.
    assert '<a href="/my-organisation/" aria-current="page">Mon organisation</a>' in page
    desk = page.split('class="card desk"')[1].split("</section>")[0]
    assert alice.name in desk
    for link in ("report/", "edit/", "history/", "reports/"):
        assert f'href="/actors/atelier-alice/{link}"' in desk
    assert f'href="{shown.get_absolute_url()}"' in desk and "Publiée" in desk
    assert "Masquée" in desk and "Sans rapport avec la marque" in desk
    assert f'href="{hidden.get_absolute_url()}"' not in desk  # a hidden report has no page
    assert 'href="/brand-kit/"' in page


def test_someone_without_an_organisation_is_shown_the_way_in(client: Client) -> None:
    user = User.objects.create_user("zoe", "zoe@example.org", "pw-sorgue-2017")
    client.force_login(user)
    page = client.get("/my-organisation/").content.decode()
    assert "Vous n'agissez encore pour aucune organisation du réseau." in page
    assert 'href="/network/join/"' in page
    assert "Vous n'avez pas encore candidaté." in page
    # The menu offers the page only to those who act for an organisation.
    assert '<a href="/my-organisation/">' not in client.get("/").content.decode()


def test_a_suspended_organisation_leaves_its_members_home(
    client: Client, member: User, cast: dict[str, Actor]
) -> None:
    ActorRole.objects.filter(actor=cast["alice"]).update(
        end_date=datetime.date.today() - datetime.timedelta(days=1)
    )
    page = client.get("/my-organisation/").content.decode()
    assert 'class="card desk"' not in page
    assert "Vous n'agissez encore pour aucune organisation du réseau." in page


def test_signed_out_visitors_are_asked_to_sign_in(client: Client) -> None:
    response = client.get("/my-organisation/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_welcome_email_links_to_each_place(
    client: Client, cast: dict[str, Actor], owner: User
) -> None:
    from missa.applications.models import Application
    from missa.applications.services import notify
    from missa.charter.models import CharterVersion

    application = Application.objects.create(
        applicant=owner,
        kind="company",
        name="Atelier Alice",
        requested_role="ambassador",
        actor=cast["alice"],
        status="approved",
        charter_version=CharterVersion.objects.create(title_fr="Charte", text_fr="Texte"),
        charter_accepted_at=timezone.now(),
    )
    notify(application, "approved")
    body = mail.outbox[-1].body
    for path in (
        "/my-organisation/",
        "/actors/atelier-alice/edit/",
        "/actors/atelier-alice/report/",
        "/actors/atelier-alice/reports/",
        "/brand-kit/",
        "/network/my-applications/",
    ):
        assert f"{path}\n" in body or f"{path}\r\n" in body, path


def test_a_members_home_runs_the_same_queries_at_two_sizes(
    member: User, cast: dict[str, Actor], assert_constant_queries: object
) -> None:
    alice = cast["alice"]
    for day in range(3):
        report_activity(
            actor=alice,
            user=member,
            kind="media_mention",
            title=f"Article {day}",
            date=alice.joined_on + datetime.timedelta(days=day),
        )
    assert_constant_queries("/my-organisation/")  # type: ignore[operator]
