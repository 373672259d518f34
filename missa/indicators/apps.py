from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "missa.indicators"
    verbose_name = _("Indicators")
    # What town staff (the editors group) may do with this app's models in the admin.
    editor_permissions = ["add", "change", "view"]
