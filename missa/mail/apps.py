from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    name = "missa.mail"
    verbose_name = _("Outgoing mail")
    # What town staff (the editors group) may do with this app\'s models in the admin.
    editor_permissions = ["view"]
