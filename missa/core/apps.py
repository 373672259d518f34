from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .versioning import watch_writes


def refresh_planner_statistics(*, using: str, plan: list[Any] | None = None, **kwargs: Any) -> None:
    """Refresh the query planner's statistics after migrations ran.

    SQLite forgets a table's statistics when a migration rebuilds it, and then picks slow plans
    (a full scan of the actors instead of an index) until the next ANALYZE.
    """
    if plan:
        with connections[using].cursor() as cursor:
            cursor.execute("ANALYZE")


class CoreConfig(AppConfig):
    name = "missa.core"
    verbose_name = _("Territory")

    def ready(self) -> None:
        # Infrastructure, not domain flow: keeps the database's statistics current.
        post_migrate.connect(refresh_planner_statistics, sender=self, dispatch_uid="missa-analyze")
        # Infrastructure: every committed write advances the data version (core.versioning).
        connection_created.connect(watch_writes, dispatch_uid="missa-watch-writes")
        for connection in connections.all(initialized_only=True):
            watch_writes(connection=connection)
