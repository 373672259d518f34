import rules

from missa.accounts.rules import is_administrator
from missa.actors.rules import is_committee_member

rules.add_perm("applications.review_application", is_committee_member | is_administrator)
