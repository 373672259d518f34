"""The programme's phases and what each delivers."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from missa.core.fields import SingleLineField
from missa.core.models import add_months, file_language, first_of_month, months_between


class ProgrammeTimeline:
    """The programme's phases seen from one day: where it stands, month by month."""

    def __init__(self, phases: list["Phase"], today: datetime.date) -> None:
        self.phases = phases
        self.today = first_of_month(today)

    @property
    def first_month(self) -> datetime.date | None:
        return min((phase.start_month for phase in self.phases), default=None)

    @property
    def last_month(self) -> datetime.date | None:
        return max((phase.end_month for phase in self.phases), default=None)

    @property
    def total_months(self) -> int:
        if self.first_month is None or self.last_month is None:
            return 0
        return months_between(self.first_month, self.last_month) + 1

    @property
    def current_phase(self) -> "Phase | None":
        return next(
            (phase for phase in self.phases if phase.status_on(self.today) == "running"), None
        )

    @property
    def has_started(self) -> bool:
        return self.first_month is not None and self.today >= self.first_month

    @property
    def is_over(self) -> bool:
        return self.last_month is not None and self.today > self.last_month

    @property
    def month_number(self) -> int:
        """Return which month of the programme today is (0 before it starts)."""
        if self.first_month is None or not self.has_started:
            return 0
        return min(months_between(self.first_month, self.today) + 1, self.total_months)

    @property
    def reference_month(self) -> datetime.date | None:
        """Return this month, or the programme's last month once it is over."""
        if self.last_month is None or not self.has_started:
            return None
        return min(self.today, self.last_month)

    @property
    def progress_percent(self) -> int:
        if not self.total_months:
            return 0
        return round(100 * self.month_number / self.total_months)

    def contains(self, month: datetime.date) -> bool:
        """Return whether month lies within the programme."""
        if self.first_month is None or self.last_month is None:
            return False
        return self.first_month <= first_of_month(month) <= self.last_month

    def has_reached(self, month: datetime.date) -> bool:
        """Return whether month lies within the programme and is not in the future."""
        reference = self.reference_month
        return reference is not None and self.contains(month) and first_of_month(month) <= reference

    def months(self) -> list[datetime.date]:
        """Return the programme's months up to the reference month, newest first."""
        if self.first_month is None or self.reference_month is None:
            return []
        count = months_between(self.first_month, self.reference_month) + 1
        return [add_months(self.reference_month, -offset) for offset in range(count)]

    def phase_spans(self) -> list[tuple["Phase", float]]:
        """Return each phase with its share of the programme, in percent, for a progress bar."""
        total = self.total_months or 1
        return [(phase, round(100 * phase.month_count / total, 2)) for phase in self.phases]


class Phase(models.Model):
    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = SingleLineField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    start_month = models.DateField(_("start month"), help_text=_("The first day of the month."))
    end_month = models.DateField(_("end month"), help_text=_("The first day of the last month."))

    class Meta:
        ordering = ["order", "start_month"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.start_month = first_of_month(self.start_month)
        self.end_month = first_of_month(self.end_month)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        if self.start_month and self.end_month and self.end_month < self.start_month:
            raise ValidationError({"end_month": _("A phase cannot end before it starts.")})

    def status_on(self, day: datetime.date) -> "Phase.Status":
        """Return whether the phase is upcoming, running or done on day."""
        month = first_of_month(day)
        if month < self.start_month:
            return self.Status.UPCOMING
        if month > self.end_month:
            return self.Status.DONE
        return self.Status.RUNNING

    @property
    def status(self) -> "Phase.Status":
        return self.status_on(timezone.localdate())

    @property
    def is_single_month(self) -> bool:
        return self.start_month == self.end_month

    @property
    def month_count(self) -> int:
        return months_between(self.start_month, self.end_month) + 1


class Deliverable(models.Model):
    phase = models.ForeignKey(
        Phase, on_delete=models.CASCADE, related_name="deliverables", verbose_name=_("phase")
    )
    title = SingleLineField(_("title"), max_length=200)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown: what it is, what it says.")
    )
    date = models.DateField(_("date"))
    link = models.URLField(_("link"), blank=True)
    # One file per language (file_fr, file_en): an English page offers the French one when
    # there is no English version, and says so.
    file = models.FileField(_("file"), upload_to="deliverables/", blank=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")

    def __str__(self) -> str:
        return self.title

    @property
    def url(self) -> str:
        return self.file.url if self.file else self.link

    @property
    def file_language(self) -> str:
        """Return the language of the file this page offers ("" for a link or no file)."""
        return file_language(self)


def programme_timeline(today: datetime.date | None = None) -> ProgrammeTimeline:
    """Return the programme's timeline as seen today (one query)."""
    return ProgrammeTimeline(list(Phase.objects.all()), today or timezone.localdate())
