"""Emails greet people by their name and come from the territory, never from a host name."""

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from missa.accounts.models import User
from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


@override_settings(MISSA_SITE_URL="https://attractive.sorgueville.fr/")
def test_the_sign_up_email_comes_from_the_territory_not_from_the_server(
    client: Client, territory: object
) -> None:
    client.post(
        "/accounts/signup/",
        {
            "email": "lea@example.org",
            "password1": "sorgue-2017-venise",
            "password2": "sorgue-2017-venise",
        },
    )
    [message] = mail.outbox
    body = str(message.body)
    assert body.startswith("Bonjour,\n")
    assert body.rstrip().endswith(
        "L'équipe de Sorgueville Attractive\nhttps://attractive.sorgueville.fr"
    )
    assert "attractive.sorgueville.fr." in body  # the domain named in allauth's own text
    # Named by the address given (no name yet), never by the internal username.
    assert "l'utilisateur lea@example.org a indiqué" in body
    assert "127.0.0.1" not in body


def test_a_password_reset_greets_the_person_by_name_in_their_language(
    client: Client, territory: object
) -> None:
    User.objects.create_user(
        "u-7f3a", "ana@example.org", "pw-sorgue-2017", display_name="Ana Roux", language="en"
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        user=User.objects.get(), email="ana@example.org", verified=True, primary=True
    )
    client.post("/accounts/password/reset/", {"email": "ana@example.org"})
    [message] = mail.outbox
    body = str(message.body)
    assert body.startswith("Hello Ana Roux,\n")
    assert "The team of Sorgueville Attractive" in body
    assert "u-7f3a" not in body


def test_application_emails_greet_the_applicant_by_name(
    client: Client, cast: dict[str, Actor], member: User
) -> None:
    from missa.applications.models import Application
    from missa.applications.services import notify
    from missa.charter.models import CharterVersion

    User.objects.filter(pk=member.pk).update(display_name="Alice Martin")
    member.refresh_from_db()
    application = Application.objects.create(
        applicant=member,
        kind="association",
        name="Les Amis du Vélo",
        town="Sorgueville",
        description="-",
        motivation="-",
        charter_version=CharterVersion.objects.create(title_fr="Charte", text_fr="Texte"),
        charter_accepted_at=timezone.now(),
    )
    notify(application, "submitted")
    [message] = mail.outbox
    body = str(message.body)
    assert body.startswith("Bonjour Alice Martin,\n\nVotre candidature pour Les Amis du Vélo")
    assert body.rstrip().endswith("L'équipe de Sorgueville Attractive\nhttp://127.0.0.1:8000")


def test_a_first_administrator_verifies_the_address_at_first_sign_in(
    client: Client, territory: object
) -> None:
    # As the README says: createsuperuser leaves the address unverified; signing in sends the link.
    User.objects.create_superuser("admin", "maire@example.org", "pw-sorgue-2017")
    response = client.post(
        "/accounts/login/", {"login": "maire@example.org", "password": "pw-sorgue-2017"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/confirm-email/")
    [message] = mail.outbox
    assert message.to == ["maire@example.org"] and "/accounts/confirm-email/" in str(message.body)
