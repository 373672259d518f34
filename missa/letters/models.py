"""Who receives the monthly letter, each letter sent, and each person's copy of it."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from missa.core.fields import SingleLineField


def new_key() -> str:
    return secrets.token_urlsafe(24)


class SubscriptionQuerySet(models.QuerySet["Subscription"]):
    def receiving(self) -> "SubscriptionQuerySet":
        """Return the subscriptions a letter goes to: confirmed and not unsubscribed."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class Subscription(models.Model):
    """An address that receives the monthly letter: anyone's, confirmed by a link sent to it
    (double opt-in), or a member's who agreed in their profile (their address is verified)."""

    email = models.EmailField(_("email address"), unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="letter_subscription",
        verbose_name=_("account"),
    )
    language = SingleLineField(_("language"), max_length=8, default=settings.LANGUAGE_CODE)
    # The address's own key: in the unsubscribe link of every letter, and signed in the
    # confirmation link.
    key = SingleLineField(_("key"), max_length=64, unique=True, default=new_key, editable=False)
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed on"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("subscription to the letter")
        verbose_name_plural = _("subscriptions to the letter")

    def __str__(self) -> str:
        return self.email


class Letter(models.Model):
    """The letter of a month, sent once: when its sending started and ended."""

    month = models.DateField(_("month"), unique=True, help_text=_("The first day of the month."))
    started_at = models.DateTimeField(_("sending started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("sending finished"), null=True, blank=True)
    # Stored when the sending ends: how many copies it queued.
    recipient_count = models.PositiveIntegerField(_("copies"), default=0)
    # Counted again in the background when the data move (services.count_letters): the copies
    # the mail server took, those it refused, the addresses that left since.
    sent_count = models.PositiveIntegerField(_("sent"), default=0, editable=False)
    failed_count = models.PositiveIntegerField(_("failed"), default=0, editable=False)
    unsubscribed_count = models.PositiveIntegerField(
        _("unsubscribed since"), default=0, editable=False
    )

    class Meta:
        ordering = ["-month"]
        verbose_name = _("monthly letter")
        verbose_name_plural = _("monthly letters")

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"


class Delivery(models.Model):
    """One person's copy of a month's letter: recorded with the queued email, in the same
    transaction, and once (the constraint): a sending stopped and started again never sends
    anyone the same month twice."""

    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("letter")
    )
    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscription"),
    )
    email = models.ForeignKey(
        "mail.OutgoingEmail",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("email"),
    )
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("copy of a letter")
        verbose_name_plural = _("copies of letters")
        constraints = [
            models.UniqueConstraint(fields=["letter", "subscription"], name="one_copy_a_month")
        ]

    def __str__(self) -> str:
        return f"{self.letter} → {self.subscription_id}"
