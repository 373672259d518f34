import datetime
import json

import pytest
from django.test import Client
from django.utils import translation

from missa.accounts.models import User
from missa.actors.models import Actor, Membership

pytestmark = pytest.mark.django_db
PASSWORD = "pw-sorgue-2017"
JUNE = datetime.date(2017, 6, 20)


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
    assert data["account"]["password"] == "(hidden)"
    held = data["held_about_you"]
    [membership] = held["actors.Membership (user)"]
    assert (membership["actor"], membership["role"]) == ("Atelier Alice", "owner")
    assert held["actors.Actor (user)"][0]["name"] == "Bob Martin"


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
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from missa.testing.totp import current_totp_code

    secret = generate_totp_secret()
    TOTP.activate(lea, secret)
    assert "code" in client.get("/accounts/delete/").content.decode()
    response = client.post("/accounts/delete/", {"password": PASSWORD, "code": "123456"})
    assert response.status_code == 200
    assert "Ce code n&#x27;est pas valide" in response.content.decode()
    assert User.objects.filter(pk=lea.pk).exists()
    code = current_totp_code(secret)
    response = client.post("/accounts/delete/", {"password": PASSWORD, "code": code})
    assert response.status_code == 302
    assert not User.objects.filter(pk=lea.pk).exists()


def test_the_export_holds_everything_about_the_person(
    client: Client, lea: User, cast: dict[str, Actor]
) -> None:
    from django.core.files.base import ContentFile

    from missa.activity.services import report_activity
    from missa.actors.services import update_actor_profile
    from missa.brandkit.models import BrandAsset, Download, UsageAcceptance
    from missa.charter.models import CharterVersion
    from missa.factories import ApplicationFactory
    from missa.mail.services import queue_email

    report_activity(
        actor=cast["alice"], user=lea, kind="hosted_event", title="Atelier ouvert", date=JUNE
    )
    update_actor_profile(actor=cast["alice"], user=lea, values={"town": "Fontaine"}, sectors=[])
    asset = BrandAsset.objects.create(title_fr="Logo", kind="logo", access="public")
    asset.file.save("logo.pdf", ContentFile(b"%PDF-1.7"))
    Download.objects.create(asset=asset, user=lea)
    UsageAcceptance.objects.create(user=lea)
    charter = CharterVersion.objects.create(title_fr="Charte", text_fr="Texte")
    ApplicationFactory.create(
        applicant=lea, address="1 quai", description="Une association.", charter_version=charter
    )
    queue_email(to="LEA@example.org", subject="Bienvenue", body="…")
    client.post("/accounts/profile/", {"language": "en", "display_name": "Léa B."})  # audited
    held = json.loads(client.post("/accounts/my-data/").content)
    data = held["held_about_you"]
    assert data["activity.Activity (reported_by)"][0]["title"] == "Atelier ouvert"
    assert data["actors.ActorRevision (user)"][0]["after"]["town"] == "Fontaine"
    assert data["brandkit.Download (user)"][0]["asset"].startswith("Logo")
    assert len(data["brandkit.UsageAcceptance (user)"]) == 1
    [application] = data["applications.Application (applicant)"]
    assert (application["address"], application["description"]) == ("1 quai", "Une association.")
    assert any(entry["model"] == "user" for entry in data["audit.AuditEntry (user)"])
    assert held["emails_sent_to_you"][0]["subject"] == "Bienvenue"


def test_deleting_erases_the_person_and_keeps_organisations_and_public_history(
    client: Client, lea: User, cast: dict[str, Actor]
) -> None:
    response = client.post("/accounts/delete/", {"password": PASSWORD}, follow=True)
    assert "Votre compte et vos données personnelles sont supprimés." in response.content.decode()
    assert not User.objects.filter(email="lea@example.org").exists()
    assert not Membership.objects.exists()
    assert Actor.objects.filter(pk=cast["alice"].pk).exists()
    bob = Actor.objects.get(pk=cast["bob"].pk)
    assert str(bob.name) == "Ancien participant"
    with translation.override("en"):
        assert str(bob.name) == "Former participant"
    assert bob.user is None
    assert bob.activities.exists()
    assert "bob" not in bob.slug and "martin" not in bob.slug
    assert not bob.search_name
    assert "Mon compte" not in client.get("/").content.decode()
    # The person's page reads in each language; their old address is gone.
    assert client.get("/actors/bob-martin/").status_code == 404
    english = client.get(f"/en/actors/{bob.slug}/").content.decode()
    assert "Former participant" in english
    assert "Ancien participant" not in english


def test_deleting_leaves_no_name_or_address_in_the_audit_log(
    client: Client, lea: User, cast: dict[str, Actor]
) -> None:
    from missa.audit.models import AuditEntry
    from missa.mail.services import queue_email

    client.post("/accounts/profile/", {"language": "fr", "display_name": "Léa Dupont"})
    client.post("/accounts/profile/", {"language": "fr", "display_name": "Léa D."})
    queue_email(to="lea@example.org", subject="Bienvenue", body="…")
    assert AuditEntry.objects.filter(user_repr="Léa D.").exists()
    client.post("/accounts/delete/", {"password": PASSWORD})
    log = json.dumps(list(AuditEntry.objects.values()), default=str)
    for trace in ("Léa Dupont", "Léa D.", "lea@example.org", "Bob Martin"):
        assert trace not in log, trace
    from missa.mail.models import OutgoingEmail

    assert not OutgoingEmail.objects.filter(to="lea@example.org").exists()


@pytest.mark.parametrize(
    "url", ["/accounts/profile/", "/accounts/my-data/", "/network/my-applications/", "/"]
)
def test_pages_for_a_signed_in_person_are_never_stored(client: Client, lea: User, url: str) -> None:
    assert client.get(url)["Cache-Control"] == "private, no-store"


def test_the_data_export_is_never_stored(client: Client, lea: User) -> None:
    assert client.post("/accounts/my-data/")["Cache-Control"] == "private, no-store"
