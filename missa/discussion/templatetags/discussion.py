import datetime

from django import template

from missa.discussion.models import Comment

register = template.Library()


@register.filter
def editable_at(comment: Comment, moment: datetime.datetime) -> bool:
    """Whether its author may still change comment at moment (15 minutes after writing it)."""
    return comment.is_editable_on(moment)
