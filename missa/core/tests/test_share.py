"""Share cards: each actor and journal month has its own picture for shared links."""

import io

import pytest
from django.core.cache import cache
from django.test import Client
from PIL import Image

from missa.actors.models import Actor
from missa.core import art

pytestmark = pytest.mark.django_db


def png(response: object) -> Image.Image:
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response["Content-Type"] == "image/png"  # type: ignore[index]
    return Image.open(io.BytesIO(response.content))  # type: ignore[attr-defined]


def test_actors_and_months_have_their_share_card(client: Client, cast: dict[str, Actor]) -> None:
    alice = png(client.get("/actors/atelier-alice/share.png"))
    assert alice.size == art.SHARE_SIZE
    carol = png(client.get("/actors/cci-sorgueville/share.png"))
    assert alice.tobytes() != carol.tobytes()
    june = png(client.get("/journal/2017/06/share.png"))
    assert june.size == art.SHARE_SIZE
    page = client.get("/actors/atelier-alice/").content.decode()
    og_image = page.split('<meta property="og:image" content="')[1].split('"')[0]
    assert og_image.startswith("http") and og_image.endswith("/actors/atelier-alice/share.png")
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    month = client.get("/journal/2017/06/").content.decode()
    assert 'journal/2017/06/share.png">' in month


def test_a_card_is_drawn_once_per_data_version(client: Client, cast: dict[str, Actor]) -> None:
    cache.clear()
    first = client.get("/actors/atelier-alice/share.png").content
    again = client.get("/actors/atelier-alice/share.png").content
    assert first == again
    Actor.objects.filter(pk=cast["alice"].pk).update(name="Atelier Alice et fils")
    from missa.core.versioning import advance_data_version

    advance_data_version()
    assert client.get("/actors/atelier-alice/share.png").content != first


@pytest.mark.parametrize(
    "url",
    [
        "/actors/no-such-actor/share.png",
        "/actors/dave-discret/share.png",  # not public
        "/journal/1999/01/share.png",
        "/journal/2017/13/share.png",
    ],
)
def test_unknown_or_hidden_pages_have_no_card(
    client: Client, cast: dict[str, Actor], url: str
) -> None:
    assert client.get(url).status_code == 404


def test_long_titles_are_cut_with_an_ellipsis() -> None:
    from PIL import ImageDraw

    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    lines = art.wrap(draw, "mot " * 80, art.font(40), 400, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(draw.textlength(line, font=art.font(40)) <= 400 for line in lines)
