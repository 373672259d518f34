"""SVG that MISSA accepts (the brand kit's vector sources): parsed, kept to what draws, written
again.

An SVG file is a document: it can carry scripts, event handlers, links, external images and
fonts, entities that expand a few bytes into gigabytes. `clean_svg` keeps only drawing
elements and presentation attributes from a list, references inside the file (`#id`), and
refuses a document type (and so every entity). What it returns is written by MISSA, never the
bytes that were sent. Pages show SVG only through `<img>` (where no script runs and nothing is
fetched), and files are downloaded as attachments (core.storage.send_private_file).
"""

import re
import uuid
import xml.etree.ElementTree as ElementTree
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
MAX_BYTES = 2 * 1024 * 1024
MAX_ELEMENTS = 20_000

ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "symbol", "use",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan",
    "linearGradient", "radialGradient", "stop", "clipPath", "mask",
}  # fmt: skip
ATTRIBUTES = {
    "id", "class", "version", "viewBox", "preserveAspectRatio", "width", "height",
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy",
    "d", "points", "transform", "pathLength",
    "fill", "fill-opacity", "fill-rule", "opacity", "color",
    "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
    "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
    "clip-path", "clip-rule", "mask", "display", "visibility",
    "font-family", "font-size", "font-weight", "font-style", "text-anchor",
    "dominant-baseline", "letter-spacing", "word-spacing", "dx", "dy", "textLength",
    "offset", "stop-color", "stop-opacity",
    "gradientUnits", "gradientTransform", "spreadMethod", "clipPathUnits", "maskUnits",
    "style",
}  # fmt: skip
# A value may point inside the file (url(#gradient)), never outside it.
OUTSIDE = re.compile(r"url\(\s*['\"]?\s*(?!#)|javascript:|data:|@import|expression\(", re.I)
SAFE_STYLE = re.compile(r"^[\w\s:;#.,%()'\"-]*$")


def _local(name: str) -> tuple[str, str]:
    namespace, _brace, local = name[1:].partition("}") if name.startswith("{") else ("", "", name)
    return namespace, local


def _clean(element: ElementTree.Element) -> None:
    for name, value in list(element.attrib.items()):
        namespace, local = _local(name)
        keep = (namespace == "" and local in ATTRIBUTES and not OUTSIDE.search(value)) or (
            namespace == XML and local == "space"
        )
        if local == "href" and namespace in {"", XLINK}:
            keep = value.startswith("#") and _local(element.tag)[1] == "use"
        if keep and local == "style":
            keep = bool(SAFE_STYLE.match(value))
        if not keep:
            del element.attrib[name]
    for child in list(element):
        namespace, local = _local(child.tag) if isinstance(child.tag, str) else ("", "")
        if namespace != SVG or local not in ELEMENTS:
            element.remove(child)
        else:
            _clean(child)


def _too_large() -> ValidationError:
    return ValidationError(
        _("This SVG file is too large: %(size)s MB at most.")
        % {"size": MAX_BYTES // (1024 * 1024)},
        code="too_large",
    )


def sanitise_svg(data: bytes) -> bytes:
    """Return the drawing of an SVG document, written again; raise ValidationError if it is not
    one we accept."""
    if len(data) > MAX_BYTES:
        raise _too_large()
    if b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        raise ValidationError(
            _("This SVG file declares a document type or entities: export it again without."),
            code="doctype",
        )
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 — no DTD (refused above), no entity
    except ElementTree.ParseError as error:
        raise ValidationError(
            _("This file is not an SVG drawing we can read."), code="svg"
        ) from error
    if root.tag != f"{{{SVG}}}svg":
        raise ValidationError(_("This file is not an SVG drawing we can read."), code="svg")
    if sum(1 for _element in root.iter()) > MAX_ELEMENTS:
        raise ValidationError(_("This SVG drawing has too many elements."), code="too_many")
    _clean(root)
    ElementTree.register_namespace("", SVG)
    ElementTree.register_namespace("xlink", XLINK)
    body = ElementTree.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode()


def looks_like_svg(head: bytes) -> bool:
    """Whether the first bytes of a file are those of an XML or SVG document."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(b"<?xml") or start.startswith(b"<svg") or b"<svg" in start[:1024]


def clean_svg(upload: Any) -> "ContentFile[bytes]":
    """Return a cleaned copy of an uploaded SVG file under a random name."""
    if upload.size is None or upload.size > MAX_BYTES:
        raise _too_large()
    data = upload.read()
    upload.seek(0)
    return ContentFile(sanitise_svg(data), name=f"{uuid.uuid4().hex}.svg")
