"""Build the demo territory from every app's share, declared in the app's own `demo.py`.

An app takes part by writing `demo.py` with `load(demo)` and `flush()` (see missa.core.seeding);
nothing here names it. Shares load in the order of INSTALLED_APPS, which follows the layers: an
app reads what the apps below it created, and all draw in turn from one seeded generator, so the
same seed gives the same territory.
"""

import time
from types import ModuleType

from django.db import transaction

from missa.core.discovery import app_modules
from missa.core.seeding import DemoContext


def demo_modules() -> list[ModuleType]:
    """Return every installed app's `demo` module, in the order of INSTALLED_APPS."""
    return app_modules("demo")


def load(demo: DemoContext) -> dict[str, int]:
    """Load every app's share of the demo territory; return the counts they report."""
    counts: dict[str, int] = {}
    for module in demo_modules():
        started = time.monotonic()
        counts.update(module.load(demo))
        if demo.scale > 1:
            # At benchmark sizes, say where the time goes.
            app = module.__name__.rsplit(".", 2)[-2]
            demo.stream.write(f"{app}: {time.monotonic() - started:.1f} s\n")
    return counts


@transaction.atomic
def flush() -> None:
    """Delete the demo territory: every app's share, the top layers first."""
    for module in reversed(demo_modules()):
        module.flush()
