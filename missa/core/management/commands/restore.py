"""manage.py restore: put back the database and the uploaded files of a backup."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from missa.core.backup import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = "Replace the database and every uploaded file with those of a backup archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="A .tar.gz written by manage.py backup.")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        try:
            manifest = read_manifest(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["interactive"]:
            answer = input(
                f"Replace this site's database and files with the backup of "
                f"{manifest['created_at']}? Everything since then is lost. Type 'yes': "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restore(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the backup of {manifest['created_at']} from {archive}")
