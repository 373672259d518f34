"""Background steps of the indicators (django.tasks, run by `manage.py db_worker`)."""

from django.tasks import task

from missa.core.freshness import mark_fresh

from .services import take_measures

FRESHNESS = "indicators"


@task()
def take_measures_task() -> int:
    """Take MISSA's own measures, then mark them fresh for the data as it now is."""
    taken = take_measures()
    mark_fresh(FRESHNESS)
    return taken
