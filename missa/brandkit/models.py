"""The brand kit: logos, templates, photos and guides, some public, some for members only."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from missa.actors.models import Actor
from missa.core.fields import SingleLineField
from missa.core.images import ResponsiveImageField
from missa.core.storage import private_storage


class BrandAssetQuerySet(models.QuerySet["BrandAsset"]):
    def available(self) -> "BrandAssetQuerySet":
        """Return published assets whose rights have not expired."""
        today = timezone.localdate()
        return self.filter(is_published=True).filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=today)
        )


class BrandAsset(models.Model):
    class Kind(models.TextChoices):
        LOGO = "logo", _("Logo")
        TEMPLATE = "template", _("Template")
        PHOTO = "photo", _("Photo")
        GUIDE = "guide", _("Brand guide")
        MANIFESTO = "manifesto", _("Manifesto")
        TEXT = "text", _("Key text")

    class Access(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        MEMBERS = "members", _("Ambassadors and partners")

    title = SingleLineField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("Empty when the asset has no language."),
    )
    version = SingleLineField(_("version"), max_length=20, default="1")
    # Private storage for every asset: all downloads go through the checked, logged view.
    file = models.FileField(_("file"), upload_to="brandkit/", blank=True, storage=private_storage)
    # Read from the storage when the asset is saved: the kit shows it without opening files.
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    access = models.CharField(
        _("access"), max_length=10, choices=Access.choices, default=Access.MEMBERS
    )
    credit = SingleLineField(_("photo credit"), max_length=200, blank=True)
    rights = SingleLineField(_("rights"), max_length=300, blank=True)
    expires_on = models.DateField(_("rights expire on"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = BrandAssetQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title", "pk"]
        verbose_name = _("brand asset")
        verbose_name_plural = _("brand assets")

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        try:
            self.size = self.file.size if self.file else 0
        except OSError:  # a name whose file is not (or no longer) in the storage
            self.size = 0
        super().save(*args, **kwargs)

    @property
    def is_image(self) -> bool:
        return self.extension in {"png", "jpg", "jpeg", "webp"}

    @property
    def is_vector(self) -> bool:
        """An SVG drawing, cleaned when it was uploaded (core.svg)."""
        return self.extension == "svg"

    @property
    def has_preview(self) -> bool:
        return self.is_image or self.is_vector

    @property
    def is_public(self) -> bool:
        return self.access == self.Access.PUBLIC

    @property
    def extension(self) -> str:
        name = str(self.file.name or "")
        return name.rsplit(".", 1)[-1].lower() if "." in name else ""


class UsageAcceptance(models.Model):
    """A member accepted the brand's usage conditions (once)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="brand_usage_acceptance",
        verbose_name=_("account"),
    )
    accepted_at = models.DateTimeField(_("accepted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("acceptance of the usage conditions")
        verbose_name_plural = _("acceptances of the usage conditions")

    def __str__(self) -> str:
        return f"{self.user} — {self.accepted_at:%Y-%m-%d}"


class Download(models.Model):
    asset = models.ForeignKey(
        BrandAsset, on_delete=models.CASCADE, related_name="downloads", verbose_name=_("asset")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    actor = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="brand_downloads",
        verbose_name=_("actor"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("download")
        verbose_name_plural = _("downloads")

    def __str__(self) -> str:
        return f"{self.asset} — {self.at:%Y-%m-%d %H:%M}"


class MisuseReport(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        HANDLED = "handled", _("Handled")

    description = models.TextField(_("what did you see?"), max_length=3000)
    link = models.URLField(_("link"), blank=True)
    photo = ResponsiveImageField(_("photo"), upload_to="brandkit/reports/", blank=True)
    email = models.EmailField(
        _("your email (optional)"), blank=True, help_text=_("Only to answer you.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="new")
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report of a misuse of the brand")
        verbose_name_plural = _("reports of misuses of the brand")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} — {self.description[:60]}"
