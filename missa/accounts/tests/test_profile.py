import io

import pytest
from django.test import Client
from PIL import Image

from missa.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def lea(client: Client) -> User:
    user = User.objects.create_user("lea", "lea@example.org", "sorgue-2017-venise")
    client.force_login(user)
    return user


def jpeg(size: tuple[int, int] = (300, 200)) -> io.BytesIO:
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    Image.new("RGB", size, "#f1c232").save(buffer, format="JPEG", exif=exif.tobytes())
    buffer.seek(0)
    buffer.name = "portrait.jpg"
    return buffer


def test_profile_requires_signing_in(client: Client) -> None:
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_profile_saves_name_language_and_a_cleaned_photo(client: Client, lea: User) -> None:
    response = client.post(
        "/accounts/profile/",
        {"display_name": "Léa Fabre", "language": "en", "photo": jpeg((1600, 1200))},
    )
    assert response.status_code == 302
    lea.refresh_from_db()
    assert lea.display_name == "Léa Fabre"
    assert lea.language == "en"
    assert str(lea.photo.name).startswith("accounts/photos/")
    data = lea.photo.read()
    assert b"SecretCam" not in data
    assert Image.open(io.BytesIO(data)).size == (800, 600)
    page = client.get("/accounts/profile/").content.decode()
    assert "Votre profil est enregistré." in page
    assert 'alt="Photo de Léa Fabre"' in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.png", b"not an image at all", "pas une image"),
        ("logo.svg", b"<svg><script>alert(1)</script></svg>", "SVG"),
        ("big.jpg", b"\xff" * (6 * 1024 * 1024), "trop volumineux"),
    ],
)
def test_bad_photos_get_the_form_again_with_an_error_and_nothing_saved(
    client: Client, lea: User, name: str, content: bytes, message: str
) -> None:
    upload = io.BytesIO(content)
    upload.name = name
    response = client.post(
        "/accounts/profile/", {"display_name": "Changed", "language": "fr", "photo": upload}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    lea.refresh_from_db()
    assert lea.display_name == ""
    assert not lea.photo


def test_replacing_a_photo_deletes_the_old_file(client: Client, lea: User) -> None:
    client.post("/accounts/profile/", {"language": "fr", "photo": jpeg()})
    lea.refresh_from_db()
    first = str(lea.photo.name)
    storage = lea.photo.storage
    client.post("/accounts/profile/", {"language": "fr", "photo": jpeg()})
    lea.refresh_from_db()
    assert lea.photo.name != first
    assert not storage.exists(first)
    client.post("/accounts/profile/", {"language": "fr", "photo-clear": "on"})
    lea.refresh_from_db()
    assert not lea.photo


def test_unknown_language_is_a_form_error(client: Client, lea: User) -> None:
    response = client.post("/accounts/profile/", {"language": "klingon"})
    assert response.status_code == 200
    lea.refresh_from_db()
    assert lea.language == "fr"
