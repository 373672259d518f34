"""Pictures served at the size the screen needs: renditions made once, when the image is stored.

Every image MISSA stores is re-encoded first (core.uploads.clean_image, or `encode_image` for
pictures MISSA draws itself) under a name that carries its size: `<random>.<width>x<height>.png`.
When a `ResponsiveImageField` stores such a file it also writes smaller WebP copies next to it,
one per width of the field narrower than the image (`<random>.<width>x<height>.<w>w.webp`).

So a page knows, from the name alone, the picture's size (`width` and `height`, which keep the
layout still while it loads) and which copies exist (`srcset`): no query, no file opened, and the
same holds when an old name comes back (a profile put back as it was, an application's logo
becoming the actor's). Files stored before this scheme (no size in the name) are shown as they are.
"""

import io
import re
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import models
from django.db.models.fields.files import FieldFile, ImageFieldFile
from PIL import Image

EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
SIZED_NAME = re.compile(r"^(?P<stem>.+)\.(?P<width>\d{1,5})x(?P<height>\d{1,5})\.(?P<ext>\w+)$")
# Widths of the copies, in CSS pixels × 2 for sharp screens.
LOGO_WIDTHS = (96, 192, 384)
PHOTO_WIDTHS = (480, 960, 1440)
RENDITION_QUALITY = 80


def encode_image(image: Image.Image, image_format: str, **options: Any) -> "ContentFile[bytes]":
    """Return image encoded in image_format under a random name that carries its size."""
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    name = f"{uuid.uuid4().hex}.{image.width}x{image.height}.{EXTENSIONS[image_format]}"
    return ContentFile(buffer.getvalue(), name=name)


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int


@dataclass(frozen=True)
class SizedImage:
    """What a stored name says about its picture: its size and its smaller copies."""

    name: str
    width: int
    height: int
    renditions: tuple[Rendition, ...]

    def height_at(self, width: int) -> int:
        return max(1, round(self.height * width / self.width))


def sized_image(name: str, widths: tuple[int, ...]) -> SizedImage | None:
    """Read a stored name; None when it does not carry a size (a file from before)."""
    match = SIZED_NAME.match(name.rsplit("/", 1)[-1])
    if match is None:
        return None
    width, height = int(match["width"]), int(match["height"])
    if not width or not height:
        return None
    renditions = tuple(
        Rendition(rendition_name(name, rendition_width), rendition_width)
        for rendition_width in widths
        if rendition_width < width
    )
    return SizedImage(name=name, width=width, height=height, renditions=renditions)


def rendition_name(name: str, width: int) -> str:
    stem = name.rsplit(".", 1)[0]
    return f"{stem}.{width}w.webp"


def write_renditions(storage: Storage, name: str, widths: tuple[int, ...]) -> list[str]:
    """Write the WebP copies of a stored image that its name announces; return their names."""
    sized = sized_image(name, widths)
    if sized is None or not sized.renditions:
        return []
    with storage.open(name, "rb") as stored:
        source: Image.Image = Image.open(stored)
        source.load()
    if source.mode not in {"RGB", "RGBA"}:
        source = source.convert("RGBA" if "A" in source.getbands() else "RGB")
    written = []
    for rendition in sized.renditions:
        copy = source.resize(
            (rendition.width, sized.height_at(rendition.width)), Image.Resampling.LANCZOS
        )
        buffer = io.BytesIO()
        copy.save(buffer, format="WEBP", quality=RENDITION_QUALITY, method=2)
        if storage.exists(rendition.name):
            storage.delete(rendition.name)
        written.append(storage.save(rendition.name, ContentFile(buffer.getvalue())))
    return written


def delete_image(file: FieldFile) -> None:
    """Delete a stored image and its copies (personal data erased, a logo removed for good)."""
    if not file:
        return
    widths = getattr(file.field, "widths", ())
    sized = sized_image(file.name or "", widths)
    for rendition in sized.renditions if sized else ():
        file.storage.delete(rendition.name)
    file.delete(save=False)


class ResponsiveImageFieldFile(ImageFieldFile):
    def save(self, name: str, content: Any, save: bool = True) -> None:
        # Every way a new file is stored passes here: a form's upload saved by the model
        # (FileField.pre_save), a service's `field.save(…)`, a bulk insert.
        super().save(name, content, save=save)
        write_renditions(self.storage, self.name or "", getattr(self.field, "widths", ()))


class ResponsiveImageField(models.ImageField):
    """An ImageField whose new files get their smaller copies when they are stored."""

    attr_class = ResponsiveImageFieldFile

    def __init__(self, *args: Any, widths: tuple[int, ...] = PHOTO_WIDTHS, **kwargs: Any) -> None:
        self.widths = tuple(widths)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["widths"] = self.widths
        return name, path, args, kwargs

    def formfield(self, **kwargs: Any) -> Any:
        # Every form of such a field, the admin's included, checks and re-encodes the upload.
        from .forms import ImageUploadField, labelled_file_widget

        kwargs.setdefault("form_class", ImageUploadField)
        if "widget" in kwargs:
            kwargs["widget"] = labelled_file_widget(kwargs["widget"])
        return super().formfield(**kwargs)
