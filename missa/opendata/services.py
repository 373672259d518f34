"""Writing the open data: every app's datasets as CSV and JSON, with their data package.

`publish_open_data()` runs in the background (tasks.publish_open_data_task, enqueued by the
pages when the data moved: core.freshness). It writes a new release's files into a folder of
their own in the default storage (the disk, or S3), records the release once every file is
there, then removes the releases before the previous one (a download that began on it may
still be reading). A request never builds a file.
"""

import csv
import datetime
import hashlib
import io
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation

from missa.core.datasets import Column, Dataset
from missa.core.discovery import app_modules
from missa.core.versioning import data_version

from .models import Release

ROOT = "opendata"
PACKAGE = "datapackage.json"
LICENCE = {
    "name": "etalab-2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "title": "Licence Ouverte / Open Licence version 2.0",
}
KEPT = 2  # releases whose files stay: the current one and the one before


def all_datasets() -> list[Dataset]:
    """Return every app's datasets (their `exports.py`), in their order."""
    found = [dataset for module in app_modules("exports") for dataset in module.datasets()]
    return sorted(found, key=lambda dataset: (dataset.order, dataset.name))


def cell(value: Any) -> Any:
    """Return a value as the files write it: ISO dates, numbers as numbers, empty as None."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if value == "":
        return None
    return value


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def field_of(column: Column) -> dict[str, Any]:
    """Return a column as a Table Schema field."""
    field: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    if column.format:
        field["format"] = column.format
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.pattern:
        constraints["pattern"] = column.pattern
    if column.enum:
        constraints["enum"] = list(column.enum)
    if constraints:
        field["constraints"] = constraints
    return field


class _Digest(io.RawIOBase):
    """A file being written, whose size and SHA-256 are counted on the way."""

    def __init__(self, target: IO[bytes]) -> None:
        self.target, self.size, self.hash = target, 0, hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.target.write(chunk)
        self.size += len(chunk)
        self.hash.update(chunk)
        return len(chunk)


@contextmanager
def _file(folder: str, name: str) -> Iterator[tuple[IO[str], dict[str, Any]]]:
    """Open one file of a release as a text stream; once written, store it and fill the
    facts given with its size and hash."""
    facts: dict[str, Any] = {}
    with tempfile.TemporaryFile() as spool:
        counted = _Digest(spool)
        text = io.TextIOWrapper(
            io.BufferedWriter(counted), encoding="utf-8", newline="", write_through=True
        )
        yield text, facts
        text.flush()
        spool.seek(0)
        default_storage.save(f"{ROOT}/{folder}/{name}", File(spool, name=name))
    facts.update(bytes=counted.size, hash=f"sha256:{counted.hash.hexdigest()}")


def _tables(dataset: Dataset, folder: str) -> tuple[int, dict[str, Any], dict[str, Any]]:
    """Write a dataset's CSV and JSON files from one reading of its rows (both files hold the
    same rows); return its row count and both files' facts."""
    names = [column.name for column in dataset.columns]
    rows = 0
    with (
        _file(folder, f"{dataset.name}.csv") as (csv_text, csv_facts),
        _file(folder, f"{dataset.name}.json") as (json_text, json_facts),
    ):
        writer = csv.writer(csv_text, lineterminator="\r\n")
        writer.writerow(names)
        json_text.write("[")
        for row in dataset.rows():
            values = [cell(value) for value in row]
            writer.writerow([_csv_cell(value) for value in values])
            json_text.write(",\n" if rows else "\n")
            json_text.write(json.dumps(dict(zip(names, values, strict=True)), ensure_ascii=False))
            rows += 1
        json_text.write("\n]\n")
    return rows, csv_facts, json_facts


def _resource(
    dataset: Dataset, fmt: str, facts: dict[str, Any], schema: dict[str, Any]
) -> dict[str, Any]:
    return {
        "name": f"{dataset.name}-{fmt}",
        "path": f"{dataset.name}.{fmt}",
        "title": str(dataset.title),
        "description": str(dataset.description),
        "format": fmt,
        "mediatype": "text/csv" if fmt == "csv" else "application/json",
        "encoding": "utf-8",
        "bytes": facts["bytes"],
        "hash": facts["hash"],
        "schema": schema,
    }


def publish_open_data() -> Release:
    """Write every dataset as CSV and JSON with its data package, as a new release."""
    version = data_version()
    now = timezone.now()
    folder = f"{now:%Y%m%d-%H%M%S}-{version % 100000:05d}"
    resources, rows = [], {}
    with translation.override(settings.LANGUAGE_CODE):
        for dataset in all_datasets():
            schema: dict[str, Any] = {"fields": [field_of(column) for column in dataset.columns]}
            if dataset.primary_key:
                schema["primaryKey"] = list(dataset.primary_key)
            count, csv_facts, json_facts = _tables(dataset, folder)
            rows[dataset.name] = count
            resources += [
                _resource(dataset, "csv", csv_facts, schema),
                _resource(dataset, "json", json_facts, schema),
            ]
        package = {
            "name": "missa",
            "title": f"MISSA — {settings.MISSA_SITE_URL}",
            "description": "The attractiveness programme's public data, as its site shows it.",
            "homepage": settings.MISSA_SITE_URL,
            "created": now.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z"),
            "licenses": [LICENCE],
            "resources": resources,
        }
    with _file(folder, PACKAGE) as (text, _facts):
        text.write(json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    with transaction.atomic():
        release = Release.objects.create(
            folder=folder, created_at=now, data_version=version, package=package, rows=rows
        )
    for old in Release.objects.order_by("-created_at", "-pk")[KEPT:]:
        _remove(old)
    return release


def _remove(release: Release) -> None:
    for resource in release.package.get("resources", []):
        default_storage.delete(f"{ROOT}/{release.folder}/{resource['path']}")
    default_storage.delete(f"{ROOT}/{release.folder}/{PACKAGE}")
    release.delete()


def file_url(release: Release, name: str) -> str:
    """Return the address a release's file is served at (the storage's: the web server's or
    the object store's, never a view)."""
    return default_storage.url(f"{ROOT}/{release.folder}/{name}")
