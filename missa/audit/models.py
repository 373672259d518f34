"""The audit log: every write made by a signed-in person, kept after the object is gone."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from missa.core.fields import SingleLineField


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        DELETE = "delete", _("Deleted")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    # Kept as text too: the entry must still say who, once the account is deleted.
    user_repr = SingleLineField(_("by (as it was)"), max_length=200)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    app_label = SingleLineField(_("app"), max_length=100)
    model = SingleLineField(_("model"), max_length=100)
    object_id = SingleLineField(_("object id"), max_length=64)
    object_repr = SingleLineField(_("object"), max_length=200)
    # {field: [before, after]} for changes; {field: value} for creations and deletions.
    changes = models.JSONField(_("changes"), default=dict)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["app_label", "model", "object_id"])]

    def __str__(self) -> str:
        return f"{self.user_repr} — {self.get_action_display()} — {self.object_repr}"
