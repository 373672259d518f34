"""Who may take part, and how: propose, support, edit or withdraw an idea, answer it.

When a step may happen (the call is open, the idea not yet supported) is the services' rule
(`services.py`): the same refusal, with its reason, on every path.
"""

from typing import Any

import rules

from missa.accounts.rules import has_verified_email, is_administrator, is_editor
from missa.actors.rules import acts_for_an_organisation, is_committee_member, is_member_of

from .models import Call, Idea

is_staff_of_the_programme = is_committee_member | is_editor | is_administrator


@rules.predicate
def may_propose_in(user: Any, call: Call | None) -> bool:
    """Return whether the call's rules let user propose (anyone, or members only)."""
    if call is None or call.proposers == Call.Proposers.ANYONE:
        return True
    return bool(acts_for_an_organisation(user) or is_staff_of_the_programme(user))


@rules.predicate
def is_author(user: Any, idea: Idea | None) -> bool:
    return idea is not None and user.is_authenticated and idea.author_id == user.pk


# Taking part needs an account whose email address is confirmed.
rules.add_perm("participation.take_part", has_verified_email)
rules.add_perm("participation.propose_idea", has_verified_email & may_propose_in)
rules.add_perm("participation.propose_for_actor", is_member_of)
# A rule, not a permission: only the author, whatever an administrator may do elsewhere.
rules.add_rule("participation.change_own_idea", has_verified_email & is_author)
rules.add_perm("participation.answer_idea", is_staff_of_the_programme)
rules.add_perm("participation.export_answers", is_editor | is_administrator)
