"""The data version: one number in the shared cache that every committed write advances.

Cached figures and cached pages are keyed by it, so a write is visible on the next request,
on every server. Correct by construction: the version is advanced by a wrapper on the database
connection that sees every INSERT, UPDATE and DELETE (ORM, bulk operations, raw SQL), once the
transaction commits — not by each service remembering to do it.
"""

import logging
import re
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

logger = logging.getLogger(__name__)
VERSION_KEY = "missa:data-version"
# Tables whose writes never change what a visitor sees: sessions, the cache itself, the task
# queue, the audit log (read in the admin only), sign-in bookkeeping.
_IGNORED_TABLES = {
    "django_session",
    "django_tasks_database_dbtaskresult",
    "audit_auditentry",
    "mfa_authenticator",
    "account_emailconfirmation",
    "brandkit_download",
}
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?([\w.]+)"?',
    re.IGNORECASE,
)


def _cache_tables() -> set[str]:
    return {
        str(config["LOCATION"])
        for config in settings.CACHES.values()
        if config["BACKEND"].endswith("DatabaseCache")
    }


def data_version() -> int:
    """Return the current data version (creating it, never reusing an old number)."""
    connection = connections[DEFAULT_DB_ALIAS]
    if getattr(connection, "_missa_unseen_write", False):
        connection._missa_unseen_write = False  # type: ignore[attr-defined]
        advance_data_version()
    version = cache.get(VERSION_KEY)
    if version is None:
        # After an eviction, start above any number used before: time in microseconds.
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY, 0)
    return int(version)


def advance_data_version() -> None:
    """Make every cached page and figure stale."""
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # not there yet (or evicted): a fresh, larger number
            cache.set(VERSION_KEY, time.time_ns() // 1000, timeout=None)
    except Exception:
        # A cache that cannot be reached caches nothing either; the write itself stands.
        logger.exception("Could not advance the data version")


def is_data_write(sql: str) -> bool:
    """Return whether sql writes a table whose content visitors may see."""
    match = _WRITE.match(sql)
    if match is None:
        return False
    table = match.group(1).split(".")[-1]
    return table not in _IGNORED_TABLES and table not in _cache_tables()


def _advance_for_write(connection: BaseDatabaseWrapper) -> None:
    """Advance the version for a write: when its transaction commits, and before a read.

    After the commit, so that a page rendered meanwhile from the data before the commit is
    never served under the new version; before the next read of the version inside the same
    transaction (`data_version`), so that the writer itself (and a test, which runs in one
    transaction) sees the change. Once per transaction, however many rows are written.
    """
    if not connection.in_atomic_block:  # autocommit: the write is already committed
        advance_data_version()
        return
    connection._missa_unseen_write = True  # type: ignore[attr-defined]
    # Each entry is (savepoint ids, function, robust).
    if not any(entry[1] is advance_data_version for entry in connection.run_on_commit):
        transaction.on_commit(advance_data_version, using=connection.alias, robust=True)


def watch_writes(*, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """Install the write watcher on a database connection (once)."""

    def watcher(
        execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]
    ) -> Any:
        result = execute(sql, params, many, context)
        if is_data_write(sql):
            _advance_for_write(context["connection"])
        return result

    installed = connection.execute_wrappers
    if not any(getattr(wrapper, "_missa_watcher", False) for wrapper in installed):
        watcher._missa_watcher = True  # type: ignore[attr-defined]
        connection.execute_wrappers.append(watcher)
