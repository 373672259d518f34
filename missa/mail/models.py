"""The outgoing mail queue: every email MISSA sends, delivered in the background."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from missa.core.fields import SingleLineField


class OutgoingEmailQuerySet(models.QuerySet["OutgoingEmail"]):
    def to_address(self, address: str) -> "OutgoingEmailQuerySet":
        return self.filter(to__iexact=address)


class OutgoingEmail(models.Model):
    """One email to one recipient: queued, then sent or, after several attempts, failed."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Could not be sent")

    to = models.EmailField(_("to"))
    subject = SingleLineField(_("subject"), max_length=255)
    # Emptied once sent: an email may carry a sign-in or password-reset link.
    body = models.TextField(_("text"), blank=True)
    html_body = models.TextField(_("HTML"), blank=True)
    # Extra headers, such as a letter's List-Unsubscribe (RFC 2369, RFC 8058).
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.to} — {self.subject}"
