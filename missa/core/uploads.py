"""Checking files that people upload: by their content, never by their name.

Images are decoded with Pillow, capped in bytes and pixels, then re-encoded, which drops their
metadata (location, camera, comments) and anything hidden after the image data. SVG is refused:
it is a document that can carry scripts.
"""

import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from .images import encode_image
from .svg import clean_svg, looks_like_svg

MEGABYTE = 1024 * 1024
# Pillow's own guard against decompression bombs, at a limit fit for logos and portraits.
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "png"}


def clean_image(
    upload: UploadedFile, *, max_bytes: int = 5 * MEGABYTE, max_side: int = 4000
) -> "ContentFile[bytes]":
    """Return a re-encoded copy of an uploaded image, or raise ValidationError saying why."""
    if upload.size is None or upload.size > max_bytes:
        raise ValidationError(
            _("This file is too large: %(size)s MB at most.") % {"size": max_bytes // MEGABYTE},
            code="too_large",
        )
    head = upload.read(512)
    upload.seek(0)
    if b"<svg" in head.lower() or b"<?xml" in head.lower():
        raise ValidationError(_("SVG images are not accepted: use PNG, JPEG or WebP."), code="svg")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                probe.verify()
            upload.seek(0)
            image = Image.open(upload)
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("This image has too many pixels."), code="too_many_pixels")
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ValidationError(
            _("This image has too many pixels."), code="too_many_pixels"
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("This file is not an image we can read: use PNG, JPEG or WebP."), code="not_image"
        ) from None
    source_format = image.format or ""
    if source_format not in FORMATS:
        raise ValidationError(
            _("This image format is not accepted: use PNG, JPEG or WebP."), code="format"
        )
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side))
    output_format = "PNG" if source_format == "GIF" else source_format
    result: Image.Image = image
    if output_format == "JPEG" and image.mode not in {"RGB", "L"}:
        result = image.convert("RGB")
    elif result is image:
        result = image.copy()
    # Pillow writes back what it read into `info` (a JPEG's comment, a WebP's EXIF and XMP, an
    # ICC profile…): forget all of it, and write explicitly empty EXIF, so that nothing but the
    # pixels survives.
    result.info = {}
    options: dict[str, object] = {"exif": b""}
    if output_format != "PNG":
        options["quality"] = 88
    # Named with its size, so that pages know it and its smaller copies (core.images).
    return encode_image(result, output_format, **options)


DOCUMENT_SIGNATURES = {
    "pdf": b"%PDF-",
    "zip": b"PK\x03\x04",
}


def clean_document(
    upload: UploadedFile,
    *,
    max_bytes: int = 50 * MEGABYTE,
    allowed: tuple[str, ...] = ("pdf", "zip"),
) -> "ContentFile[bytes]":
    """Return an uploaded PDF or ZIP (checked by its first bytes) under a random name."""
    if upload.size is None or upload.size > max_bytes:
        raise ValidationError(
            _("This file is too large: %(size)s MB at most.") % {"size": max_bytes // MEGABYTE},
            code="too_large",
        )
    head = upload.read(8)
    upload.seek(0)
    for extension in allowed:
        if head.startswith(DOCUMENT_SIGNATURES[extension]):
            return ContentFile(upload.read(), name=f"{uuid.uuid4().hex}.{extension}")
    raise ValidationError(
        _("This file is not a document we accept: use PDF or ZIP."), code="not_document"
    )


def clean_asset_file(upload: UploadedFile) -> "ContentFile[bytes]":
    """Return a checked brand-kit file: an image (re-encoded), an SVG drawing (cleaned, see
    core.svg), a PDF or a ZIP."""
    head = upload.read(1024)
    upload.seek(0)
    if looks_like_svg(head):
        return clean_svg(upload)
    named_document = str(upload.name or "").lower().endswith(tuple(DOCUMENT_SIGNATURES))
    if named_document or any(head.startswith(sign) for sign in DOCUMENT_SIGNATURES.values()):
        # Whatever the name says, the content decides; the name only picks the message.
        return clean_document(upload)
    return clean_image(upload, max_bytes=50 * MEGABYTE, max_side=6000)
