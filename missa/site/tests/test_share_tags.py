"""Every page says how it looks when shared: Open Graph and Twitter card tags."""

import pytest
from django.test import Client, override_settings

from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


@override_settings(MISSA_SITE_URL="https://attractive.sorgueville.fr/")
def test_a_page_shares_its_own_title_description_and_address(
    client: Client, cast: dict[str, Actor]
) -> None:
    Actor.objects.filter(slug="atelier-alice").update(
        name="L'Atelier d'Alice", description_fr="Verre soufflé au bord de l'eau."
    )
    html = client.get("/actors/atelier-alice/?page=1").content.decode()
    assert "<title>L&#x27;Atelier d&#x27;Alice · Sorgueville</title>" in html
    assert '<meta property="og:title" content="L&#x27;Atelier d&#x27;Alice">' in html
    assert '<meta property="og:description" content="Verre soufflé au bord de l&#x27;eau.">' in html
    assert (
        '<meta property="og:url" content="https://attractive.sorgueville.fr/actors/atelier-alice/?page=1">'
        in html
    )
    assert '<meta property="og:locale" content="fr_FR">' in html
    # An actor's page shares its own card (core.share), in large.
    assert (
        '<meta property="og:image" content="https://attractive.sorgueville.fr/actors/atelier-alice/share.png">'
        in html
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    # A page without a card of its own shares the territory's logo, in small.
    assert (
        '<meta name="twitter:card" content="summary">' in client.get("/charter/").content.decode()
    )
    english = client.get("/en/actors/atelier-alice/").content.decode()
    assert '<meta property="og:locale" content="en_GB">' in english


def test_a_forged_host_never_reaches_the_shared_address(
    client: Client, cast: dict[str, Actor]
) -> None:
    html = client.get("/", HTTP_HOST="evil.example.org").content.decode()
    assert "evil.example.org" not in html
