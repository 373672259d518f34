"""Back up and restore a whole site: its database and its uploaded files, in one archive.

The archive (`.tar.gz`) holds `manifest.json` (when, which database engine, row counts per
model, the files), the database (`database.sqlite3`, an online SQLite backup; or
`database.pgdump`, from `pg_dump`) and every file of the public and private storages under
`default/` and `private/`. Used by `manage.py backup` and `manage.py restore`.
"""

import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db import DEFAULT_DB_ALIAS, connections

from .versioning import advance_data_version

FORMAT = 1
STORAGES = ("default", "private")


class BackupError(Exception):
    """A backup or a restore that cannot be done, with the reason."""


def model_counts() -> dict[str, int]:
    """Return the number of rows of every model, by label."""
    return {
        model._meta.label: model._default_manager.using(DEFAULT_DB_ALIAS).count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def storage_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """Yield the name of every file in a storage, folder by folder."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from storage_files(storage, f"{folder}/{sub}" if folder else sub)


def _run_postgres_tool(name: str, *options: str, settings: dict[str, Any]) -> None:
    """Run pg_dump or pg_restore on the site's database; raise BackupError when it fails."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is needed: install PostgreSQL's client programs.")
    arguments = ["--dbname", str(settings["NAME"])]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            arguments += [option, str(settings[key])]
    environment = dict(os.environ)
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = str(settings["PASSWORD"])
    result = subprocess.run(  # noqa: S603 — the site's own settings, no shell
        [path, *options, *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{name} failed: {result.stderr.strip()}")


def _dump_database(folder: Path) -> str:
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.in_atomic_block:
        # SQLite would wait for this very transaction forever; PostgreSQL would miss its writes.
        raise BackupError("A backup runs outside any transaction.")
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        target = folder / "database.sqlite3"
        destination = sqlite3.connect(target)
        try:
            # SQLite's online backup: a consistent copy while the site keeps running.
            connection.connection.backup(destination)
        finally:
            destination.close()
        return target.name
    if connection.vendor == "postgresql":
        target = folder / "database.pgdump"
        _run_postgres_tool(
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(target),
            settings=connection.settings_dict,
        )
        return target.name
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def backup(output: Path) -> dict[str, Any]:
    """Write an archive of the database and the uploaded files to output; return its manifest."""
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "engine": connections[DEFAULT_DB_ALIAS].vendor,
        "counts": model_counts(),
        "files": {},
    }
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        database = _dump_database(folder)
        manifest["database"] = database
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(folder / database, arcname=database)
            for alias in STORAGES:
                storage = storages[alias]
                names = list(storage_files(storage))
                manifest["files"][alias] = names
                for name in names:
                    with storage.open(name, "rb") as handle:
                        content = handle.read()
                    info = tarfile.TarInfo(f"{alias}/{name}")
                    info.size = len(content)
                    archive.addfile(info, io.BytesIO(content))
            encoded = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(encoded)
            archive.addfile(info, io.BytesIO(encoded))
        # Complete or absent: a backup cut short never passes for a good one.
        partial.replace(output)
    return manifest


def read_manifest(archive_path: Path) -> dict[str, Any]:
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            member = archive.extractfile("manifest.json")
            if member is None:
                raise KeyError("manifest.json")
            manifest: dict[str, Any] = json.load(member)
    except (OSError, KeyError, tarfile.TarError, json.JSONDecodeError) as error:
        raise BackupError(f"Not a MISSA backup: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format: {manifest.get('format')!r}.")
    return manifest


def _restore_database(folder: Path, name: str) -> None:
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(folder / name)
        try:
            # Copied into the live database, page by page, as one replacement.
            source.backup(connection.connection)
        finally:
            source.close()
        return
    settings = connection.settings_dict
    connections.close_all()
    _run_postgres_tool(
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        str(folder / name),
        settings=settings,
    )


def restore(archive_path: Path) -> dict[str, Any]:
    """Replace the database and the uploaded files with those of an archive."""
    manifest = read_manifest(archive_path)
    engine = connections[DEFAULT_DB_ALIAS].vendor
    if manifest["engine"] != engine:
        raise BackupError(
            f"This backup is of a {manifest['engine']} database; this site uses {engine}."
        )
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(folder, filter="data")
        _restore_database(folder, manifest["database"])
        for alias in STORAGES:
            storage = storages[alias]
            wanted = set(manifest["files"].get(alias, []))
            for name in storage_files(storage):
                if name not in wanted:
                    storage.delete(name)
            for name in sorted(wanted):
                if storage.exists(name):
                    storage.delete(name)
                content = (folder / alias / name).read_bytes()
                saved = storage.save(name, ContentFile(content))
                if saved != name:
                    raise BackupError(f"Could not restore {name} under its name ({saved}).")
    # Nothing cached from before the restore may be served after it.
    cache.clear()
    advance_data_version()
    return manifest
