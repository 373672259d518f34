"""Who sees what of the committee's work, and who records it.

Meetings, minutes and decisions are public; items and documents marked confidential are for
committee members and editors only. Editors (town staff) announce meetings, take the roll,
publish minutes and record decisions — each step a service (`services.py`) that checks it.
"""

import rules

from missa.accounts.rules import is_administrator, is_editor
from missa.actors.rules import is_committee_member

rules.add_perm("meetings.see_confidential", is_committee_member | is_editor | is_administrator)
rules.add_perm("meetings.manage_meetings", is_editor | is_administrator)
