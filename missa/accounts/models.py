"""People who sign in: one account per email address."""

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from missa.core.fields import SingleLineField


class ParticipantKind(models.TextChoices):
    """How a person takes part in the programme, as they say it themselves (the 2017 figures
    counted inhabitants, economic and tourism "clients", influencers…)."""

    INHABITANT = "inhabitant", _("Inhabitant")
    COMPANY = "company", _("Company or trader")
    ASSOCIATION = "association", _("Association")
    VISITOR = "visitor", _("Visitor or client")
    PERSONALITY = "personality", _("Personality or influencer")
    INSTITUTION = "institution", _("Institution")
    OTHER = "other", _("Other")


class User(AbstractUser):
    """An account. People sign in with their email address; the username is internal."""

    email = models.EmailField(_("email address"))
    first_name = SingleLineField(_("first name"), max_length=150, blank=True)
    last_name = SingleLineField(_("last name"), max_length=150, blank=True)
    display_name = SingleLineField(
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
    # Changed through accounts.services.set_participant_kind, which the figures follow.
    participant_kind = models.CharField(
        _("takes part as"), max_length=20, choices=ParticipantKind.choices, blank=True
    )
    # Kept by notifications.services (the bell's number), read with the account: no query.
    unread_notifications = models.PositiveIntegerField(
        _("unread notifications"), default=0, editable=False
    )
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

    @property
    def greeting_name(self) -> str:
        """Return the name to greet the person by: theirs, never an address or the username."""
        return self.display_name or self.get_full_name()

    def save(self, *args: object, **kwargs: object) -> None:
        # One spelling per address, as allauth stores them: "Lea@Example.org" is lea@example.org.
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def has_perm(self, perm: str, obj: models.Model | None = None) -> bool:
        # Django lets an active superuser do anything; here only with the second factor
        # (accounts.rules): without it, the backends answer, as for anyone.
        if self._superuser_waits_for_two_factor():
            return self._ask_backends("has_perm", perm, obj)
        return super().has_perm(perm, obj)

    def has_module_perms(self, app_label: str) -> bool:
        if self._superuser_waits_for_two_factor():
            return self._ask_backends("has_module_perms", app_label)
        return super().has_module_perms(app_label)

    def _superuser_waits_for_two_factor(self) -> bool:
        from .security import has_two_factor

        return bool(self.is_active and self.is_superuser and not has_two_factor(self))

    def _ask_backends(self, method: str, *args: object) -> bool:
        for backend in auth.get_backends():
            if not hasattr(backend, method):
                continue
            try:
                if getattr(backend, method)(self, *args):
                    return True
            except PermissionDenied:
                return False
        return False


def user_display(user: User) -> str:
    """How allauth names a person (ACCOUNT_USER_DISPLAY): their name, else their address."""
    return user.greeting_name or user.email
