"""The charter ambassadors commit to: versioned, every published version kept as it was."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from missa.core.fields import SingleLineField


class CharterVersionQuerySet(models.QuerySet["CharterVersion"]):
    def published(self) -> "CharterVersionQuerySet":
        return self.filter(published_at__isnull=False)

    def current(self) -> "CharterVersion | None":
        """Return the latest published version, the one applicants accept."""
        return self.published().order_by("-number").first()


class CharterVersion(models.Model):
    number = models.PositiveIntegerField(_("version"), unique=True, editable=False)
    title = SingleLineField(_("title"), max_length=200)
    text = models.TextField(_("text"), help_text=_("Markdown: paragraphs, lists, links."))
    benefits = models.TextField(_("what ambassadors receive"), blank=True, help_text=_("Markdown."))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CharterVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("charter version")
        verbose_name_plural = _("charter versions")

    def __str__(self) -> str:
        return f"v{self.number} — {self.title}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is None and not self.number:
            last = CharterVersion.objects.aggregate(models.Max("number"))["number__max"]
            self.number = (last or 0) + 1
        elif self.pk is not None and self.was_published():
            raise ValidationError(_("A published charter version cannot be changed."))
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("charter:version-detail", args=[self.number])

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def was_published(self) -> bool:
        """Return whether the stored row is published (whatever this instance holds)."""
        return CharterVersion.objects.filter(pk=self.pk, published_at__isnull=False).exists()


class Commitment(models.Model):
    version = models.ForeignKey(
        CharterVersion,
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("charter version"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = SingleLineField(_("commitment"), max_length=300)
    is_required = models.BooleanField(
        _("required"), default=True, help_text=_("Every ambassador makes this commitment.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return self.text

    def save(self, *args: object, **kwargs: object) -> None:
        if self.version_id and self.version.was_published():
            raise ValidationError(_("A published charter version cannot be changed."))
        super().save(*args, **kwargs)  # type: ignore[arg-type]
