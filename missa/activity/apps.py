from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivityConfig(AppConfig):
    name = "missa.activity"
    verbose_name = _("Activity ledger")
    # What town staff (the editors group) may do with this app\'s models in the admin.
    editor_permissions = ["add", "change", "view"]
