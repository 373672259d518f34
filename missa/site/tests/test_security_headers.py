import re

import pytest
from django.test import Client

from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/en/programme/", "/journal/2017/06/", "/nope/"])
def test_every_page_sends_a_strict_content_security_policy(
    client: Client, cast: dict[str, Actor], url: str
) -> None:
    response = client.get(url)
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    nonce = re.search(r"script-src 'self' 'nonce-([^']+)'", policy)
    assert nonce, policy
    html = response.content.decode()
    for tag in re.findall(r"<script[^>]*>", html):
        assert f'nonce="{nonce.group(1)}"' in tag
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_500_page_is_styled_and_does_not_touch_the_database(client: Client) -> None:
    from missa.site.views import server_error

    response = server_error(client.get("/").wsgi_request)
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.content.decode()


def test_an_unexpected_error_shows_the_styled_500_page(client: Client, db: None) -> None:
    from unittest import mock

    client.raise_request_exception = False
    with mock.patch("missa.programme.home.programme_timeline", side_effect=RuntimeError("boom")):
        response = client.get("/")
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.content.decode()
