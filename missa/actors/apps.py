from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "missa.actors"
    verbose_name = _("Actors")
    # What town staff (the editors group) may do with this app\'s models in the admin.
    editor_permissions = ["add", "change", "delete", "view"]

    def ready(self) -> None:
        from .search import ensure_search_index

        # Infrastructure: a table rebuilt by a migration loses its triggers; put them back.
        post_migrate.connect(ensure_search_index, sender=self, dispatch_uid="missa-search-index")
