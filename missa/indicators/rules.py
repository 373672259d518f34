"""Who enters the indicators' values: editors (town staff). Everyone reads them."""

import rules

from missa.accounts.rules import is_administrator, is_editor

rules.add_perm("indicators.enter_measurements", is_editor | is_administrator)
