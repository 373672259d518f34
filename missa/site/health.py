"""Whether this server can serve: the database exists, answers reads and writes, is migrated.

Used by /healthz, which load balancers and monitoring call every few seconds: it must never
change anything, and never create a database where there is none.
"""

from functools import cache
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.migrations.loader import MigrationLoader


@cache
def expected_migrations() -> frozenset[tuple[str, str]]:
    """Return the migrations this code has (read once: the code does not change under it)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return frozenset(loader.disk_migrations)


def database_problem(alias: str = DEFAULT_DB_ALIAS) -> str:
    """Return what keeps the database from serving ("" when nothing does)."""
    connection = connections[alias]
    if connection.vendor == "sqlite":
        name = str(connection.settings_dict["NAME"])
        in_memory = name == ":memory:" or "mode=memory" in name
        if not in_memory and not Path(name).is_file():
            # Connecting would create an empty file: say it is missing instead.
            return "missing"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = {(app, name) for app, name in cursor.fetchall()}
    except DatabaseError:
        return "unreachable"
    if not expected_migrations() <= applied:
        return "not migrated"
    try:
        # A write that is always rolled back: the database accepts writes, nothing changes.
        with transaction.atomic(using=alias):
            with connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE django_migrations SET app = app "
                    "WHERE id = (SELECT MIN(id) FROM django_migrations)"
                )
            transaction.set_rollback(True, using=alias)
    except DatabaseError:
        return "read-only"
    return ""
