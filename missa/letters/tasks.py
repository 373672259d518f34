"""Background steps of the monthly letter (django.tasks, run by `manage.py db_worker`)."""

import datetime

from django.tasks import task

from missa.core.freshness import mark_fresh

from .services import count_letters, send_letter

FRESHNESS = "letters"


@task()
def send_letter_task(month: str) -> int:
    """Send the letter of a month (YYYY-MM-DD, its first day); return its copies."""
    return send_letter(datetime.date.fromisoformat(month)).recipient_count


@task()
def count_letters_task() -> None:
    """Count each letter's copies sent, failed and unsubscribed since, then mark them fresh."""
    count_letters()
    mark_fresh(FRESHNESS)
