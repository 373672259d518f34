from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrandkitConfig(AppConfig):
    name = "missa.brandkit"
    verbose_name = _("Brand kit")
