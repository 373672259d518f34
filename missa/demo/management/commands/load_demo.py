"""Load the demo territory (L'Isle-sur-la-Sorgue), once; --scale N for benchmarks."""

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from missa.activity.models import Activity, MonthSummary
from missa.actors.models import Actor
from missa.charter.models import CharterVersion, Commitment
from missa.core.models import Benefit, Objective, Sector, Territory
from missa.demo.loader import DemoLoader
from missa.journal.models import JournalMonth
from missa.programme.models import Phase


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
            self.flush()
        elif Territory.objects.exists():
            self.stdout.write("A territory is already configured: nothing to load.")
            return
        started = time.monotonic()
        counts = DemoLoader(scale=scale, seed=options["seed"], stream=self.stderr).run()
        # Fresh statistics let the query planner pick the right indexes at once.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                "Demo territory loaded in {seconds:.1f} s: {actors} actors, {activities} "
                "activities, {months} journal months.".format(
                    seconds=time.monotonic() - started, **counts
                )
            )
        )

    @transaction.atomic
    def flush(self) -> None:
        for model in (
            Activity,
            MonthSummary,
            JournalMonth,
            Actor,
            Phase,
            Sector,
            Objective,
            Benefit,
            Territory,
            Commitment,
            CharterVersion,
        ):
            model.objects.all().delete()
