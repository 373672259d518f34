"""Who may discuss, report and moderate. The moment (a discussion still open, a comment still
editable) is the services' rule."""

from typing import Any

import rules

from missa.accounts.rules import has_verified_email, is_active_person, is_administrator, is_editor

from .models import Comment


@rules.predicate
def wrote(user: Any, comment: Comment | None) -> bool:
    return comment is not None and user.is_authenticated and comment.author_id == user.pk


rules.add_perm("discussion.comment", has_verified_email)
rules.add_perm("discussion.report", rules.predicate(is_active_person))
rules.add_perm("discussion.moderate", is_editor | is_administrator)
# A rule, not a permission: only its author, whatever an administrator may do elsewhere.
rules.add_rule("discussion.change_own_comment", has_verified_email & wrote)
