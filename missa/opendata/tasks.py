"""Background steps of the open data (django.tasks, run by `manage.py db_worker`)."""

from django.tasks import task

from missa.core.freshness import mark_fresh

from .services import publish_open_data

FRESHNESS = "opendata"


@task()
def publish_open_data_task() -> str:
    """Write the open-data files from the data as it now is, then mark them fresh."""
    release = publish_open_data()
    mark_fresh(FRESHNESS)
    return release.folder
