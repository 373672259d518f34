"""Uploaded files on S3-compatible object storage, as several app servers share them.

A local S3-compatible server (moto's) is started for the test; MISSA's storages point to two of
its buckets, as docs/deployment.md configures them: public media, private files.
"""

import io
import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.test import Client, override_settings
from moto.server import ThreadedMotoServer
from PIL import Image

from missa.accounts.models import User
from missa.brandkit.models import BrandAsset, UsageAcceptance
from missa.testing.servers import free_port

# Committed data: the backup at the end copies the database as another process would see it.
pytestmark = pytest.mark.django_db(transaction=True)
PUBLIC_READ = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::missa-media/*",
            }
        ],
    }
)


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def s3_storages(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    options = {
        "endpoint_url": s3_endpoint,
        "region_name": "us-east-1",
        "access_key": "missa-test",
        "secret_key": "missa-test-secret",
        "file_overwrite": False,
        "default_acl": None,
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="missa-test",
        aws_secret_access_key="missa-test-secret",
    )
    for bucket in ("missa-media", "missa-private"):
        client.create_bucket(Bucket=bucket)
    # The public bucket lets anyone read its files (docs/deployment.md); the private one does not.
    client.put_bucket_policy(Bucket="missa-media", Policy=PUBLIC_READ)
    with override_settings(
        STORAGES={
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {**options, "bucket_name": "missa-media", "querystring_auth": False},
            },
            "private": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {**options, "bucket_name": "missa-private"},
            },
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ):
        # FileFields resolve their storage when the app loads, as a deployment's would.
        for model, name in ((User, "photo"), (BrandAsset, "file")):
            field = model._meta.get_field(name)
            alias = "private" if model is BrandAsset else "default"
            monkeypatch.setattr(field, "storage", storages[alias])
        yield client
        for bucket in ("missa-media", "missa-private"):
            for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
                client.delete_object(Bucket=bucket, Key=item["Key"])
            client.delete_bucket(Bucket=bucket)


def keys(client: Any, bucket: str) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]


def test_uploads_go_to_the_buckets_and_private_files_stay_private(
    client: Client, s3_storages: Any, territory: object, tmp_path: Path
) -> None:
    user = User.objects.create_user("lea", "lea@example.org", "pw-sorgue-2017")
    client.force_login(user)
    picture = io.BytesIO()
    Image.new("RGB", (30, 30), "#0b5394").save(picture, format="PNG")
    picture.seek(0)
    picture.name = "me.png"
    response = client.post("/accounts/profile/", {"language": "fr", "photo": picture})
    assert response.status_code == 302
    user.refresh_from_db()
    [photo_key] = keys(s3_storages, "missa-media")
    assert photo_key == user.photo.name
    # A public file is read from the bucket's address, by anyone.
    with urllib.request.urlopen(user.photo.url) as answer:  # noqa: S310 — the local test server
        assert Image.open(io.BytesIO(answer.read())).size == (30, 30)

    reserved = BrandAsset(title_fr="Guide", kind="guide", access="members")
    reserved.file.save("guide.pdf", ContentFile(b"%PDF-1.7 guide"), save=False)
    reserved.save()
    assert keys(s3_storages, "missa-private") == [reserved.file.name]
    assert keys(s3_storages, "missa-media") == [photo_key]
    # The private bucket is read by the checked view only, for those it lets in (here an
    # administrator with two-factor authentication who accepted the usage conditions).
    assert client.get(f"/brand-kit/{reserved.pk}/download/").status_code == 403
    User.objects.filter(pk=user.pk).update(is_superuser=True, is_staff=True)
    TOTP.activate(user, generate_totp_secret())
    UsageAcceptance.objects.create(user=user)
    download = client.get(f"/brand-kit/{reserved.pk}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.7 guide"  # type: ignore[attr-defined]

    # A backup holds the buckets' files, and a restore puts them back.
    archive = tmp_path / "site.tar.gz"
    call_command("backup", "--output", str(archive), stdout=io.StringIO())
    s3_storages.delete_object(Bucket="missa-private", Key=reserved.file.name)
    call_command("restore", str(archive), "--no-input", stdout=io.StringIO())
    assert keys(s3_storages, "missa-private") == [reserved.file.name]
