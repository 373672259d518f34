"""The press page: the press kit first, the media contact, the releases, each on its page."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from missa.actors.models import Actor
from missa.core.forms import DocumentUploadField
from missa.core.models import Territory
from missa.press.models import PressRelease

pytestmark = pytest.mark.django_db


def release(number: int, **fields: object) -> PressRelease:
    values: dict[str, object] = {
        "slug": f"communique-{number}",
        "title_fr": f"Communiqué {number}",
        "title_en": f"Release {number}",
        "summary_fr": f"Résumé {number}",
        "date": datetime.date(2017, 5, 1) + datetime.timedelta(days=number),
        "is_published": True,
    }
    values.update(fields)
    return PressRelease.objects.create(**values)


def test_the_press_page_shows_the_kit_the_contact_and_the_releases(
    client: Client, cast: dict[str, Actor]
) -> None:
    Territory.objects.update(
        press_contact_name="Service communication",
        press_contact_email="presse@example.org",
        press_contact_phone="04 90 00 00 00",
    )
    kit = release(0, is_press_kit=True, title_fr="Dossier de presse")
    kit.file_fr.save("kit.pdf", ContentFile(b"%PDF-1.4 kit"))  # type: ignore[attr-defined]
    for number in range(1, 13):
        release(number)
    release(99, is_published=False, title_fr="Brouillon")
    page = client.get("/press/").content.decode()
    assert "Dossier de presse" in page and "Télécharger" in page
    assert 'href="mailto:presse@example.org"' in page and 'href="tel:0490000000"' in page
    # Newest first, ten per page; the kit is not repeated; drafts are not shown.
    assert page.index("Communiqué 12") < page.index("Communiqué 11")
    assert "Communiqué 2<" not in page and "Brouillon" not in page
    assert "Communiqué 2<" in client.get("/press/?page=2").content.decode()
    detail = client.get("/press/communique-3/").content.decode()
    assert "<h1" in detail and "Communiqué 3" in detail
    assert client.get("/press/communique-99/").status_code == 404
    # In English, the French file is offered and said to be in French.
    english = client.get("/en/press/").content.decode()
    assert "Release 1" in english and "(in French)" in english
    assert 'href="/press/"' in client.get("/").content.decode()  # in the footer


def test_without_releases_the_press_page_says_so(client: Client, cast: dict[str, Actor]) -> None:
    page = client.get("/press/").content.decode()
    assert "Aucun communiqué n'a encore été publié." in page
    assert 'href="/contact/"' in page


def test_press_files_are_checked_by_their_content() -> None:
    field = DocumentUploadField()
    fake = SimpleUploadedFile("kit.pdf", b"<html>not a pdf</html>", "application/pdf")
    with pytest.raises(Exception, match="PDF"):
        field.clean(fake)
    real = field.clean(SimpleUploadedFile("kit.pdf", b"%PDF-1.7 real", "application/pdf"))
    assert real.name.endswith(".pdf") and "kit" not in real.name


@pytest.mark.parametrize("url", ["/press/", "/press/communique-1/"])
def test_press_pages_run_the_same_queries_with_more_releases(
    client: Client, cast: dict[str, Actor], count_queries: object, url: str
) -> None:
    from collections.abc import Callable

    from django.core.cache import cache

    counter: Callable[[Callable[[], object]], int] = count_queries  # type: ignore[assignment]
    release(0, is_press_kit=True)
    release(1, body_fr="Le **texte** du communiqué.")
    for number in range(2, 4):
        release(number)
    cache.clear()
    small = counter(lambda: client.get(url))
    for number in range(4, 40):
        release(number)
    cache.clear()
    large = counter(lambda: client.get(url))
    assert small == large <= 12
