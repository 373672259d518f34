"""A backup restored gives back the same site: same rows, same files, same pages."""

import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.test import Client

from missa.actors.models import Actor
from missa.core.backup import model_counts, storage_files
from missa.journal.models import JournalMonth

pytestmark = pytest.mark.django_db(transaction=True)
PAGES = ["/", "/journal/2017/06/", "/actors/", "/actors/atelier-alice/", "/network/register/"]


def page(client: Client, url: str) -> str:
    """Return a page without what differs from one request to the next (nonces)."""
    return re.sub(r'nonce="[^"]*"', "", client.get(url).content.decode())


def files() -> dict[str, dict[str, bytes]]:
    result: dict[str, dict[str, bytes]] = {}
    for alias in ("default", "private"):
        storage = storages[alias]
        result[alias] = {}
        for name in storage_files(storage):
            with storage.open(name, "rb") as handle:
                result[alias][name] = handle.read()
    return result


def test_a_restored_backup_is_the_same_site(
    client: Client, cast: dict[str, Actor], tmp_path: Path
) -> None:
    storages["default"].save("actors/logos/alice.png", ContentFile(b"\x89PNG alice"))
    storages["private"].save("brandkit/guide.pdf", ContentFile(b"%PDF-1.7 guide"))
    counts, pages, before = model_counts(), {url: page(client, url) for url in PAGES}, files()
    archive = tmp_path / "site.tar.gz"
    call_command("backup", "--output", str(archive), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert archive.stat().st_size > 0

    # Life goes on: deletions, changes, new files.
    Actor.objects.filter(pk=cast["carol"].pk).delete()
    JournalMonth.objects.update(title_fr="Changé")
    storages["default"].delete("actors/logos/alice.png")
    storages["default"].save("actors/logos/new.png", ContentFile(b"new"))
    assert model_counts() != counts
    assert page(client, "/actors/") != pages["/actors/"]

    call_command("restore", str(archive), "--no-input", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert model_counts() == counts
    assert files() == before
    for url in PAGES:
        assert page(client, url) == pages[url], url


def test_restore_refuses_what_is_not_a_backup(tmp_path: Path, territory: object) -> None:
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="Not a MISSA backup"):
        call_command("restore", str(bogus), "--no-input")
    assert model_counts()["core.Territory"] == 1
