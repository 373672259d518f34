from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "missa.applications"
    verbose_name = _("Applications")
    # What town staff (the editors group) may do with this app\'s models in the admin.
    # Applications are decided by the committee; editors keep the questions of the join page.
    editor_permissions = ["view", "add_question", "change_question", "delete_question"]
