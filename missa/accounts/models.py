"""People who sign in: one account per email address."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """An account. People sign in with their email address; the username is internal."""

    email = models.EmailField(_("email address"))
    display_name = models.CharField(
        _("name"), max_length=150, blank=True, help_text=_("The name shown to others.")
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the emails you receive."),
    )
    photo = models.ImageField(_("photo"), upload_to="accounts/photos/", blank=True)
    email_consent_at = models.DateTimeField(
        _("agreed to news by email on"),
        null=True,
        blank=True,
        help_text=_("When this person agreed to receive the programme's news by email."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="user_unique_email",
                violation_error_message=_("An account already uses this email address."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.email or self.username

    def save(self, *args: object, **kwargs: object) -> None:
        # One spelling per address, as allauth stores them: "Lea@Example.org" is lea@example.org.
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)  # type: ignore[arg-type]
