from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "missa.meetings"
    verbose_name = _("Steering committee")
    # What town staff (the editors group) may do with this app's models in the admin.
    editor_permissions = ["add", "change", "delete", "view"]
