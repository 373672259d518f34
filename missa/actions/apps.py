from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "missa.actions"
    verbose_name = _("Action plan")
    # What town staff (the editors group) may do with this app's models in the admin.
    editor_permissions = ["add", "change", "view"]
