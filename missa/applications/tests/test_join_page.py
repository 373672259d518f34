"""The network's front door: "Become an ambassador", and the path from it to the application."""

import re
from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client

from missa.actors.models import Actor
from missa.applications.models import Question
from missa.charter.models import CharterVersion, Commitment
from missa.charter.services import publish_charter_version
from missa.core.models import Territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def charter(cast: dict[str, Actor]) -> CharterVersion:
    version = CharterVersion.objects.create(
        title_fr="Charte", text_fr="Texte", benefits_fr="Le **kit de marque** complet."
    )
    Commitment.objects.create(version=version, order=1, text_fr="Promouvoir", is_required=True)
    Commitment.objects.create(version=version, order=2, text_fr="Parrainer", is_required=False)
    Question.objects.create(order=1, question_fr="Combien ça coûte ?", answer_fr="Rien du *tout*.")
    return publish_charter_version(version=version)


def test_the_join_page_says_what_ambassadors_commit_to_receive_and_pay(
    client: Client, charter: CharterVersion
) -> None:
    html = client.get("/network/join/").content.decode()
    assert "<h1>Devenir ambassadeur</h1>" in html
    assert "<li>Promouvoir</li>" in html and "<li>Parrainer</li>" in html
    assert "<strong>kit de marque</strong>" in html
    assert "Rien : l'adhésion est gratuite." in html
    assert "répond sous 21 jours" in html
    assert "<summary>Combien ça coûte ?</summary>" in html and "<em>tout</em>" in html
    # A visitor creates an account, then lands on the application form.
    assert 'href="/accounts/signup/?next=/network/apply/"' in html
    Territory.objects.update(membership_fee_fr="50 € par an", review_days=10)
    html = client.get("/network/join/").content.decode()
    assert "50 € par an" in html and "répond sous 10 jours" in html


def test_without_a_charter_the_join_page_says_applications_are_not_open(
    client: Client, cast: dict[str, Actor]
) -> None:
    html = client.get("/network/join/").content.decode()
    assert "Les candidatures ouvriront une fois la charte publiée." in html
    assert "/network/apply/" not in html


def test_the_front_door_is_first_on_the_pages_that_lead_to_it(
    client: Client, charter: CharterVersion
) -> None:
    for page in ("/", "/charter/", "/brand-kit/", "/network/register/"):
        html = client.get(page).content.decode()
        assert 'href="/network/join/">Devenir ambassadeur</a>' in html, page


def test_signing_up_from_the_join_page_continues_to_the_application_form(
    client: Client, charter: CharterVersion
) -> None:
    password = "sorgue-2017-venise"
    response = client.post(
        "/accounts/signup/?next=/network/apply/",
        {
            "email": "lea@example.org",
            "password1": password,
            "password2": password,
            "next": "/network/apply/",
        },
    )
    assert response.status_code == 302
    [message] = mail.outbox
    link = re.search(r"https?://[^/\s]+(/\S*confirm-email/\S+)", str(message.body))
    assert link
    confirmed = client.post(link.group(1))
    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/network/apply/"
    assert "Candidater pour rejoindre le réseau" in client.get("/network/apply/").content.decode()


def test_a_signed_in_person_goes_straight_to_the_form(
    client: Client, charter: CharterVersion, member: object
) -> None:
    html = client.get("/network/join/").content.decode()
    assert 'class="button" href="/network/apply/"' in html
    assert "/accounts/signup/" not in html.split("<main")[1]


def test_the_join_page_runs_the_same_queries_at_two_sizes(
    charter: CharterVersion, assert_constant_queries: Callable[[str], None]
) -> None:
    assert_constant_queries("/network/join/")
