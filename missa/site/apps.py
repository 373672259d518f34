from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The top of the house: the home page, sector pages, privacy, health, error pages."""

    name = "missa.site"
    label = "site"
    verbose_name = _("Site")
