"""Share cards: the picture a page shows when its link is shared (Open Graph, Twitter card).

Drawn by core.art.share_card on the first request, then kept in the shared cache under the data
version and the language (every server reads the same card; a change to the page redraws it).
"""

import io
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language
from PIL import Image

from . import art
from .models import Territory
from .versioning import data_version

SHARE_TTL = 24 * 60 * 60


def share_response(key: str, draw: Callable[[], Image.Image]) -> HttpResponse:
    """A PNG share card for key (such as "actor:12"), drawn once per data version."""
    cache_key = f"share:{data_version()}:{get_language()}:{key}"
    png = cache.get(cache_key)
    if png is None:
        buffer = io.BytesIO()
        draw().save(buffer, format="PNG", optimize=True)
        png = buffer.getvalue()
        cache.set(cache_key, png, SHARE_TTL)
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def open_picture(file: Any) -> Image.Image | None:
    """An uploaded image, opened for drawing (None without one, or if it cannot be read)."""
    if not file:
        return None
    try:
        with file.storage.open(file.name, "rb") as stored:
            picture = Image.open(stored)
            picture.load()
    except (OSError, ValueError):
        return None
    return picture


def identity() -> tuple[str, str, str]:
    """The site's name and the territory's two colours (the model's defaults without one)."""
    territory = Territory.objects.first()
    if territory is None:
        fields = Territory._meta
        return (
            "MISSA",
            str(fields.get_field("primary_colour").default),
            str(fields.get_field("secondary_colour").default),
        )
    name = territory.brand_name or territory.name
    return name, territory.primary_colour, territory.secondary_colour


def card(
    *, title: str, subtitle: str, picture: Image.Image | None = None, **monogram: str
) -> Image.Image:
    """A share card in the territory's colours, with its name at the foot."""
    if picture is None and not monogram:
        territory = Territory.objects.first()
        if territory is not None:
            picture = open_picture(territory.logo)  # a page about the territory: its emblem
    site_name, primary, secondary = identity()
    return art.share_card(
        title=title,
        subtitle=subtitle,
        site_name=site_name,
        primary=primary,
        secondary=secondary,
        picture=picture,
        **monogram,
    )
