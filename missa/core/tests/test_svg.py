"""SVG drawings are kept to what draws: no script, handler, link, outside reference or entity."""

import xml.etree.ElementTree as ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given, settings
from hypothesis import strategies as st

from missa.core import art, svg
from missa.core.uploads import clean_asset_file

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'


def cleaned(body: str) -> str:
    return svg.sanitise_svg((HEAD + body + "</svg>").encode()).decode()


@pytest.mark.parametrize(
    ("body", "gone"),
    [
        ("<script>alert(1)</script>", "alert"),
        ('<rect onclick="alert(1)" width="2"/>', "onclick"),
        ('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>', "<p"),
        ('<image href="https://tracker.example/p.png"/>', "tracker"),
        ('<a href="javascript:alert(1)"><rect width="2"/></a>', "javascript"),
        ('<use xlink:href="https://example.org/x.svg#a"/>', "example.org"),
        ('<use href="data:image/svg+xml;base64,AAAA"/>', "data:"),
        ('<rect fill="url(https://example.org/x.svg#g)" width="2"/>', "example.org"),
        ('<rect style="fill: url(//example.org/p.png)" width="2"/>', "example.org"),
        ('<rect style="background: {evil}" width="2"/>', "evil"),
        ("<style>@import url(https://example.org/a.css);</style>", "import"),
        ('<animate attributeName="href" to="javascript:alert(1)"/>', "animate"),
        ('<set attributeName="onmouseover" to="alert(1)"/>', "onmouseover"),
        ('<rect xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="click" width="2"/>', "ev:"),
    ],
)
def test_what_does_not_draw_is_dropped(body: str, gone: str) -> None:
    assert gone not in cleaned(body)


def test_what_draws_is_kept() -> None:
    result = cleaned(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>'
        '</defs><rect width="10" height="10" fill="url(#g)" style="stroke: #000"/>'
        '<use xlink:href="#g"/><text x="1" y="2" font-family="DejaVu Sans">Sorgue</text>'
    )
    for kept in ('fill="url(#g)"', 'style="stroke: #000"', 'href="#g"', ">Sorgue</text>", "stop"):
        assert kept in result


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>', "doctype"),
        (b'<!DOCTYPE svg SYSTEM "file:///etc/passwd"><svg/>', "doctype"),
        (b"<svg><rect></svg>", "svg"),
        (b"<html>not a drawing</html>", "svg"),
        (b"<svg>no namespace</svg>", "svg"),
        (HEAD.encode() + b"<g/>" * (svg.MAX_ELEMENTS + 1) + b"</svg>", "too_many"),
        (b" " * (svg.MAX_BYTES + 1), "too_large"),
    ],
)
def test_drawings_we_cannot_keep_safely_are_refused(data: bytes, code: str) -> None:
    with pytest.raises(ValidationError) as raised:
        svg.sanitise_svg(data)
    assert raised.value.code == code


NAMES = st.sampled_from(
    ["rect", "script", "g", "foreignObject", "image", "a", "path", "style", "use", "iframe"]
)
ATTRIBUTES = st.sampled_from(["onload", "href", "fill", "style", "d", "onclick", "src", "width"])
VALUES = st.sampled_from(["#a", "url(#a)", "javascript:x()", "url(http://e.org/)", "1", "data:x"])


@st.composite
def documents(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _index in range(draw(st.integers(0, 3))):
        name = draw(NAMES)
        attributes = " ".join(
            f'{attribute}="{draw(VALUES)}"'
            for attribute in draw(st.lists(ATTRIBUTES, max_size=3, unique=True))
        )
        inner = draw(documents(depth + 1)) if depth < 2 else ""
        parts.append(f"<{name} {attributes}>{inner}</{name}>")
    return "".join(parts)


@settings(max_examples=80, deadline=None)
@given(documents())
def test_whatever_is_sent_only_drawing_elements_and_attributes_remain(body: str) -> None:
    root = ElementTree.fromstring(cleaned(body))  # noqa: S314 (our own output)
    for element in root.iter():
        assert element.tag.removeprefix(f"{{{svg.SVG}}}") in svg.ELEMENTS
        for name, value in element.attrib.items():
            assert not name.startswith("on")
            assert "javascript" not in value and "http" not in value and "data:" not in value
            if name.endswith("href"):
                assert value.startswith("#") and element.tag.endswith("use")


@pytest.mark.parametrize("variant", ["colour", "mono", "reversed"])
def test_the_brand_logo_source_is_kept_whole(variant: str) -> None:
    drawing = art.brand_logo_svg("#0b5394", "#f1c232", "L'Isle & la <Sorgue>", variant)
    root = ElementTree.fromstring(drawing)  # noqa: S314 (our own drawing)
    kept = ElementTree.fromstring(svg.sanitise_svg(drawing.encode()))  # noqa: S314
    assert len(list(kept.iter())) == len(list(root.iter()))
    assert kept.find(f"{{{svg.SVG}}}title").text == "L'Isle & la <Sorgue>"  # type: ignore[union-attr]


def test_brand_kit_uploads_clean_svg_and_name_it_afresh() -> None:
    upload = SimpleUploadedFile(
        "logo.png", (HEAD + '<script/><rect width="1"/></svg>').encode(), "image/png"
    )
    result = clean_asset_file(upload)
    assert str(result.name).endswith(".svg") and result.name != "logo.png"
    assert b"script" not in result.read()
    with pytest.raises(ValidationError):
        clean_asset_file(SimpleUploadedFile("big.svg", b"<svg" + b" " * svg.MAX_BYTES))
