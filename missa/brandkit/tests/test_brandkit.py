import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from PIL import Image

from missa.accounts.models import User
from missa.actors.models import Actor
from missa.brandkit.models import BrandAsset, Download, MisuseReport, UsageAcceptance

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "#0b5394").save(buffer, format="PNG")
    return buffer.getvalue()


def asset(title: str, access: str, **fields: object) -> BrandAsset:
    created = BrandAsset(title_fr=title, title_en=title, kind="logo", access=access, **fields)
    created.file.save(f"{title}.png", ContentFile(png_bytes()), save=False)
    created.save()
    return created


def test_kit_lists_public_and_reserved_assets(client: Client, territory: object) -> None:
    asset("Logo public", "public")
    asset("Logo réservé", "members")
    asset("Logo expiré", "public", expires_on=datetime.date(2020, 1, 1))
    html = client.get("/brand-kit/").content.decode()
    assert "Logo public" in html
    assert "Logo réservé" in html
    assert "Réservé aux ambassadeurs et partenaires" in html
    assert "Logo expiré" not in html


def test_empty_kit_says_so(client: Client, territory: object) -> None:
    assert "Le kit de marque est vide pour l'instant." in client.get("/brand-kit/").content.decode()


def test_anyone_downloads_public_assets_and_it_is_logged(client: Client, territory: object) -> None:
    public = asset("Logo public", "public")
    response = client.get(f"/brand-kit/{public.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="logo-public-v1.png"'
    assert Download.objects.get().user is None


def test_reserved_assets_need_a_member_who_accepted_the_conditions(
    client: Client, member: User, cast: dict[str, Actor]
) -> None:
    reserved = asset("Logo réservé", "members")
    url = f"/brand-kit/{reserved.pk}/download/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == "/brand-kit/conditions/"
    assert client.post("/brand-kit/conditions/", {}).status_code == 200
    client.post("/brand-kit/conditions/", {"accept": "yes"})
    assert UsageAcceptance.objects.filter(user=member).exists()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    download = Download.objects.get()
    assert download.user == member
    assert download.actor == cast["alice"]


def test_reserved_assets_are_closed_to_visitors_and_non_members(
    client: Client, territory: object
) -> None:
    reserved = asset("Logo réservé", "members")
    url = f"/brand-kit/{reserved.pk}/download/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    user = User.objects.create_user("someone", "someone@example.org", "pw-sorgue-2017")
    client.force_login(user)
    assert client.get(url).status_code == 403
    assert client.get("/brand-kit/conditions/").status_code == 403
    assert not Download.objects.exists()


@pytest.mark.parametrize("state", ["unpublished", "expired", "unknown"])
def test_unavailable_assets_are_404(client: Client, territory: object, state: str) -> None:
    options: dict[str, dict[str, object]] = {
        "unpublished": {"is_published": False},
        "expired": {"expires_on": datetime.date(2020, 1, 1)},
        "unknown": {},
    }
    fields = options[state]
    created = asset("Logo", "public", **fields)
    pk = created.pk + 1000 if state == "unknown" else created.pk
    assert client.get(f"/brand-kit/{pk}/download/").status_code == 404


def test_assets_uploaded_in_the_admin_are_checked_by_content(admin_client: Client) -> None:
    def post(name: str, content: bytes) -> str:
        upload = io.BytesIO(content)
        upload.name = name
        response = admin_client.post(
            "/admin/brandkit/brandasset/add/",
            {
                "title_fr": name,
                "kind": "guide",
                "version": "1",
                "access": "members",
                "order": 0,
                "is_published": "on",
                "file": upload,
            },
        )
        return response.content.decode() if response.status_code == 200 else "saved"

    assert post("guide.pdf", PDF) == "saved"
    assert "pas un document accepté" in post("guide.pdf", b"not a pdf at all")
    assert "pas une image lisible" in post("logo.png", b"not an image at all")
    assert "SVG" in post("logo.svg", b"<svg><script>alert(1)</script></svg>")  # no namespace
    assert "entit" in post("bomb.svg", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>')
    drawing = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script>'
    assert post("logo.svg", drawing + b'<rect width="4" height="4"/></svg>') == "saved"
    assert BrandAsset.objects.count() == 2
    pdf, svg = BrandAsset.objects.order_by("pk")
    assert str(pdf.file.name).endswith(".pdf") and str(svg.file.name).endswith(".svg")
    with svg.file.open("rb") as file:
        kept = file.read()
    assert b"<rect" in kept and b"script" not in kept and b"onload" not in kept


def test_anyone_reports_a_misuse(client: Client, territory: object) -> None:
    photo = io.BytesIO(png_bytes())
    photo.name = "vu.png"
    response = client.post(
        "/brand-kit/report/",
        {
            "description": "Logo déformé sur une affiche.",
            "link": "https://example.org",
            "photo": photo,
        },
    )
    assert response.status_code == 302
    report = MisuseReport.objects.get()
    assert report.status == "new"
    assert report.photo


def test_a_misuse_report_with_a_fake_photo_gets_the_form_again(
    client: Client, territory: object
) -> None:
    fake = io.BytesIO(b"text")
    fake.name = "vu.png"
    response = client.post("/brand-kit/report/", {"description": "Vu", "photo": fake})
    assert response.status_code == 200
    assert not MisuseReport.objects.exists()


def test_misuse_reports_are_rate_limited(client: Client, territory: object) -> None:
    statuses = [
        client.post("/brand-kit/report/", {"description": f"Vu {n}"}).status_code for n in range(7)
    ]
    assert statuses[0] == 302
    assert statuses[-1] == 429


def test_editors_see_download_counts(admin_client: Client, territory: object) -> None:
    public = asset("Logo public", "public")
    Download.objects.create(asset=public)
    Download.objects.create(asset=public)
    html = admin_client.get("/admin/brandkit/brandasset/").content.decode()
    assert "Logo public" in html
    assert ">2<" in html


def test_a_50_mb_upload_is_refused_with_a_form_error(admin_client: Client) -> None:
    upload = io.BytesIO(PDF + b"\0" * (51 * 1024 * 1024))
    upload.name = "huge.pdf"
    response = admin_client.post(
        "/admin/brandkit/brandasset/add/",
        {
            "title_fr": "Énorme",
            "kind": "guide",
            "version": "1",
            "access": "members",
            "order": 0,
            "file": upload,
        },
    )
    assert response.status_code == 200
    assert "trop volumineux" in response.content.decode()
    assert not BrandAsset.objects.exists()


def test_reserved_files_are_never_in_the_public_media_space(
    client: Client, member: User, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path
    from urllib.parse import quote

    from django.core.files.storage import storages
    from django.test import override_settings

    assert isinstance(tmp_path, Path)
    media, private = tmp_path / "media", tmp_path / "private"
    with override_settings(
        MEDIA_ROOT=media,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {
                "BACKEND": "missa.core.storage.PrivateFileSystemStorage",
                "OPTIONS": {"location": private},
            },
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ):
        # The field resolves its storage once, when the app loads: as a deployment would.
        monkeypatch.setattr(BrandAsset._meta.get_field("file"), "storage", storages["private"])
        reserved = asset("Logo réservé", "members")
        name = str(reserved.file.name)
        assert reserved.file.storage is storages["private"]
        assert (private / name).is_file()
        assert not media.exists() or not any(media.rglob("*.png"))
        with pytest.raises(ValueError, match="not accessible via a URL"):
            reserved.file.url  # noqa: B018 — no public address exists
        # The checked view serves it; with nginx in front, nginx sends the bytes.
        UsageAcceptance.objects.create(user=member)
        with override_settings(MISSA_SENDFILE="x-accel-redirect"):
            response = client.get(f"/brand-kit/{reserved.pk}/download/")
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == f"/internal/private-media/{quote(name)}"
        assert response["Cache-Control"] == "private, no-store"
        assert response.content == b""


def test_a_head_request_is_not_counted_as_a_download(client: Client, territory: object) -> None:
    public = asset("Logo public", "public")
    assert client.head(f"/brand-kit/{public.pk}/download/").status_code == 200
    assert not Download.objects.exists()
    client.get(f"/brand-kit/{public.pk}/download/")
    assert Download.objects.count() == 1


def test_files_uploaded_before_move_to_the_private_storage(territory: object) -> None:
    import importlib

    from django.apps import apps
    from django.core.files.storage import storages

    migration = importlib.import_module("missa.brandkit.migrations.0003_private_storage")
    public, private = storages["default"], storages["private"]
    name = public.save("brandkit/old-logo.png", ContentFile(png_bytes()))
    BrandAsset.objects.create(title_fr="Ancien", kind="logo", access="members", file=name)
    migration.move_files_to_private_storage(apps, None)
    assert private.exists(name)
    assert not public.exists(name)


def test_the_kit_shows_the_palette_and_the_dos_and_donts(
    client: Client, cast: dict[str, Actor]
) -> None:
    from missa.core.models import Sector, Territory

    territory = Territory.objects.get()
    page = client.get("/brand-kit/").content.decode()
    assert f'fill="{territory.primary_colour}"' in page
    assert f"<code>{territory.secondary_colour.upper()}</code>" in page
    for sector in Sector.objects.all():
        assert f'fill="{sector.colour}"' in page and str(sector.name) in page
    assert "À faire" in page and "À éviter" in page


def test_members_download_their_organisations_badge(
    client: Client, member: User, cast: dict[str, Actor]
) -> None:
    response = client.get("/brand-kit/badge/atelier-alice/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="badge-atelier-alice.png"'
    assert Image.open(io.BytesIO(response.content)).size == (600, 600)
    assert (
        'href="/brand-kit/badge/atelier-alice/"' in client.get("/my-organisation/").content.decode()
    )
    # Another organisation's badge is not theirs to take; an unknown one does not exist.
    assert client.get("/brand-kit/badge/cci-sorgueville/").status_code == 403
    assert client.get("/brand-kit/badge/no-such-actor/").status_code == 404
    client.logout()
    assert client.get("/brand-kit/badge/atelier-alice/").status_code == 302


def test_members_download_the_whole_kit_in_one_zip(
    client: Client, member: User, cast: dict[str, Actor]
) -> None:
    import zipfile

    asset("Logo public", "public")
    asset("Logo réservé", "members")
    asset("Logo expiré", "public", expires_on=datetime.date(2020, 1, 1))
    # Before the usage conditions: sent to accept them, nothing downloaded.
    response = client.get("/brand-kit/download-all/")
    assert response.status_code == 302 and response["Location"] == "/brand-kit/conditions/"
    assert not Download.objects.exists()
    client.post("/brand-kit/conditions/", {"accept": "yes"})
    assert 'href="/brand-kit/download-all/"' in client.get("/brand-kit/").content.decode()
    response = client.get("/brand-kit/download-all/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="kit-de-marque.zip"'
    bundle = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))  # type: ignore[attr-defined]
    assert sorted(bundle.namelist()) == ["logo-public-v1.png", "logo-reserve-v1.png"]
    assert bundle.read("logo-public-v1.png").startswith(b"\x89PNG")
    assert Download.objects.filter(user=member).count() == 2
    client.logout()
    assert client.get("/brand-kit/download-all/").status_code == 302


def test_image_assets_have_a_preview_and_every_file_its_size(
    client: Client, member: User, cast: dict[str, Actor]
) -> None:
    public = asset("Logo public", "public")
    reserved = asset("Logo réservé", "members")
    guide = BrandAsset(title_fr="Guide", title_en="Guide", kind="guide", access="public")
    guide.file.save("guide.pdf", ContentFile(b"%PDF-1.7 guide"), save=False)
    guide.save()
    assert public.size == len(png_bytes()) and guide.size == len(b"%PDF-1.7 guide")
    response = client.get(f"/brand-kit/{public.pk}/preview.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert max(Image.open(io.BytesIO(response.content)).size) <= 480
    assert not Download.objects.exists()  # a preview is not a download
    assert client.get(f"/brand-kit/{guide.pk}/preview.png").status_code == 404
    # Reserved pictures: for those who may download them.
    assert client.get(f"/brand-kit/{reserved.pk}/preview.png").status_code == 403
    client.post("/brand-kit/conditions/", {"accept": "yes"})
    assert client.get(f"/brand-kit/{reserved.pk}/preview.png").status_code == 200
    page = client.get("/brand-kit/").content.decode()
    assert f'src="/brand-kit/{public.pk}/preview.png"' in page
    assert "14\xa0octets" in page or "14 octets" in page  # the guide's size


def test_svg_assets_are_their_own_preview_and_cannot_run_anything(
    client: Client, member: User, cast: dict[str, Actor]
) -> None:
    from missa.core import art, svg

    drawing = svg.sanitise_svg(
        art.brand_logo_svg("#0b5394", "#f1c232", "Sorgueville", "mono").encode()
    )
    public = BrandAsset(title_fr="Logo SVG", title_en="SVG logo", kind="logo", access="public")
    public.file.save("logo.svg", ContentFile(drawing), save=False)
    public.save()
    reserved = BrandAsset(title_fr="Logo inversé", kind="logo", access="members")
    reserved.file.save("logo.svg", ContentFile(drawing), save=False)
    reserved.save()
    response = client.get(f"/brand-kit/{public.pk}/preview.svg")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response.content == drawing
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not Download.objects.exists()
    # Each kind of asset at its own address.
    assert client.get(f"/brand-kit/{public.pk}/preview.png").status_code == 404
    assert client.get(f"/brand-kit/{reserved.pk}/preview.svg").status_code == 403
    page = client.get("/brand-kit/").content.decode()
    assert f'src="/brand-kit/{public.pk}/preview.svg"' in page
    # Downloaded as a file, never shown as a page.
    download = client.get(f"/brand-kit/{public.pk}/download/")
    assert download["Content-Disposition"].startswith("attachment")
