from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "missa.press"
    verbose_name = _("Press")
    # What town staff (the editors group) may do with this app's models in the admin.
    editor_permissions = ["add", "change", "delete", "view"]
