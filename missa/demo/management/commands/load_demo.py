"""Load the demo territory (L'Isle-sur-la-Sorgue), once; --scale N for benchmarks."""

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from missa.core.models import Territory
from missa.core.seeding import DemoContext
from missa.demo import loader


class Command(BaseCommand):
    help = "Load the demo territory. Does nothing when a territory is already configured."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiply the population: 100 gives about 50,000 actors and 1,000,000 activities.",
        )
        parser.add_argument("--seed", type=int, default=2017, help="Random seed (default 2017).")
        parser.add_argument(
            "--flush",
            action="store_true",
            help="Delete the territory's data first (actors, activities, journal, programme).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scale = options["scale"]
        if not 1 <= scale <= 1000:
            raise CommandError("--scale takes a whole number from 1 to 1000.")
        if options["flush"]:
            loader.flush()
        elif Territory.objects.exists():
            self.stdout.write("A territory is already configured: nothing to load.")
            return
        started = time.monotonic()
        counts = loader.load(DemoContext(scale=scale, seed=options["seed"], stream=self.stderr))
        # Fresh statistics let the query planner pick the right indexes at once.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                "Demo territory loaded in {seconds:.1f} s: {counts}.".format(
                    seconds=time.monotonic() - started,
                    counts=", ".join(f"{number} {label}" for label, number in counts.items()),
                )
            )
        )
