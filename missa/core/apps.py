import atexit
from typing import Any

from django.apps import AppConfig
from django.core.signals import request_finished
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, pre_migrate
from django.tasks.signals import task_finished
from django.utils.translation import gettext_lazy as _

from .versioning import (
    advance_if_written,
    pause_during_migrations,
    resume_after_migrations,
    watch_writes,
)


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
    # What town staff (the editors group) may do with this app\'s models in the admin.
    editor_permissions = ["add", "change", "delete", "view"]

    def ready(self) -> None:
        from . import checks  # noqa: F401 — registers MISSA's system checks

        # Infrastructure, not domain flow: keeps the database's statistics current.
        post_migrate.connect(refresh_planner_statistics, sender=self, dispatch_uid="missa-analyze")
        # Infrastructure: every committed write advances the data version (core.versioning).
        connection_created.connect(watch_writes, dispatch_uid="missa-watch-writes")
        for connection in connections.all(initialized_only=True):
            watch_writes(connection=connection)
        # Safe points at which a write made outside a transaction is seen: the end of a
        # request, of a background task, of a command's process.
        request_finished.connect(advance_if_written, dispatch_uid="missa-advance-on-finish")
        task_finished.connect(advance_if_written, dispatch_uid="missa-advance-after-task")
        atexit.register(advance_if_written)
        pre_migrate.connect(pause_during_migrations, dispatch_uid="missa-pause-versioning")
        post_migrate.connect(resume_after_migrations, dispatch_uid="missa-resume-versioning")
