import rules

from missa.accounts.rules import is_administrator, is_editor

# Editors preview any month's letter, send it and see how it went.
rules.add_perm("letters.manage_letters", is_editor | is_administrator)
