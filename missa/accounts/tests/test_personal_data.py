import json

import pytest
from django.test import Client

from missa.accounts.models import User
from missa.actors.models import Actor, Membership

pytestmark = pytest.mark.django_db
PASSWORD = "pw-sorgue-2017"


@pytest.fixture
def lea(client: Client, cast: dict[str, Actor]) -> User:
    user = User.objects.create_user("lea", "lea@example.org", PASSWORD, display_name="Léa")
    Membership.objects.create(user=user, actor=cast["alice"], role="owner")
    Actor.objects.filter(pk=cast["bob"].pk).update(user=user)
    client.force_login(user)
    return user


def test_privacy_page_is_public_in_both_languages(client: Client, db: None) -> None:
    assert "aucun script tiers" in client.get("/privacy/").content.decode()
    assert "no third-party scripts" in client.get("/en/privacy/").content.decode()


def test_download_my_data_gives_everything_as_json(client: Client, lea: User) -> None:
    assert client.get("/accounts/my-data/").status_code == 200
    response = client.post("/accounts/my-data/")
    assert response["Content-Disposition"] == 'attachment; filename="missa-my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "lea@example.org"
    assert data["memberships"] == [{"actor": "Atelier Alice", "role": "owner"}]
    assert data["person"]["name"] == "Bob Martin"


def test_email_consent_is_recorded_and_can_be_withdrawn(client: Client, lea: User) -> None:
    client.post("/accounts/profile/", {"language": "fr", "email_news": "on"})
    lea.refresh_from_db()
    assert lea.email_consent_at is not None
    client.post("/accounts/profile/", {"language": "fr"})
    lea.refresh_from_db()
    assert lea.email_consent_at is None


def test_deleting_needs_the_password(client: Client, lea: User) -> None:
    response = client.post("/accounts/delete/", {"password": "wrong"})
    assert response.status_code == 200
    assert "Ce n&#x27;est pas votre mot de passe." in response.content.decode()
    assert User.objects.filter(pk=lea.pk).exists()


def test_deleting_with_two_factor_needs_a_current_code(client: Client, lea: User) -> None:
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    secret = generate_totp_secret()
    TOTP.activate(lea, secret)
    assert "code" in client.get("/accounts/delete/").content.decode()
    response = client.post("/accounts/delete/", {"password": PASSWORD, "code": "123456"})
    assert response.status_code == 200
    assert "Ce code n&#x27;est pas valide" in response.content.decode()
    assert User.objects.filter(pk=lea.pk).exists()
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    response = client.post("/accounts/delete/", {"password": PASSWORD, "code": code})
    assert response.status_code == 302
    assert not User.objects.filter(pk=lea.pk).exists()


def test_deleting_erases_the_person_and_keeps_organisations_and_public_history(
    client: Client, lea: User, cast: dict[str, Actor]
) -> None:
    response = client.post("/accounts/delete/", {"password": PASSWORD}, follow=True)
    assert "Votre compte et vos données personnelles sont supprimés." in response.content.decode()
    assert not User.objects.filter(email="lea@example.org").exists()
    assert not Membership.objects.exists()
    assert Actor.objects.filter(pk=cast["alice"].pk).exists()
    bob = Actor.objects.get(pk=cast["bob"].pk)
    assert bob.name == "Ancien participant"
    assert bob.user is None
    assert bob.activities.exists()
    assert "Mon compte" not in client.get("/").content.decode()
