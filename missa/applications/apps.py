from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "missa.applications"
    verbose_name = _("Applications")
    # What town staff (the editors group) may do with this app\'s models in the admin.
    editor_permissions = ["view"]
