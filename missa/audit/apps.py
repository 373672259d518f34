from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "missa.audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from . import recorder

        recorder.connect()
