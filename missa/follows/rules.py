import rules

from missa.accounts.rules import is_active_person

# Anyone signed in and active follows what they want; a suspended account follows nothing.
rules.add_perm("follows.follow", rules.predicate(is_active_person))
