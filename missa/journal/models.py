"""The monthly journal: an editorial for each month of the programme."""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Min, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from missa.activity.models import MonthSummary
from missa.core.fields import SingleLineField
from missa.core.models import add_months, first_of_month, month_name, months_between
from missa.core.versioning import figure_for_today
from missa.programme.models import Phase

# What may separate a month typed at the start of a title from the rest: "Juin 2017 — …".
_SEPARATORS = r"[\s\u00a0]*[—–\-:|,.·]*[\s\u00a0]*"


def strip_month_prefix(title: str, month: datetime.date) -> str:
    """Return title without a leading "<month> <year>" in any language (the heading adds it)."""
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            name = month_name(month)
        pattern = re.compile(rf"^\s*{re.escape(name)}{_SEPARATORS}", re.IGNORECASE)
        title = pattern.sub("", title, count=1)
    return title.strip()


class JournalMonthQuerySet(models.QuerySet["JournalMonth"]):
    def published(self) -> "JournalMonthQuerySet":
        return self.filter(is_published=True)


class JournalMonth(models.Model):
    month = models.DateField(_("month"), unique=True, help_text=_("The first day of the month."))
    title = SingleLineField(
        _("title"),
        max_length=200,
        help_text=_("What the month was about; the month's name is added before it."),
    )
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
        return self.heading

    def save(self, *args: object, **kwargs: object) -> None:
        self.month = first_of_month(self.month)
        # The heading composes "<month> — <title>": a month typed in the title would show twice.
        for code, _name in settings.LANGUAGES:
            field = f"title_{code}"
            value = getattr(self, field, None)
            if value:
                setattr(self, field, strip_month_prefix(value, self.month) or value)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return month_url(self.month)

    def clean(self) -> None:
        if self.month and self.title and not strip_month_prefix(self.title, self.month):
            raise ValidationError(
                {"title": _("Say what the month was about: its name is already added.")}
            )

    @property
    def heading(self) -> str:
        """Return "Juin 2017 — Écouter le territoire": the one place a month's title is built."""
        return f"{capfirst(month_name(self.month))} — {self.title}"


def month_url(month: datetime.date) -> str:
    """Return the journal page of a month."""
    return reverse("journal:month-detail", args=[month.year, f"{month.month:02d}"])


@dataclass(frozen=True, slots=True)
class JournalSpan:
    """The months the journal covers, and the latest one in which something happened."""

    first: datetime.date | None
    last: datetime.date | None
    latest_active: datetime.date | None

    def contains(self, month: datetime.date) -> bool:
        if self.first is None or self.last is None:
            return False
        return self.first <= first_of_month(month) <= self.last

    def months(self) -> list[datetime.date]:
        """Return the journal's months, newest first."""
        if self.first is None or self.last is None or self.last < self.first:
            return []
        return [add_months(self.last, -n) for n in range(months_between(self.first, self.last) + 1)]

    def active_months(self, year: int | None = None) -> list[datetime.date]:
        """The months from the first to the latest one with activity (of one year, if given),
        oldest first: what charts show, without the quiet months after the last activity."""
        if self.first is None or self.latest_active is None:
            return []
        months = [
            add_months(self.first, n)
            for n in range(months_between(self.first, self.latest_active) + 1)
        ]
        return [month for month in months if year is None or month.year == year]


def telling_months(span: JournalSpan | None = None) -> list[datetime.date]:
    """The journal's months with something to say (public activity, a published editorial),
    newest first: two small queries of months, however many the programme lasts."""
    span = span or journal_span()
    months = {
        *MonthSummary.objects.filter(activity_count__gt=0).values_list("month", flat=True),
        *JournalMonth.objects.published().values_list("month", flat=True),
    }
    return sorted((month for month in months if span.contains(month)), reverse=True)


def journal_span(today: datetime.date | None = None) -> JournalSpan:
    """Return the journal's months: from the programme's start to this month, for as long as
    the programme lives, and every month with public activity or a published editorial."""
    if today is None:
        return figure_for_today("journal-span", lambda: _journal_span(timezone.localdate()))
    return _journal_span(today)


def _journal_span(today: datetime.date) -> JournalSpan:
    this_month = first_of_month(today)
    active_months = MonthSummary.objects.filter(activity_count__gt=0).order_by().values("month")
    edited_months = JournalMonth.objects.published().order_by().values("month")
    # The three bounds in one query, over the phases (a programme has phases; without any,
    # each bound is read on its own).
    bounds = Phase.objects.aggregate(
        first=Min("start_month"),
        active_first=Min(Subquery(active_months.order_by("month")[:1])),
        active_latest=Max(Subquery(active_months.order_by("-month")[:1])),
        edited_first=Min(Subquery(edited_months.order_by("month")[:1])),
        edited_latest=Max(Subquery(edited_months.order_by("-month")[:1])),
    )
    phases = {"first": bounds["first"]}
    active = {"first": bounds["active_first"], "latest": bounds["active_latest"]}
    edited = {"first": bounds["edited_first"], "latest": bounds["edited_latest"]}
    if phases["first"] is None:
        active = MonthSummary.objects.filter(activity_count__gt=0).aggregate(
            first=Min("month"), latest=Max("month")
        )
        edited = JournalMonth.objects.published().aggregate(first=Min("month"), latest=Max("month"))
    starts = [day for day in (phases["first"], active["first"], edited["first"]) if day]
    if not starts:
        return JournalSpan(first=None, last=None, latest_active=None)
    first = min(starts)
    ends = [day for day in (active["latest"], edited["latest"]) if day]
    last = max([this_month, *ends]) if first <= this_month else max(ends, default=None)
    if last is None:  # the programme starts later and nothing happened yet
        return JournalSpan(first=None, last=None, latest_active=None)
    return JournalSpan(first=first, last=last, latest_active=active["latest"])
