"""What the site tells a person: in the site (a bell with a count, a page), and by email for
the kinds they chose."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from missa.core.fields import SingleLineField


class Notification(models.Model):
    class Kind(models.TextChoices):
        IDEA_ANSWERED = "idea_answered", _("My idea was answered")
        REPLY = "reply", _("Someone replied to me")
        HIDDEN = "hidden", _("Something I wrote was hidden by moderation")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # Written in the person's language when it happened.
    title = SingleLineField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    url = SingleLineField(_("address"), max_length=500)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self) -> str:
        return self.title


class EmailChoice(models.Model):
    """Whether a kind of notification also reaches a person by email (yes unless they said no)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Notification.Kind.choices)
    by_email = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("email choice")
        verbose_name_plural = _("email choices")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="email_choice_once_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind} {self.by_email}"
