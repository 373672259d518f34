"""Indicators of the programme's benefits, and their measurements.

An indicator is measured by MISSA itself (from its own stored data, `measures.py`) or entered by
editors (by hand or from a CSV file). Its latest value, change, progress from baseline to
target and whether it is on track are stored with it (`services.refresh_indicator`), so that
the dashboard reads them and never recomputes them.
"""

from decimal import Decimal
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from missa.core.fields import SingleLineField
from missa.core.models import Benefit, Objective


def number(label: Any, **options: Any) -> Any:
    """Return a field for an indicator's value (up to 12 digits and 2 decimals)."""
    return models.DecimalField(label, max_digits=14, decimal_places=2, **options)


class Indicator(models.Model):
    class Kind(models.TextChoices):
        MEASURED = "measured", _("Measured by MISSA")
        ENTERED = "entered", _("Entered by the town's team")

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Every month")
        QUARTERLY = "quarterly", _("Every quarter")
        YEARLY = "yearly", _("Every year")

    class Direction(models.TextChoices):
        UP = "up", _("Higher is better")
        DOWN = "down", _("Lower is better")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = SingleLineField(_("name"), max_length=150)
    definition = models.TextField(_("definition"))
    unit = SingleLineField(_("unit"), max_length=40, blank=True, help_text=_("Such as people, %."))
    method = models.TextField(_("method"), blank=True)
    source = SingleLineField(_("source"), max_length=250)
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices)
    direction = models.CharField(
        _("direction"), max_length=4, choices=Direction.choices, default=Direction.UP
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ENTERED)
    measure = SingleLineField(
        _("MISSA's measure"),
        max_length=30,
        blank=True,
        help_text=_("For indicators measured by MISSA: which of its figures."),
    )
    benefit = models.ForeignKey(
        Benefit, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("benefit")
    )
    objectives = models.ManyToManyField(
        Objective, related_name="indicators", blank=True, verbose_name=_("objectives")
    )
    baseline_value = number(_("baseline"), null=True, blank=True)
    baseline_on = models.DateField(_("baseline date"), null=True, blank=True)
    target_value = number(_("target"), null=True, blank=True)
    target_on = models.DateField(_("target date"), null=True, blank=True)
    is_headline = models.BooleanField(
        _("on the home page"), default=False, help_text=_("Three headline indicators at most.")
    )
    # Stored (services.refresh_indicator): the latest measurement and what it says.
    latest_value = number(_("latest value"), null=True, editable=False)
    latest_on = models.DateField(_("latest date"), null=True, editable=False)
    previous_value = number(_("previous value"), null=True, editable=False)
    progress = models.SmallIntegerField(_("progress to target (%)"), null=True, editable=False)
    on_track = models.BooleanField(_("on track"), null=True, editable=False)
    measurement_count = models.PositiveIntegerField(_("measurements"), default=0, editable=False)

    class Meta:
        ordering = ["benefit__order", "order", "slug"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("indicators:indicator-detail", args=[self.slug])

    @property
    def change(self) -> Decimal | None:
        if self.latest_value is None or self.previous_value is None:
            return None
        return self.latest_value - self.previous_value


class Measurement(models.Model):
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("indicator"),
    )
    on = models.DateField(_("date"))
    value = number(_("value"))
    source = SingleLineField(_("source"), max_length=250, blank=True)
    note = SingleLineField(_("note"), max_length=250, blank=True)
    is_provisional = models.BooleanField(_("provisional"), default=False)
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["indicator", "on"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "on"], name="one_measurement_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.on}: {self.value}"


def on_track(indicator: Indicator) -> bool | None:
    """Return whether the latest value is where a straight line from baseline to target says
    it should be by its date (None without a baseline, a target and a value)."""
    if None in (
        indicator.baseline_value,
        indicator.target_value,
        indicator.latest_value,
        indicator.baseline_on,
        indicator.target_on,
        indicator.latest_on,
    ):
        return None
    assert indicator.baseline_on and indicator.target_on and indicator.latest_on
    assert indicator.baseline_value is not None and indicator.target_value is not None
    assert indicator.latest_value is not None
    span = (indicator.target_on - indicator.baseline_on).days
    elapsed = min(max((indicator.latest_on - indicator.baseline_on).days, 0), max(span, 0))
    expected = indicator.baseline_value + (indicator.target_value - indicator.baseline_value) * (
        Decimal(elapsed) / Decimal(span) if span > 0 else Decimal(1)
    )
    if indicator.direction == Indicator.Direction.UP:
        return indicator.latest_value >= expected
    return indicator.latest_value <= expected
