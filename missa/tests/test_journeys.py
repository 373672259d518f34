"""Browser journeys through the public site, in French and English, checked with axe-core."""

import gzip
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page, expect

from missa.actors.models import Actor
from missa.browser import CHROMIUM, PageWatch, check, watched_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]


def test_follow_the_programme_month_after_month_in_french(
    live_server: object, cast: dict[str, Actor], page: tuple[Page, PageWatch]
) -> None:
    tab, watch = page
    tab.goto(f"{live_server}/")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Sorgueville")
    check(tab, watch)

    tab.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="La démarche"
    ).click()
    expect(tab).to_have_url(re.compile(r"/programme/$"))
    check(tab, watch)

    tab.get_by_role("link", name="Lire le journal de mai 2017").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Mai 2017")
    check(tab, watch)

    tab.get_by_role("link", name="Juin 2017 →").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Écouter le territoire")
    check(tab, watch)

    tab.get_by_role("link", name="Atelier Alice").first.click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Atelier Alice")
    check(tab, watch)

    tab.get_by_role("link", name="Tourisme").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Tourisme")
    check(tab, watch)

    tab.get_by_role("link", name="Retour à l'accueil").click()
    expect(tab).to_have_url(f"{live_server}/")


def test_follow_the_programme_in_english(
    live_server: object, cast: dict[str, Actor], page: tuple[Page, PageWatch]
) -> None:
    tab, watch = page
    tab.goto(f"{live_server}/")
    tab.get_by_role("link", name="English").click()
    expect(tab.locator("html")).to_have_attribute("lang", "en")
    check(tab, watch)

    tab.get_by_role("link", name="The programme", exact=True).click()
    check(tab, watch)
    tab.get_by_role("link", name="Read the journal of May 2017").click()
    tab.get_by_role("link", name="June 2017 →").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("June 2017 — Listening")
    check(tab, watch)

    tab.get_by_role("link", name="Bob Martin").first.click()
    expect(tab.get_by_text("Co-chair")).to_be_visible()
    check(tab, watch)
    tab.get_by_role("link", name="Economy").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Economy")
    check(tab, watch)

    tab.get_by_role("link", name="Back to the home page").click()
    expect(tab).to_have_url(f"{live_server}/en/")
    expect(tab.get_by_role("heading", level=2, name="Where the programme stands")).to_be_visible()

    tab.get_by_role("link", name="Français").click()
    expect(tab).to_have_url(f"{live_server}/")
    expect(tab.get_by_role("heading", level=2, name="Où en est la démarche")).to_be_visible()


def test_filter_and_search_the_directory(
    live_server: object, cast: dict[str, Actor], page: tuple[Page, PageWatch]
) -> None:
    tab, watch = page
    tab.goto(f"{live_server}/actors/")
    expect(tab.get_by_text("3 acteurs trouvés")).to_be_visible()
    check(tab, watch)

    # The filters other than the search are folded: a phone shows the first result at once.
    expect(tab.get_by_label("Secteur")).not_to_be_visible()
    tab.get_by_text("Filtres et tri").click()
    tab.get_by_label("Secteur").select_option("economique")
    expect(tab.get_by_text("2 acteurs trouvés")).to_be_visible()
    expect(tab).to_have_url(re.compile(r"sector=economique"))

    tab.get_by_label("Rechercher par nom").fill("cci")
    tab.get_by_role("button", name="Filtrer").click()
    expect(tab.get_by_text("1 acteur trouvé")).to_be_visible()
    expect(tab.get_by_role("link", name="CCI de Sorgueville")).to_be_visible()
    check(tab, watch)

    tab.get_by_label("Rechercher par nom").fill("personne")
    tab.get_by_label("Rechercher par nom").press("Enter")
    expect(tab.get_by_text("Aucun acteur ne correspond à ces filtres.")).to_be_visible()
    check(tab, watch)


def test_directory_works_without_javascript(
    live_server: object, cast: dict[str, Actor], browser: Browser
) -> None:
    with watched_page(browser, java_script_enabled=False) as (tab, watch):
        tab.goto(f"{live_server}/actors/")
        tab.get_by_text("Filtres et tri").click()
        tab.get_by_label("Type").select_option("person")
        tab.get_by_role("button", name="Filtrer").click()
        expect(tab.get_by_text("1 acteur trouvé")).to_be_visible()
        assert "kind=person" in tab.url
        assert watch.problems == []


def test_keyboard_only_navigation_of_the_menu(
    live_server: object, cast: dict[str, Actor], page: tuple[Page, PageWatch]
) -> None:
    tab, watch = page
    tab.goto(f"{live_server}/")
    tab.keyboard.press("Tab")
    skip = tab.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    tab.keyboard.press("Enter")
    expect(tab.locator("main")).to_be_focused()

    tab.goto(f"{live_server}/")
    journal = tab.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Journal"
    )
    for _ in range(16):
        tab.keyboard.press("Tab")
        if journal.evaluate("element => element === document.activeElement"):
            break
    expect(journal).to_be_focused()
    outline = journal.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Le journal, mois après mois")
    check(tab, watch)


def test_on_a_phone_the_menus_fold_and_the_first_result_is_on_the_first_screen(
    live_server: object, cast: dict[str, Actor], browser: Browser
) -> None:
    with watched_page(browser, viewport={"width": 375, "height": 667}) as (tab, watch):
        tab.goto(f"{live_server}/actors/")
        header = tab.get_by_role("banner").bounding_box()
        assert header is not None and header["height"] <= 80
        first = tab.get_by_role("link", name="Atelier Alice").bounding_box()
        assert first is not None and first["y"] + first["height"] <= 667
        journal = tab.get_by_role("link", name="Journal", exact=True)
        expect(journal).not_to_be_visible()
        check(tab, watch)
        tab.locator("summary").filter(has_text="Menu").click()
        expect(tab.get_by_role("link", name="Se connecter")).to_be_visible()
        journal.click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Le journal, mois après mois")
        check(tab, watch)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/programme/",
        "/journal/",
        "/journal/2017/06/",
        "/actors/",
        "/actors/bob-martin/",
        "/charter/",
        "/privacy/",
        "/legal/",
        "/accessibility/",
        "/contact/",
        "/network/register/",
        "/network/join/",
        "/press/",
        "/sectors/tourisme/",
    ],
)
def test_pages_fit_a_360_pixel_phone(
    live_server: object, cast: dict[str, Actor], browser: Browser, path: str
) -> None:
    with watched_page(browser, viewport={"width": 360, "height": 740}) as (tab, watch):
        tab.goto(f"{live_server}{path}")
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways: {width}px"
        check(tab, watch)


def test_404_page_is_accessible(
    live_server: object, cast: dict[str, Actor], browser: Browser
) -> None:
    with watched_page(browser) as (tab, watch):
        watch.allowed_statuses.add(404)
        response = tab.goto(f"{live_server}/journal/1999/01/")
        assert response is not None and response.status == 404
        expect(tab.get_by_role("heading", level=1)).to_have_text("Page introuvable")
        # Chromium logs the 404 of the document itself as a console error.
        watch.problems = [p for p in watch.problems if "404" not in p]
        check(tab, watch)


def compressed_scripts(template: str) -> int:
    """The compressed size of the scripts a template loads."""
    from django.contrib.staticfiles import finders

    text = (Path(settings.BASE_DIR) / "missa" / "templates" / template).read_text()
    scripts = re.findall(r"static '([^']+\.js)'", text)
    assert scripts, template
    total = 0
    for script in scripts:
        found = finders.find(script)
        assert isinstance(found, str), script
        total += len(gzip.compress(Path(found).read_bytes()))
    return total


def test_pages_serve_at_most_50_kb_of_compressed_javascript_120_with_a_chart_or_a_map() -> None:
    base = compressed_scripts("base.html")
    assert base <= 50 * 1024
    assert base + compressed_scripts("components/chart_scripts.html") <= 120 * 1024
    # The directory's map: Leaflet, its clusters and MISSA's drawing.
    assert base + compressed_scripts("components/map_scripts.html") <= 120 * 1024


@pytest.mark.parametrize("width", [1280, 375])
def test_the_journal_draws_its_chart_and_keeps_the_figures_in_a_table(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, watch):
        tab.goto(f"{live_server}/journal/")
        chart = tab.get_by_role("figure", name="Activité par mois")
        expect(chart).to_be_visible()
        drawn = chart.locator("canvas").evaluate("canvas => Boolean(window.Chart.getChart(canvas))")
        assert drawn
        check(tab, watch)
        chart.get_by_text("Les chiffres").click()
        table = chart.get_by_role("table")
        expect(table).to_be_visible()
        expect(table.get_by_role("row", name=re.compile("juin 2017"))).to_be_visible()
        check(tab, watch)


@pytest.mark.parametrize("width", [1280, 375])
def test_from_the_journal_to_an_activity_and_its_actor(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, watch):
        tab.goto(f"{live_server}/journal/2017/06/")
        tab.get_by_role("link", name="Portes ouvertes de l'atelier").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Portes ouvertes de l'atelier")
        check(tab, watch)
        tab.get_by_role("main").get_by_role("link", name="Atelier Alice").first.click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Atelier Alice")
        check(tab, watch)


def test_a_visitor_writes_to_the_town_from_the_footer(
    live_server: object, cast: dict[str, Actor], page: tuple[Page, PageWatch]
) -> None:
    from django.core import mail

    tab, watch = page
    tab.goto(f"{live_server}/")
    tab.get_by_role("navigation", name="À propos de ce site").get_by_role(
        "link", name="Contact"
    ).click()
    check(tab, watch)
    tab.get_by_label("Votre nom").fill("Ana Roux")
    tab.get_by_label("Votre adresse de courriel").fill("ana@example.org")
    tab.get_by_label("Objet").fill("Le marché nocturne")
    tab.get_by_role("button", name="Envoyer mon message").click()
    # The message is missing: the form again, with the error.
    expect(tab.get_by_text("Ce champ est obligatoire.")).to_be_visible()
    check(tab, watch)
    tab.get_by_label("Votre message").fill("Quand a-t-il lieu cet été ?")
    tab.get_by_role("button", name="Envoyer mon message").click()
    expect(tab.get_by_text("Votre message est envoyé")).to_be_visible()
    check(tab, watch)
    assert "ana@example.org" in [message.to[0] for message in mail.outbox]


@pytest.mark.parametrize("width", [1280, 375])
def test_a_journalist_opens_a_press_release_and_its_file(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    import datetime

    from django.core.files.base import ContentFile

    from missa.press.models import PressRelease

    release = PressRelease.objects.create(
        slug="lancement-de-la-marque",
        title_fr="Lancement de la marque",
        title_en="The brand's launch",
        summary_fr="La marque partagée est lancée.",
        body_fr="Le **comité de pilotage** présente la marque.",
        date=datetime.date(2018, 4, 12),
        is_published=True,
    )
    release.file_fr.save("communique.pdf", ContentFile(b"%PDF-1.4 release"))  # type: ignore[attr-defined]
    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, watch):
        tab.goto(f"{live_server}/press/")
        check(tab, watch)
        tab.get_by_role("link", name="Lancement de la marque").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Lancement de la marque")
        expect(tab.locator("strong", has_text="comité de pilotage")).to_be_visible()
        check(tab, watch)
        with tab.expect_download() as download:
            tab.get_by_role("link", name=re.compile("Télécharger")).first.click()
        assert download.value.suggested_filename.endswith(".pdf")
