from typing import Any

import rules

from missa.accounts.rules import is_administrator, is_editor

from .models import Membership


@rules.predicate
def is_member_of(user: Any, actor: Any) -> bool:
    """Return whether user acts for actor (owner or editor of it) and actor is in the network.

    Rights follow the organisation's standing: once suspended or departed, its members no
    longer publish or edit for it.
    """
    if not (user.is_authenticated and user.is_active) or actor is None:
        return False
    return Membership.objects.filter(user=user, actor=actor).in_good_standing().exists()


rules.add_perm("actors.report_for_actor", is_member_of | is_administrator)
rules.add_perm("actors.see_actor_reports", is_member_of | is_editor | is_administrator)
rules.add_perm("activity.hide_activity", is_editor | is_administrator)

rules.add_perm("actors.edit_actor_profile", is_member_of | is_editor | is_administrator)
rules.add_perm("actors.revert_actor_profile", is_editor | is_administrator)
