from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API: every app's router gathered under /api/v1/, and its documentation."""

    name = "missa.api"
    label = "api"
    verbose_name = _("API")
