from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "missa.participation"
    verbose_name = _("Co-construction")
    # What town staff (the editors group) may do with this app's models in the admin.
    editor_permissions = ["add", "change", "view"]

    def ready(self) -> None:
        from missa.discussion.registry import discussed

        from .models import Idea

        # People discuss ideas, and report them.
        discussed(Idea)
