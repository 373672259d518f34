from hypothesis import given
from hypothesis import strategies as st

from missa.core.text import render_markdown


def test_markdown_renders_emphasis_and_links() -> None:
    html = render_markdown("Le **mois** des [études](https://example.org).")
    assert "<strong>mois</strong>" in html
    assert 'href="https://example.org"' in html
    assert "noopener" in html


def test_markdown_drops_scripts_and_javascript_links() -> None:
    html = render_markdown(
        "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=a>"
    )
    assert "<script" not in html
    assert 'href="javascript:' not in html
    assert "<img" not in html


def test_markdown_headings_start_below_the_page_title() -> None:
    assert "<h1>" not in render_markdown("# Titre")
    assert "<h2>Titre</h2>" in render_markdown("# Titre")


@given(st.text(max_size=300))
def test_markdown_never_lets_raw_html_through(text: str) -> None:
    html = render_markdown(text)
    assert "<script" not in html.lower()
    assert "<iframe" not in html.lower()
