"""Every step of a discussion and of its moderation, and the only way it happens: comment,
reply, change or delete one's comment, report, hide or dismiss. The discussed object keeps its
figures (`comments_changed`); people are told through notifications."""

from typing import Any

import rules
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from missa.accounts.models import User
from missa.notifications.models import Notification
from missa.notifications.services import notify

from .models import Comment, Report
from .registry import DISCUSSED, REPORTED, label

COMMENT_MAX_LENGTH = 2000
REASON_MAX_LENGTH = 1000


def _check_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError(_("Write your comment."), code="empty")
    if len(text) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            _("A comment has %(max)s characters at most.") % {"max": COMMENT_MAX_LENGTH},
            code="long",
        )
    return text


@transaction.atomic
def post_comment(*, target: Any, author: User, text: str, parent: Comment | None = None) -> Comment:
    """Comment on target (or reply to one of its comments): counted by target, its author told."""
    if label(target) not in DISCUSSED:
        raise ValueError(f"{label(target)} is not discussed")
    if not author.has_perm("discussion.comment"):
        raise PermissionDenied
    if not target.discussion_open():
        raise ValidationError(_("This discussion is closed."), code="closed")
    text = _check_text(text)
    content_type = ContentType.objects.get_for_model(target)
    if parent is not None:
        if (parent.content_type_id, parent.object_id) != (content_type.pk, target.pk):
            raise ValidationError(_("This reply belongs to another discussion."), code="elsewhere")
        # One level of replies: answering a reply adds to its thread.
        parent = parent.parent or parent
        if not parent.is_visible:
            raise ValidationError(_("This comment can no longer be answered."), code="gone")
    comment = Comment.objects.create(
        content_type=content_type, object_id=target.pk, parent=parent, author=author, text=text
    )
    target.comments_changed(1, author)
    if parent is not None:
        Comment.objects.filter(pk=parent.pk).update(reply_count=F("reply_count") + 1)
        told = parent.author
        if told is not None and told.pk != author.pk:
            with translation.override(told.language):
                title = _("%(name)s replied to your comment") % {
                    "name": author.greeting_name or _("Someone")
                }
            notify(
                user=told,
                kind=Notification.Kind.REPLY,
                title=title,
                text=text,
                url=comment.get_absolute_url(),
            )
    return comment


def _own(comment: Comment, by: User) -> Comment:
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if not rules.test_rule("discussion.change_own_comment", by, locked):
        raise PermissionDenied
    return locked


@transaction.atomic
def edit_comment(*, comment: Comment, by: User, text: str) -> Comment:
    """Change one's comment in the 15 minutes after writing it."""
    locked = _own(comment, by)
    if not locked.is_editable_on(timezone.now()):
        raise ValidationError(
            _("A comment can be changed in the 15 minutes after it is written."), code="late"
        )
    locked.text, locked.edited_at = _check_text(text), timezone.now()
    locked.save(update_fields=["text", "edited_at"])
    return locked


@transaction.atomic
def delete_comment(*, comment: Comment, by: User) -> Comment:
    """Delete one's comment: its place stays ("deleted"), its text goes, the count follows."""
    locked = _own(comment, by)
    if locked.deleted_at is not None:
        return locked
    was_visible = locked.is_visible
    locked.deleted_at, locked.text = timezone.now(), ""
    locked.save(update_fields=["deleted_at", "text"])
    target = locked.target
    if was_visible and target is not None:
        target.comments_changed(-1, None)
    return locked


# Moderation.


@transaction.atomic
def report(*, target: Model, reporter: User, reason: str) -> Report:
    """Bring an idea or a comment to the moderators, with a reason."""
    if label(target) not in REPORTED and not isinstance(target, Comment):
        raise ValueError(f"{label(target)} is not reported")
    if not reporter.has_perm("discussion.report"):
        raise PermissionDenied
    reason = reason.strip()
    if not reason or len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            _("Say why, in %(max)s characters at most.") % {"max": REASON_MAX_LENGTH}, code="reason"
        )
    content_type = ContentType.objects.get_for_model(target)
    try:
        with transaction.atomic():
            return Report.objects.create(
                content_type=content_type, object_id=target.pk, reporter=reporter, reason=reason
            )
    except IntegrityError as error:
        raise ValidationError(
            _("You have already reported it; the moderators will decide."), code="twice"
        ) from error


def _open_reports_like(report: Report) -> Any:
    return Report.objects.select_for_update().filter(
        content_type_id=report.content_type_id,
        object_id=report.object_id,
        status=Report.Status.OPEN,
    )


@transaction.atomic
def hide(*, report: Report, by: User, reason: str) -> None:
    """Hide the reported content with a reason (its author is told and sees it); every open
    report on it is decided; a public trace stays ("hidden by moderation")."""
    if not by.has_perm("discussion.moderate"):
        raise PermissionDenied
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why it is hidden: its author will read it."), code="reason")
    reports = _open_reports_like(report)
    if not reports.exists():
        raise ValidationError(_("This report is already decided."), code="decided")
    content = report.target
    if content is None:
        raise ValidationError(_("The reported content no longer exists."), code="gone")
    now = timezone.now()
    if isinstance(content, Comment):
        if content.is_visible:
            Comment.objects.filter(pk=content.pk).update(hidden_at=now, hidden_reason=reason)
            if content.target is not None:
                content.target.comments_changed(-1, None)
        author = content.author
    else:
        content.hide_by_moderation(reason)
        author = content.moderation_author
    reports.update(
        status=Report.Status.HIDDEN, decided_by=by, decided_at=now, decision_reason=reason
    )
    if author is not None:
        with translation.override(author.language):
            title = _("Moderation hid something you wrote")
        notify(
            user=author,
            kind=Notification.Kind.HIDDEN,
            title=title,
            text=reason,
            url=content.get_absolute_url(),
        )


@transaction.atomic
def dismiss(*, report: Report, by: User, reason: str = "") -> None:
    """Keep the reported content as it is; every open report on it is decided."""
    if not by.has_perm("discussion.moderate"):
        raise PermissionDenied
    reports = _open_reports_like(report)
    if not reports.exists():
        raise ValidationError(_("This report is already decided."), code="decided")
    reports.update(
        status=Report.Status.DISMISSED,
        decided_by=by,
        decided_at=timezone.now(),
        decision_reason=reason.strip(),
    )
