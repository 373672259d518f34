"""Responsive pictures: copies made once when stored, announced by the name, drawn into pages."""

import io
import random
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from missa.actors.models import Actor
from missa.core import art
from missa.core.colours import contrast, initials, readable_on
from missa.core.images import (
    LOGO_WIDTHS,
    delete_image,
    encode_image,
    rendition_name,
    sized_image,
)
from missa.core.uploads import clean_image


def upload(size: tuple[int, int], image_format: str = "PNG") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#2e7d32").save(buffer, format=image_format)
    return SimpleUploadedFile("logo.png", buffer.getvalue(), "image/png")


def render(source: str, **context: object) -> str:
    return Template("{% load missa %}" + source).render(Context(context))


def test_a_cleaned_upload_carries_its_size_in_its_name() -> None:
    cleaned = clean_image(upload((300, 200)))
    assert re.fullmatch(r"[0-9a-f]{32}\.300x200\.png", cleaned.name or "")


def test_the_name_announces_the_copies_narrower_than_the_image() -> None:
    sized = sized_image("actors/logos/abc.300x200.png", LOGO_WIDTHS)
    assert sized is not None
    assert (sized.width, sized.height) == (300, 200)
    assert [r.width for r in sized.renditions] == [96, 192]
    assert sized.renditions[0].name == "actors/logos/abc.300x200.96w.webp"
    assert sized.height_at(96) == 64
    assert sized_image("actors/logos/old-logo.png", LOGO_WIDTHS) is None
    assert sized_image("actors/logos/abc.0x200.png", LOGO_WIDTHS) is None


@pytest.mark.django_db
def test_storing_an_image_writes_its_copies_at_their_sizes() -> None:
    actor = Actor.objects.create(kind="company", name="Atelier du Lin", slug="atelier-du-lin")
    actor.logo = clean_image(upload((300, 150)))
    actor.save()
    name = actor.logo.name
    for width, height in ((96, 48), (192, 96)):
        with default_storage.open(rendition_name(name, width)) as copy:
            assert Image.open(copy).size == (width, height)
            copy.seek(0)
            assert Image.open(copy).format == "WEBP"
    assert not default_storage.exists(rendition_name(name, 384))  # wider than the image
    # A service that saves the file itself (a profile's new logo) gets the copies too.
    square = clean_image(upload((400, 400)))
    actor.logo.save(square.name or "", square, save=True)
    square_name = actor.logo.name
    assert default_storage.exists(rendition_name(square_name, 384))
    delete_image(actor.logo)
    assert not default_storage.exists(square_name)
    assert not default_storage.exists(rendition_name(square_name, 96))


@pytest.mark.django_db
def test_the_picture_tag_gives_srcset_size_and_lazy_loading() -> None:
    actor = Actor.objects.create(kind="company", name="Atelier du Lin", slug="atelier-du-lin")
    actor.logo = clean_image(upload((300, 150)))
    actor.save()
    html = render('{% picture actor.logo alt="" width=56 %}', actor=actor)
    url = default_storage.url(actor.logo.name)
    assert f'src="{url}"' in html
    assert f"{default_storage.url(rendition_name(actor.logo.name, 96))} 96w" in html
    assert f"{url} 300w" in html
    assert 'sizes="56px"' in html
    assert 'width="56" height="28"' in html
    assert 'loading="lazy"' in html and 'alt=""' in html
    eager = render('{% picture actor.logo alt="Logo" eager=True %}', actor=actor)
    assert "loading" not in eager and 'width="300" height="150"' in eager
    assert 'sizes="100vw"' in eager
    # A file from before the sizes in names: shown as it is; no file: nothing.
    actor.logo.name = "actors/logos/old.png"
    old = render('{% picture actor.logo alt="Logo" %}', actor=actor)
    assert "srcset" not in old and "width" not in old and "old.png" in old
    actor.logo.name = ""
    assert render('{% picture actor.logo alt="Logo" %}', actor=actor).strip() == ""


def test_monograms_take_the_significant_words() -> None:
    assert initials("Les Jardins de la Sorgue") == "JS"
    assert initials("L'Atelier du Lin") == "AL"
    assert initials("Office de Tourisme") == "OT"
    assert initials("Élan") == "É"
    assert initials("La Le") == "LL"  # only small words: take them
    assert initials("") == "?"
    html = render('{% monogram "Office de Tourisme" "#2e7d32" 56 %}')
    assert 'aria-hidden="true"' in html and ">OT<" in html and 'fill="#2e7d32"' in html
    # A colour that is not one falls back to a neutral one.
    assert 'fill="#5a6472"' in render('{% monogram "Atelier" "red;x" 56 %}')


@given(st.from_regex(r"#[0-9a-f]{6}", fullmatch=True))
def test_monogram_initials_are_readable_on_any_colour(colour: str) -> None:
    assert contrast(readable_on(colour), colour) >= 4.5


@pytest.mark.parametrize("drawing", ["emblem", "logo", "scene", "brand", "badge"])
def test_drawings_are_images_of_the_announced_size(drawing: str) -> None:
    if drawing == "emblem":
        image = art.emblem("#0b5394", "#f1c232", size=128)
    elif drawing == "logo":
        image = art.organisation_logo("Atelier du Lin", "#2e7d32", shape=3, size=96)
    elif drawing == "brand":
        image = art.brand_logo("#0b5394", "#f1c232", "L'Isle-sur-la-Sorgue", "colour", width=600)
        # The name fits: the right-hand margin stays the background's colour.
        assert {image.getpixel((599 - x, y)) for x in range(10) for y in range(225)} == {
            (255, 255, 255)
        }
    elif drawing == "badge":
        image = art.badge(
            organisation="Les Jardins de la Sorgue et du Comtat Venaissin",
            role="Ambassadeur de la marque",
            territory="L'Isle-sur-la-Sorgue",
            primary="#0b5394",
            secondary="#f1c232",
        )
    else:
        image = art.scene(random.Random(1), "#6a1b9a", "#f1c232", width=300)
    encoded = encode_image(image, "PNG")
    assert encoded.name and f".{image.width}x{image.height}.png" in encoded.name
    assert isinstance(encoded, ContentFile)
    with Image.open(io.BytesIO(encoded.read())) as decoded:
        # Not a blank box: the drawing has several colours.
        assert len(decoded.convert("RGB").getcolors(maxcolors=100_000) or []) > 3


@pytest.mark.django_db
def test_pages_show_logos_initials_and_photos(client: object, cast: dict[str, Actor]) -> None:
    from django.test import Client

    from missa.activity.services import record_activity

    assert isinstance(client, Client)
    alice = cast["alice"]
    alice.logo = clean_image(upload((300, 300)))
    alice.save()
    directory = client.get("/actors/").content.decode()
    assert default_storage.url(rendition_name(alice.logo.name, 96)) in directory
    # Those without a logo show their initials, drawn in their first sector's colour.
    assert 'class="monogram"' in directory
    page = client.get(alice.get_absolute_url()).content.decode()
    assert 'alt="Logo : Atelier Alice"' in page
    activity = record_activity(
        actor=alice,
        kind="promoted_brand",
        title="La vitrine aux couleurs de la marque",
        date=alice.joined_on,
        photo=clean_image(upload((900, 600), "JPEG")),
        photo_alt="La vitrine décorée de fanions",
    )
    listed = client.get(alice.get_absolute_url()).content.decode()
    assert 'alt="La vitrine décorée de fanions"' in listed
    assert default_storage.url(rendition_name(activity.photo.name or "", 480)) in listed
    shown = client.get(activity.get_absolute_url()).content.decode()
    assert 'alt="La vitrine décorée de fanions"' in shown and 'width="900"' in shown


@pytest.mark.django_db
def test_the_home_page_is_drawn_and_the_partners_have_their_wall(
    client: object, cast: dict[str, Actor]
) -> None:
    from django.test import Client

    assert isinstance(client, Client)
    home = client.get("/").content.decode()
    assert 'src="/static/site/hero.svg"' in home and 'alt="Dessin de la ville' in home
    programme = client.get("/programme/").content.decode()
    wall = programme.split('class="logo-wall"')[1].split("</ul>")[0]
    assert cast["carol"].name in wall and 'class="monogram"' in wall
