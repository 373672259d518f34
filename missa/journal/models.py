"""The monthly journal: an editorial for each month of the programme."""

import datetime

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from missa.core.models import first_of_month


class JournalMonthQuerySet(models.QuerySet["JournalMonth"]):
    def published(self) -> "JournalMonthQuerySet":
        return self.filter(is_published=True)


class JournalMonth(models.Model):
    month = models.DateField(_("month"), unique=True, help_text=_("The first day of the month."))
    title = models.CharField(_("title"), max_length=200)
    editorial = models.TextField(
        _("editorial"), blank=True, help_text=_("Markdown: paragraphs, lists, links, emphasis.")
    )
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = JournalMonthQuerySet.as_manager()

    class Meta:
        ordering = ["-month"]
        verbose_name = _("journal month")
        verbose_name_plural = _("journal months")

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} — {self.title}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.month = first_of_month(self.month)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return month_url(self.month)


def month_url(month: datetime.date) -> str:
    """Return the journal page of a month."""
    return reverse("journal:month-detail", args=[month.year, f"{month.month:02d}"])
