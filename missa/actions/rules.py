"""Who manages the plan and who tells its news.

Editors and committee members manage the plan (actions, their status, budget, partners and
milestones); the members of an action's lead or of one of its partners post its updates and
mark its milestones done. When a step may happen is the services' rule (`services.py`).
"""

from typing import Any

import rules

from missa.accounts.rules import is_administrator, is_editor
from missa.actors.models import Membership
from missa.actors.rules import is_committee_member

from .models import Action

manages_the_plan = is_committee_member | is_editor | is_administrator


@rules.predicate
def works_on(user: Any, action: Action | None) -> bool:
    """Return whether user acts for the action's lead or one of its partners (in good standing)."""
    if action is None or not (user.is_authenticated and user.is_active):
        return False
    actors = [action.lead_id, *action.partners.values_list("actor_id", flat=True)]
    return Membership.objects.filter(user=user, actor_id__in=actors).in_good_standing().exists()


rules.add_perm("actions.manage_plan", manages_the_plan)
rules.add_perm("actions.report_on_action", works_on | manages_the_plan)
