"""The template components (templates/components/): each written once, used everywhere."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.template import RequestContext, Template, TemplateSyntaxError
from django.test import RequestFactory

from missa.accounts.models import User
from missa.actors.models import Actor

TEMPLATES = Path(settings.BASE_DIR) / "missa"
pytestmark = pytest.mark.django_db


def render(source: str, path: str = "/", **context: object) -> str:
    request = RequestFactory().get(path)
    request.user = context.pop("user", AnonymousUser())  # type: ignore[assignment]
    return Template("{% load missa navigation %}" + source).render(
        RequestContext(request, {"user": request.user, **context})
    )


def test_a_breadcrumb_links_the_way_up_and_marks_the_page() -> None:
    html = render('{% breadcrumb "Acteurs" "/actors/" "Atelier Alice" %}')
    assert '<li><a href="/actors/">Acteurs</a></li>' in html
    assert '<li aria-current="page">Atelier Alice</li>' in html
    with pytest.raises(TemplateSyntaxError):
        render('{% breadcrumb "Acteurs" "/actors/" %}')


@pytest.mark.parametrize(("count", "pages"), [(0, 0), (3, 1), (25, 3)])
def test_a_paginated_list_shows_its_items_its_pages_or_its_empty_state(
    count: int, pages: int
) -> None:
    page = Paginator(list(range(count)), 10).get_page("2")
    html = render(
        '{% paginated page %}<ul>{% for n in page.object_list %}<li class="item">{{ n }}</li>'
        "{% endfor %}</ul>{% empty %}<p>Rien encore.</p>{% endpaginated %}",
        path="/list/?page=2&sort=name",
        page=page,
    )
    if count == 0:
        assert html.strip() == '<div class="empty-state"><p>Rien encore.</p></div>'
        return
    assert html.count('<li class="item">') == len(page.object_list)
    assert ('class="pagination"' in html) == (pages > 1)
    if pages > 1:
        # Numbered, and the links keep the other parameters of the address.
        assert "Page 2 sur 3" in html
        for number in (1, 3):
            assert f'href="?page={number}&amp;sort=name"' in html
        assert '<span aria-current="page"><span class="visually-hidden">Page </span>2' in html


@pytest.mark.parametrize(
    ("number", "shown"),
    [(1, [1, 2, None, 20]), (7, [1, None, 6, 7, 8, None, 20]), (20, [1, None, 19, 20])],
)
def test_page_numbers_show_the_ends_and_the_neighbours(
    number: int, shown: list[int | None]
) -> None:
    from missa.core.templatetags.missa import page_numbers

    assert page_numbers(Paginator(list(range(200)), 10).page(number)) == shown


def test_the_menus_come_from_one_list_and_mark_the_current_section(
    cast: dict[str, Actor], committee_member: User
) -> None:
    html = render("{% main_menu %}", path="/journal/2017/06/")
    assert '<a href="/journal/" aria-current="page">Journal</a>' in html
    assert '<a href="/">Accueil</a>' in html
    assert html.count("<li>") == 11
    visitor = render("{% account_links as links %}{{ links|length }}")
    reviewer = render("{% account_links as links %}{{ links|length }}", user=committee_member)
    assert (visitor, reviewer) == ("4", "5")


def test_no_template_writes_its_own_copy_of_a_component() -> None:
    copies = []
    for path in TEMPLATES.rglob("*.html"):
        if "components" in path.parts:
            continue
        text = path.read_text()
        for mark in ('class="breadcrumb"', "components/pagination.html", 'class="tile-icon"'):
            if mark in text:
                copies.append(f"{path.relative_to(TEMPLATES)}: {mark}")
    assert copies == []


def test_colours_are_named_once_in_the_tokens() -> None:
    import re

    css = Path(settings.BASE_DIR) / "missa" / "core" / "static" / "missa" / "css"
    literal = re.compile(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(")
    found = [
        f"{path.relative_to(css)}: {line.strip()}"
        for path in css.rglob("*.css")
        if path.name != "tokens.css"
        for line in path.read_text().splitlines()
        if literal.search(line)
    ]
    assert found == []


def test_every_stylesheet_is_linked_once() -> None:
    css = Path(settings.BASE_DIR) / "missa" / "core" / "static" / "missa" / "css"
    links = (TEMPLATES / "templates" / "components" / "stylesheets.html").read_text()
    files = sorted(str(path.relative_to(css)) for path in css.rglob("*.css"))
    assert [name for name in files if links.count(f"missa/css/{name}'") != 1] == []
