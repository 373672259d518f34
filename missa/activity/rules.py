import rules

from missa.accounts.rules import is_administrator, is_editor

# Hiding a member's report from the public (with a reason its author sees).
rules.add_perm("activity.hide_activity", is_editor | is_administrator)
