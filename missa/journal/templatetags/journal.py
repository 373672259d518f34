"""Template helpers of the journal: links to its months."""

import datetime

from django import template

from missa.journal.models import month_url as journal_month_url

register = template.Library()


@register.simple_tag
def month_url(month: datetime.date) -> str:
    """Return the address of a month's journal page."""
    return journal_month_url(month)
