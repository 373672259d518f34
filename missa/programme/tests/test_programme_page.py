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


def test_a_deliverable_has_its_description_and_a_file_per_language(
    client: Client, cast: dict[str, Actor]
) -> None:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from missa.programme.models import Deliverable

    deliverable = Deliverable.objects.order_by("pk").first()
    assert deliverable is not None
    french = default_storage.save("deliverables/rapport.pdf", ContentFile(b"%PDF-1.4 fr"))
    Deliverable.objects.filter(pk=deliverable.pk).update(
        description_fr="Le **rapport** complet.",
        description_en="The full **report**.",
        file_fr=french,
    )
    html = client.get("/programme/").content.decode()
    assert "Le <strong>rapport</strong> complet." in html
    assert 'href="/media/deliverables/rapport' in html and "(en français)" not in html
    # In English, with no English file yet: the French one, said to be in French.
    english = client.get("/en/programme/").content.decode()
    assert "The full <strong>report</strong>." in english
    assert 'hreflang="fr"' in english and "(in French)" in english
    english_file = default_storage.save("deliverables/report.pdf", ContentFile(b"%PDF-1.4 en"))
    Deliverable.objects.filter(pk=deliverable.pk).update(file_en=english_file)
    english = client.get("/en/programme/").content.decode()
    assert 'href="/media/deliverables/report' in english and "(in French)" not in english
