from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo territory (L'Isle-sur-la-Sorgue, 2017) and `manage.py load_demo`."""

    name = "missa.demo"
    verbose_name = _("Demo territory")
