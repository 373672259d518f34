from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowsConfig(AppConfig):
    """What people follow: an actor, a sector, a call, an idea, an action."""

    name = "missa.follows"
    label = "follows"
    verbose_name = _("Follows")
