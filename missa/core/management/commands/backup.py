"""manage.py backup: the database and the uploaded files, in one archive."""

import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from missa.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write the database and every uploaded file to one .tar.gz archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            help="The archive to write (default: var/backups/missa-<date and time>.tar.gz).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output: Path | None = options["output"]
        if output is None:
            stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
            output = Path(settings.VAR_DIR) / "backups" / f"missa-{stamp}.tar.gz"
        output.parent.mkdir(parents=True, exist_ok=True)
        try:
            manifest = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = sum(len(names) for names in manifest["files"].values())
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"Backed up {rows} rows and {files} files to {output}")
