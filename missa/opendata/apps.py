from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    """Open data: every app's datasets (its `exports.py`) as CSV and JSON files with their
    Frictionless data package, made in the background and listed on /open-data/."""

    name = "missa.opendata"
    label = "opendata"
    verbose_name = _("Open data")
