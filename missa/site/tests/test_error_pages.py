import logging
import sys

import pytest
from django.test import Client

from missa.actors.models import Actor
from missa.core.logging import OneLineRefusals

pytestmark = pytest.mark.django_db


def test_a_bad_request_gets_the_sites_page_in_its_language(
    client: Client, territory: object
) -> None:
    response = client.get("/", HTTP_HOST="not allowed!")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Requête incorrecte" in html
    assert 'class="skip-link"' in html


def test_a_refused_page_gets_the_sites_page(client: Client, cast: dict[str, Actor]) -> None:
    from missa.accounts.models import User

    client.force_login(User.objects.create_user("eve", "eve@example.org", "pw-sorgue-2017"))
    response = client.get("/en/network/review/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Access refused" in html
    assert 'lang="en"' in html


def test_a_form_sent_without_its_csrf_token_says_what_to_do(client: Client, db: None) -> None:
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/brand-kit/report/", {"description": "x"})
    assert response.status_code == 403
    assert "Le formulaire n'a pas pu être envoyé" in response.content.decode()


def test_refusals_are_logged_on_one_line() -> None:
    try:
        raise PermissionError("refused")
    except PermissionError:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Forbidden: %s", ("/x",), exc_info
    )
    record.status_code = 403
    assert OneLineRefusals().filter(record)
    assert record.exc_info is None
    assert logging.Formatter().format(record) == "Forbidden: /x"
    failure = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Boom", (), exc_info)
    failure.status_code = 500
    OneLineRefusals().filter(failure)
    assert failure.exc_info is not None
