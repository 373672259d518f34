from typing import Any

from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_editors_group(*, using: str = "default", **kwargs: Any) -> None:
    """Create the editors group with its permissions (after migrations created them).

    Each app says what editors may do with its models (`editor_permissions` on its AppConfig:
    actions for all its models, such as ["change", "view"], or one model's permission, such as
    "add_question"); an app that says nothing gives them nothing.
    """
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _created = group_model.objects.using(using).get_or_create(
        name=settings.MISSA_EDITORS_GROUP
    )
    allowed = {
        config.label: set(getattr(config, "editor_permissions", ()))
        for config in apps.get_app_configs()
    }
    wanted = [
        permission
        for permission in permission_model.objects.using(using).select_related("content_type")
        if {permission.codename.split("_", 1)[0], permission.codename}
        & allowed.get(permission.content_type.app_label, set())
    ]
    group.permissions.add(*wanted)


class AccountsConfig(AppConfig):
    name = "missa.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # Runs after every app's post_migrate (permissions exist by then): infrastructure.
        post_migrate.connect(ensure_editors_group, dispatch_uid="missa-editors-group")
