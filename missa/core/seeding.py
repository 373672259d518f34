"""What every app's `demo.py` receives: the demo territory's dates, its size and its randomness.

Each app that has a share of the demo territory declares it in its own `demo.py`, with two
functions: `load(demo: DemoContext) -> dict[str, int]` (create its rows from what the apps below
it created, return counts to report) and `flush()` (delete them). `missa.demo` finds these modules
and runs them in the order of INSTALLED_APPS, which follows the layers.
"""

import datetime
import random
import sys
from dataclasses import dataclass, field
from typing import Protocol

# The programme's first month, the brand launch, and the demo's last month.
START = datetime.date(2017, 5, 1)
LAUNCH = datetime.date(2018, 4, 1)
END = datetime.date(2020, 12, 1)


class Stream(Protocol):
    def write(self, text: str) -> object: ...

    def flush(self) -> None: ...


class ProgressBar:
    """A plain progress bar on a terminal stream (no dependency)."""

    def __init__(self, stream: Stream, label: str, total: int) -> None:
        self.stream, self.label, self.total, self.shown = stream, label, max(total, 1), -1

    def update(self, done: int) -> None:
        percent = min(100, 100 * done // self.total)
        if percent != self.shown:
            self.shown = percent
            bar = "#" * (percent // 4)
            self.stream.write(f"\r{self.label:<12} [{bar:<25}] {percent:3d}%")
            if percent == 100:
                self.stream.write("\n")
            self.stream.flush()


@dataclass
class DemoContext:
    """One load of the demo: its scale (1 = the brief's territory, 100 for benchmarks), the
    random generator every app draws from in turn (so the same seed gives the same territory),
    and the stream for progress bars."""

    scale: int = 1
    seed: int = 2017
    stream: Stream = field(default_factory=lambda: sys.stderr)
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def progress(self, label: str, total: int) -> ProgressBar:
        return ProgressBar(self.stream, label, total)
