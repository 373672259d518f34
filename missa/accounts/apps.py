from typing import Any

from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# What town staff (the editors group) may do in the admin, by app.
EDITOR_PERMISSIONS = {
    "core": ["add", "change", "delete", "view"],
    "programme": ["add", "change", "delete", "view"],
    "actors": ["add", "change", "delete", "view"],
    "journal": ["add", "change", "delete", "view"],
    "activity": ["change", "view"],
    "charter": ["add", "change", "delete", "view"],
    "applications": ["view"],
    "brandkit": ["add", "change", "delete", "view"],
    "mail": ["view"],
}


def ensure_editors_group(*, using: str = "default", **kwargs: Any) -> None:
    """Create the editors group with its permissions (after migrations created them)."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _created = group_model.objects.using(using).get_or_create(
        name=settings.MISSA_EDITORS_GROUP
    )
    wanted = [
        permission
        for permission in permission_model.objects.using(using).select_related("content_type")
        if permission.codename.split("_", 1)[0]
        in EDITOR_PERMISSIONS.get(permission.content_type.app_label, [])
    ]
    group.permissions.add(*wanted)


class AccountsConfig(AppConfig):
    name = "missa.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # Runs after every app's post_migrate (permissions exist by then): infrastructure.
        post_migrate.connect(ensure_editors_group, dispatch_uid="missa-editors-group")
