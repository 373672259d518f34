"""Figures refreshed in the background when the data change, at most once every few minutes.

A page that shows such figures calls `refresh_when_stale(name, enqueue)`: when the data version
(core.versioning) has moved since the figures were last made, and no refresh was asked for in
the last few minutes, it enqueues the refresh (a django.tasks task, run by the worker); the
page itself reads what is stored and never computes. The task calls `mark_fresh(name)` when
done. State lives in the shared cache: every server sees it.
"""

from collections.abc import Callable

from django.core.cache import cache

from .versioning import data_version

EVERY = 300


def mark_fresh(name: str) -> None:
    """Say that the figures called name were just made from the data as they now are."""
    cache.set(f"fresh:{name}", data_version(), None)


def refresh_when_stale(name: str, enqueue: Callable[[], object], every: int = EVERY) -> bool:
    """Enqueue the refresh of the figures called name if the data moved since they were made
    and no refresh was enqueued in the last `every` seconds; return whether it was."""
    if cache.get(f"fresh:{name}") == data_version():
        return False
    if not cache.add(f"fresh-asked:{name}", 1, every):
        return False
    enqueue()
    return True
