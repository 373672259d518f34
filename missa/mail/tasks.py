"""Background tasks of the mail queue (run by `manage.py db_worker`)."""

from django.tasks import task

from . import services


@task()
def deliver_email(email_id: int) -> None:
    """Send one queued email, or plan its next attempt."""
    services.deliver(email_id)
