"""The press page: releases and the launch press kit, published by the town's team."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from missa.core.fields import SingleLineField
from missa.core.models import file_language


class PressReleaseQuerySet(models.QuerySet["PressRelease"]):
    def published(self) -> "PressReleaseQuerySet":
        return self.filter(is_published=True)


class PressRelease(models.Model):
    title = SingleLineField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    date = models.DateField(_("date"))
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One or two sentences, shown in the list.")
    )
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    # One file per language (file_fr, file_en): an English page offers the French one when
    # there is no English version, and says so. A PDF or a ZIP, checked by its content.
    file = models.FileField(_("file"), upload_to="press/", blank=True)
    is_press_kit = models.BooleanField(
        _("press kit"),
        default=False,
        help_text=_("The press kit (of the brand's launch): shown first on the press page."),
    )
    is_published = models.BooleanField(_("published"), default=False)

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        indexes = [models.Index(fields=["is_published", "date"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("press:release", args=[self.slug])

    @property
    def file_language(self) -> str:
        """Return the language of the file this page offers ("" without a file)."""
        return file_language(self)
