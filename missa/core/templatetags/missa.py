"""Template helpers shared by every app."""

import datetime

from django import template
from django.utils.safestring import SafeString, mark_safe

from missa.core.models import month_name
from missa.core.text import render_markdown
from missa.journal.models import month_url as journal_month_url

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Render Markdown written by a person as sanitised HTML."""
    return mark_safe(render_markdown(text))  # noqa: S308 — sanitised by nh3


register.filter("month_name", month_name)


@register.simple_tag
def month_url(month: datetime.date) -> str:
    return journal_month_url(month)


@register.filter
def get_item(mapping: dict[str, object], key: str) -> object:
    """Return mapping[key] in a template (None when missing)."""
    return mapping.get(key) if isinstance(mapping, dict) else None
