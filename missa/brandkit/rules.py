import rules

from missa.accounts.rules import is_administrator, is_editor
from missa.actors.rules import is_ambassador_member, is_partner_member

# Gated assets: approved ambassadors and partners (and the staff who manage the kit).
rules.add_perm(
    "brandkit.download_gated_assets",
    is_ambassador_member | is_partner_member | is_editor | is_administrator,
)
