import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from missa.core.uploads import clean_image


def png_with_metadata(size: tuple[int, int] = (40, 30)) -> bytes:
    image = Image.new("RGB", size, "#0b5394")
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # camera maker
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def test_images_are_re_encoded_without_metadata_under_a_random_name() -> None:
    upload = SimpleUploadedFile("../../etc/passwd.jpg", png_with_metadata(), "image/jpeg")
    cleaned = clean_image(upload)
    assert cleaned.name
    assert cleaned.name.endswith(".jpg")
    assert "/" not in cleaned.name
    assert "passwd" not in cleaned.name
    data = cleaned.read()
    assert b"SecretCam" not in data
    assert Image.open(io.BytesIO(data)).size == (40, 30)


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_every_metadata_block_is_dropped(image_format: str) -> None:
    from PIL import PngImagePlugin

    image = Image.new("RGB", (20, 20), "#f1c232")
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    exif[0x8825] = {2: (43.0, 55.0, 0.0)}  # GPS latitude
    buffer = io.BytesIO()
    options: dict[str, object] = {"exif": exif.tobytes()}
    if image_format == "JPEG":
        options["comment"] = b"Secret comment: 12 rue des Juifs"
    if image_format == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "Secret comment: 12 rue des Juifs")
        options["pnginfo"] = info
    if image_format == "WEBP":
        options["xmp"] = b"<x:xmpmeta>Secret comment: 12 rue des Juifs</x:xmpmeta>"
    image.save(buffer, format=image_format, **options)
    source = buffer.getvalue()
    assert b"Secret" in source
    upload = SimpleUploadedFile(f"photo.{image_format.lower()}", source, f"image/{image_format}")
    data = clean_image(upload).read()
    assert b"Secret" not in data
    cleaned = Image.open(io.BytesIO(data))
    assert not cleaned.getexif()
    assert "comment" not in cleaned.info and "xmp" not in cleaned.info


def test_large_images_are_scaled_down() -> None:
    upload = SimpleUploadedFile("big.jpg", png_with_metadata((3000, 1000)), "image/jpeg")
    cleaned = clean_image(upload, max_side=600)
    assert Image.open(io.BytesIO(cleaned.read())).size == (600, 200)


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("photo.png", b"this is really a text file", "not_image"),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "svg",
        ),
        ("logo.png", b'<?xml version="1.0"?><svg></svg>', "svg"),
        ("truncated.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "not_image"),
    ],
)
def test_files_that_are_not_images_are_refused(name: str, content: bytes, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        clean_image(SimpleUploadedFile(name, content, "image/png"))
    assert error.value.code == code


def test_files_over_the_size_limit_are_refused_before_reading() -> None:
    upload = SimpleUploadedFile("huge.jpg", b"\xff" * (6 * 1024 * 1024), "image/jpeg")
    with pytest.raises(ValidationError) as error:
        clean_image(upload)
    assert error.value.code == "too_large"


def test_decompression_bombs_are_refused() -> None:
    image = Image.new("1", (10000, 10000))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    with pytest.raises(ValidationError) as error:
        clean_image(SimpleUploadedFile("bomb.png", buffer.getvalue(), "image/png"))
    assert error.value.code == "too_many_pixels"
