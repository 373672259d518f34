from collections.abc import Callable

import pytest
from django.test import Client

from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


def test_programme_page_shows_phases_objectives_benefits_and_governance(
    client: Client, cast: dict[str, Actor]
) -> None:
    html = client.get("/programme/").content.decode()
    for text in (
        "Études",
        "Stratégie",
        "Marque",
        "Terminée",
        "Synthèse des études",
        "Fédérer",
        "Retombées sociales",
        "Bob Martin",
        "Coprésident",
        "CCI de Sorgueville",
    ):
        assert text in html, text
    assert 'href="/journal/2017/05/"' in html
    assert "Dave Discret" not in html


def test_programme_page_in_english(client: Client, cast: dict[str, Actor]) -> None:
    html = client.get("/en/programme/").content.decode()
    assert "Studies" in html
    assert "Co-chair" in html
    assert "Done" in html


def test_programme_page_runs_the_same_queries_at_two_sizes(
    cast: dict[str, Actor], assert_constant_queries: Callable[[str], None]
) -> None:
    assert_constant_queries("/programme/")


def test_programme_page_names_the_sectors_with_their_pages_and_colours(
    client: Client, cast: dict[str, Actor]
) -> None:
    from missa.core.models import Sector

    html = client.get("/programme/").content.decode()
    for sector in Sector.objects.all():
        assert f'href="/sectors/{sector.slug}/"' in html
        assert f'fill="{sector.colour}"' in html
