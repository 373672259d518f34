"""The data version: one number in the shared cache that every committed write advances.

Cached figures and cached pages are keyed by it, so a write is visible on the next request,
on every server. Correct by construction: a wrapper on the database connection sees every
INSERT, UPDATE and DELETE (ORM, bulk operations, raw SQL) and the version advances at the next
safe point — when the transaction commits, when the request ends, or before the version is
read — not because each service remembered to do it (docs/decisions/0005-data-version.md).
"""

import functools
import hashlib
import logging
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

logger = logging.getLogger(__name__)
VERSION_KEY = "missa:data-version"
CHANGED_KEY = "missa:data-changed-at"
# Tables whose writes never change what a page shows: sessions, the cache itself, the task
# queue and the outgoing mail, the audit log and the download log (read in the admin only),
# sign-in bookkeeping (authenticators, email addresses and their confirmations), the
# migrations' record. Any other table counts, so that a new one can never be forgotten.
_IGNORED_TABLES = {
    "django_session",
    "django_migrations",
    "django_tasks_database_dbtaskresult",
    "mail_outgoingemail",
    "audit_auditentry",
    "brandkit_download",
    "mfa_authenticator",
    "account_emailaddress",
    "account_emailconfirmation",
}
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?([\w.]+)"?',
    re.IGNORECASE,
)
_UNSEEN = "_missa_unseen_write"
# While `migrate` runs, the cache table may not exist yet: one advance when it is done.
_paused = False


def _cache_tables() -> set[str]:
    return {
        str(config["LOCATION"])
        for config in settings.CACHES.values()
        if str(config["BACKEND"]).endswith("DatabaseCache")
    }


@functools.cache
def code_version() -> str:
    """Return a fingerprint of the code that makes pages: templates, translations, Python, CSS.

    Part of every cache key, so that after a deployment no page made by the previous code is
    served (the same code on every server gives the same fingerprint).
    """
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".html", ".txt", ".mo", ".css", ".js"} and path.is_file():
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def is_data_write(sql: str) -> bool:
    """Return whether sql writes a table whose content visitors may see."""
    match = _WRITE.match(sql)
    if match is None:
        return False
    table = match.group(1).split(".")[-1]
    return table not in _IGNORED_TABLES and table not in _cache_tables()


def advance_data_version() -> None:
    """Make every cached page and figure stale."""
    try:
        cache.set(CHANGED_KEY, int(time.time()), timeout=None)
        try:
            cache.incr(VERSION_KEY)
            # Some backends' incr is a get and a set with the default lifetime: keep it forever.
            cache.touch(VERSION_KEY, timeout=None)
        except ValueError:  # not there yet (or evicted): a fresh, larger number
            cache.set(VERSION_KEY, time.time_ns() // 1000, timeout=None)
    except Exception as error:
        # A cache that cannot be reached caches nothing either; the write itself stands.
        logger.warning("Could not advance the data version: %s", error)


def advance_if_written(**kwargs: Any) -> None:
    """Advance the version if a write was seen since the last advance (a safe point)."""
    if _paused:
        return
    written = False
    for connection in connections.all(initialized_only=True):
        if getattr(connection, _UNSEEN, False) and not connection.in_atomic_block:
            setattr(connection, _UNSEEN, False)
            written = True
    if written:
        advance_data_version()


def _after_commit() -> None:
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            setattr(connection, _UNSEEN, False)
    advance_data_version()


def data_version() -> int:
    """Return the current data version (creating it, never reusing an old number)."""
    for connection in connections.all(initialized_only=True):
        if getattr(connection, _UNSEEN, False):
            # A write of this process or of this very transaction: seen from here on.
            setattr(connection, _UNSEEN, False)
            advance_data_version()
    version = cache.get(VERSION_KEY)
    if version is None:
        # After an eviction, start above any number used before: time in microseconds.
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY, 0)
    return int(version)


def data_changed_at() -> int:
    """Return when the data last changed, in seconds since the epoch (for Last-Modified).

    Read with the version: a write not yet seen advances both first. Unknown (a new or evicted
    cache), it is now: clients fetch again rather than keep stale data.
    """
    data_version()
    changed = cache.get(CHANGED_KEY)
    if changed is None:
        cache.add(CHANGED_KEY, int(time.time()), timeout=None)
        changed = cache.get(CHANGED_KEY, int(time.time()))
    return int(changed)


FIGURES_TTL = 300


def figure_for_today[T](name: str, compute: Callable[[], T]) -> T:
    """Return a computed figure, kept in the shared cache under the data version and the day.

    Any committed write or a new day gives a new key, so the figure is never stale; every app
    server reads the same one.
    """
    today = timezone.localdate().isoformat()
    key = f"figures:{name}:{code_version()}:{data_version()}:{today}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, FIGURES_TTL)
    return found


def _note_write(connection: BaseDatabaseWrapper) -> None:
    # Never query the cache here: the statement's rows may not have been fetched yet.
    setattr(connection, _UNSEEN, True)
    if connection.in_atomic_block and not any(
        entry[1] is _after_commit
        for entry in connection.run_on_commit  # (sids, func, robust)
    ):
        transaction.on_commit(_after_commit, using=connection.alias, robust=True)


def watch_writes(*, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """Install the write watcher on a database connection (once)."""

    def watcher(
        execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]
    ) -> Any:
        result = execute(sql, params, many, context)
        if not _paused and is_data_write(sql):
            _note_write(context["connection"])
        return result

    installed = connection.execute_wrappers
    if not any(getattr(wrapper, "_missa_watcher", False) for wrapper in installed):
        watcher._missa_watcher = True  # type: ignore[attr-defined]
        installed.append(watcher)


def pause_during_migrations(**kwargs: Any) -> None:
    global _paused
    _paused = True


def resume_after_migrations(**kwargs: Any) -> None:
    global _paused
    if _paused:
        _paused = False
        advance_data_version()
