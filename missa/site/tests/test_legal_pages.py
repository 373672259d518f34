"""Legal notice, accessibility statement, privacy's data controller, and the contact form."""

import pytest
from django.core import mail
from django.test import Client, override_settings

from missa.accounts.models import User
from missa.actors.models import Actor
from missa.core.models import Territory
from missa.mail.models import OutgoingEmail

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(territory: Territory) -> Territory:
    Territory.objects.filter(pk=territory.pk).update(
        publisher="Commune de Sorgueville",
        publisher_address="Hôtel de ville\n84000 Sorgueville",
        publication_director="Le maire",
        host="Hébergeur Exemple, 1 rue du Serveur, Paris",
        contact_email="communication@sorgueville.example",
        accessibility="partial",
        accessibility_notes_fr="- Les cartes n'ont pas encore d'alternative.",
    )
    return Territory.objects.get()


def test_the_legal_notice_names_publisher_director_and_host(
    client: Client, published: Territory
) -> None:
    html = client.get("/legal/").content.decode()
    for text in ("Commune de Sorgueville", "84000 Sorgueville", "Le maire", "Hébergeur Exemple"):
        assert text in html
    assert 'href="mailto:communication@sorgueville.example"' in html


def test_the_accessibility_statement_has_the_rgaa_parts(
    client: Client, published: Territory
) -> None:
    html = client.get("/accessibility/").content.decode()
    assert "<strong>partiellement conforme</strong>" in html
    assert "<li>Les cartes n'ont pas encore d'alternative.</li>" in html
    assert "Défenseur des droits" in html and 'href="/contact/"' in html
    # Every page says it, in its footer, as the RGAA asks.
    assert "Accessibilité : partiellement conforme" in client.get("/").content.decode()


def test_the_privacy_policy_names_the_data_controller(client: Client, published: Territory) -> None:
    html = client.get("/privacy/").content.decode()
    assert "Le responsable du traitement est Commune de Sorgueville." in html


def test_a_message_reaches_the_team_and_its_copy_the_sender(
    client: Client, published: Territory
) -> None:
    data = {
        "name": "Ana Roux",
        "email": "ana@example.org",
        "subject": "Rejoindre le réseau",
        "message": "Bonjour, comment candidater ?",
    }
    response = client.post("/contact/", data, follow=True)
    assert "Votre message est envoyé" in response.content.decode()
    sent = {message.to[0]: str(message.body) for message in mail.outbox}
    assert set(sent) == {"communication@sorgueville.example", "ana@example.org"}
    team = sent["communication@sorgueville.example"]
    assert "Ana Roux (ana@example.org)" in team and "comment candidater" in team
    copy = sent["ana@example.org"]
    assert copy.startswith("Bonjour Ana Roux,") and "comment candidater" in copy


def test_without_a_contact_address_messages_go_to_the_editors(
    client: Client, territory: Territory, editor: User
) -> None:
    client.post(
        "/contact/",
        {"name": "Ana", "email": "ana@example.org", "subject": "Question", "message": "Oui ?"},
    )
    assert {email.to for email in OutgoingEmail.objects.all()} == {
        "ed@example.org",
        "ana@example.org",
    }


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"email": "pas-une-adresse"}, "Saisissez une adresse de courriel valide."),
        ({"subject": "Bonjour\r\nBcc: x@example.org"}, "caractère"),
        ({"message": ""}, "Ce champ est obligatoire."),
        ({"message": "x" * 5001}, "5000"),
    ],
)
def test_a_bad_message_shows_the_form_again_with_its_error(
    client: Client, published: Territory, changes: dict[str, str], error: str
) -> None:
    data = {"name": "Ana", "email": "ana@example.org", "subject": "Question", "message": "Oui ?"}
    response = client.post("/contact/", {**data, **changes})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not OutgoingEmail.objects.exists()


def test_the_contact_form_is_rate_limited(client: Client, published: Territory) -> None:
    data = {"name": "Ana", "email": "ana@example.org", "subject": "Question", "message": "Oui ?"}
    for _ in range(5):
        assert client.post("/contact/", data).status_code == 302
    assert client.post("/contact/", data).status_code == 429
    assert OutgoingEmail.objects.count() == 10


def test_the_footer_links_the_legal_pages(client: Client, cast: dict[str, Actor]) -> None:
    html = client.get("/actors/").content.decode()
    for url in ("/contact/", "/legal/", "/privacy/", "/accessibility/"):
        assert f'href="{url}"' in html


@override_settings(LANGUAGE_CODE="fr")
def test_legal_pages_run_few_queries(client: Client, published: Territory) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in ("/legal/", "/accessibility/", "/contact/"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) <= 6, url


def test_legal_pages_answer_before_any_territory_is_configured(client: Client, db: None) -> None:
    for url in ("/legal/", "/accessibility/", "/contact/", "/privacy/"):
        assert client.get(url).status_code == 200, url
