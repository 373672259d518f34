"""Background steps of the monthly letter (django.tasks, run by `manage.py db_worker`)."""

import datetime

from django.tasks import task

from .services import send_letter


@task()
def send_letter_task(month: str) -> int:
    """Send the letter of a month (YYYY-MM-DD, its first day); return its copies."""
    return send_letter(datetime.date.fromisoformat(month)).recipient_count
