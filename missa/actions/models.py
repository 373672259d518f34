"""The action plan: plans made of actions, each with its partners, funding, milestones, updates
and the history of its status, progress and budget.

Progress is derived (from the weights of done milestones, else from the status) and "late" is
computed from dates, never typed. Every figure a page shows is stored — an action's progress
and budget, a plan's counts by status and its progress rolled up by objective, sector and
benefit — kept by the services in the step that changes it and recounted by
`services.recount` and the tests.
"""

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from missa.actors.models import Actor, normalize_for_search
from missa.core.fields import SingleLineField
from missa.core.models import Benefit, Objective, Sector
from missa.meetings.models import Decision
from missa.participation.models import Idea


def money(label: Any, **options: Any) -> "models.DecimalField[Decimal, Decimal]":
    """Return a field for an amount in euros and cents."""
    return models.DecimalField(label, max_digits=12, decimal_places=2, **options)


class PlanQuerySet(models.QuerySet["Plan"]):
    def published(self) -> "PlanQuerySet":
        return self.filter(published_at__isnull=False)


class Plan(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = SingleLineField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    adopted_by = models.ForeignKey(
        Decision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("adopted by the decision"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    # Stored figures (services): actions by status, progress, budget, roll-ups.
    action_count = models.PositiveIntegerField(_("actions"), default=0, editable=False)
    status_counts = models.JSONField(_("actions by status"), default=dict, editable=False)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, editable=False)
    budget_planned = money(_("planned budget"), default=Decimal(0), editable=False)
    budget_spent = money(_("spent budget"), default=Decimal(0), editable=False)
    # {"objective"|"sector"|"benefit": {slug: {"count": n, "by_count": %, "by_budget": %}}}
    rollups = models.JSONField(_("progress by theme"), default=dict, editable=False)
    funding_shares = models.JSONField(_("budget by funder"), default=dict, editable=False)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="plan_ends_after_it_starts",
                violation_error_message=_("A plan ends after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("actions:plan-detail", args=[self.slug])


class ActionQuerySet(models.QuerySet["Action"]):
    def late_on(self, day: datetime.date) -> "ActionQuerySet":
        """Actions past their end date, or with a milestone past due, and not finished."""
        # A subquery, not a join: no duplicate rows to remove, so counting stays cheap.
        overdue = Milestone.objects.filter(
            action=OuterRef("pk"), due_on__lt=day, done_on__isnull=True
        )
        return self.filter(Q(ends_on__lt=day) | Exists(overdue)).exclude(status__in=FINISHED)


class Action(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DELAYED = "delayed", _("Delayed")
        ABANDONED = "abandoned", _("Abandoned")

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("plan")
    )
    number = models.PositiveIntegerField(_("number"), editable=False)
    title = SingleLineField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    objectives = models.ManyToManyField(
        Objective, related_name="actions", blank=True, verbose_name=_("objectives")
    )
    sectors = models.ManyToManyField(
        Sector, related_name="actions", blank=True, verbose_name=_("sectors")
    )
    benefits = models.ManyToManyField(
        Benefit, related_name="actions", blank=True, verbose_name=_("expected benefits")
    )
    lead = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="led_actions", verbose_name=_("lead")
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    status_reason = models.TextField(
        _("why"), blank=True, help_text=_("Required when the action is delayed or abandoned.")
    )
    idea = models.ForeignKey(
        Idea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("from the idea"),
    )
    decision = models.ForeignKey(
        Decision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("from the decision"),
    )
    # Stored (services): derived progress, budget totals, search text.
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, editable=False)
    budget_planned = money(_("planned budget"), default=Decimal(0), editable=False)
    budget_spent = money(_("spent budget"), default=Decimal(0), editable=False)
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now, editable=False)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="action_number_in_plan"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="action_ends_after_it_starts",
                violation_error_message=_("An action ends after it starts."),
            ),
        ]
        indexes = [
            models.Index(fields=["plan", "status", "number"]),
            models.Index(fields=["plan", "ends_on"]),
            models.Index(fields=["lead", "plan"]),
        ]

    def __str__(self) -> str:
        return str(_("Action %(number)s: %(title)s") % {"number": self.number, "title": self.title})

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_text = normalize_for_search(
            " ".join(str(getattr(self, f"title_{language}", "") or "") for language in ("fr", "en"))
        )
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("actions:action-detail", args=[self.pk])

    def get_public_url(self) -> str | None:
        return self.get_absolute_url()

    def clean(self) -> None:
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("An action ends after it starts.")
        if self.status in REASONED and not (self.status_reason or "").strip():
            errors["status_reason"] = _("Say why the action is delayed or abandoned.")
        if errors:
            raise ValidationError(errors)

    def is_late_on(self, day: datetime.date) -> bool:
        if self.status in FINISHED:
            return False
        return self.ends_on < day

    @property
    def is_late(self) -> bool:
        """Past its end date and not finished (milestones late: `ActionQuerySet.late_on`)."""
        return self.is_late_on(timezone.localdate())

    @property
    def spent_share(self) -> int:
        if not self.budget_planned:
            return 0
        return round(100 * self.budget_spent / self.budget_planned)


FINISHED = (Action.Status.DONE, Action.Status.ABANDONED)
REASONED = (Action.Status.DELAYED, Action.Status.ABANDONED)
# An action's progress when it has no milestone (in percent).
PROGRESS_OF_STATUS = {
    Action.Status.PLANNED: 0,
    Action.Status.IN_PROGRESS: 50,
    Action.Status.DELAYED: 50,
    Action.Status.DONE: 100,
    Action.Status.ABANDONED: 0,
}


class Partner(models.Model):
    class Contribution(models.TextChoices):
        MONEY = "money", _("Money")
        IN_KIND = "in_kind", _("In kind")
        TIME = "time", _("Time")

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="partners", verbose_name=_("action")
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="partnered_actions", verbose_name=_("actor")
    )
    role = SingleLineField(_("role"), max_length=150, help_text=_("Such as co-organiser."))
    contribution = models.CharField(
        _("contribution"), max_length=10, choices=Contribution.choices, default=Contribution.TIME
    )
    contribution_detail = SingleLineField(
        _("what it brings"), max_length=200, blank=True, help_text=_("Such as 2 days a month.")
    )

    class Meta:
        ordering = ["action", "actor__name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(fields=["action", "actor"], name="partner_once_per_action")
        ]

    def __str__(self) -> str:
        return f"{self.actor} — {self.role}"


class Funding(models.Model):
    class Source(models.TextChoices):
        TOWN = "town", _("Town")
        INTERCOMMUNALITY = "intercommunality", _("Intercommunality")
        DEPARTEMENT = "departement", _("Département")
        REGION = "region", _("Region")
        PRIVATE = "private", _("Private partners")
        OTHER = "other", _("Other")

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="funding", verbose_name=_("action")
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    planned = money(_("planned (€)"), validators=[MinValueValidator(Decimal(0))])
    spent = money(_("spent (€)"), default=Decimal(0), validators=[MinValueValidator(Decimal(0))])

    class Meta:
        ordering = ["action", "source"]
        verbose_name = _("funding")
        verbose_name_plural = _("funding")
        constraints = [
            models.UniqueConstraint(fields=["action", "source"], name="funding_once_per_source"),
            models.CheckConstraint(
                condition=Q(planned__gte=0) & Q(spent__gte=0),
                name="funding_not_negative",
                violation_error_message=_("A budget is never negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()}: {self.planned}"


class Milestone(models.Model):
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("action")
    )
    title = SingleLineField(_("title"), max_length=200)
    due_on = models.DateField(_("due on"))
    weight = models.PositiveSmallIntegerField(
        _("weight (%)"),
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Its share of the action, in percent: an action's milestones add up to 100 at most."
        ),
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    evidence_link = models.URLField(_("evidence (link)"), blank=True)
    evidence_file = models.FileField(_("evidence (PDF)"), upload_to="actions/evidence/", blank=True)

    class Meta:
        ordering = ["action", "due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        indexes = [models.Index(fields=["due_on", "done_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_late(self) -> bool:
        return self.done_on is None and self.due_on < timezone.localdate()


class Update(models.Model):
    """News of an action, posted by a member of its lead or of a partner."""

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="updates", verbose_name=_("action")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="action_updates",
        verbose_name=_("author"),
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="action_updates", verbose_name=_("for")
    )
    text = models.TextField(_("text"), help_text=_("Markdown."))
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        indexes = [models.Index(fields=["action", "created_at"])]

    def __str__(self) -> str:
        return f"{self.action_id} — {self.created_at:%Y-%m-%d}"


class Change(models.Model):
    """One change of an action's status, progress or budget: who, when, before and after."""

    class Field(models.TextChoices):
        STATUS = "status", _("Status")
        PROGRESS = "progress", _("Progress")
        BUDGET_PLANNED = "budget_planned", _("Planned budget")
        BUDGET_SPENT = "budget_spent", _("Spent budget")

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="changes", verbose_name=_("action")
    )
    field = models.CharField(_("what"), max_length=20, choices=Field.choices)
    before = SingleLineField(_("before"), max_length=40, blank=True)
    after = SingleLineField(_("after"), max_length=40)
    reason = models.TextField(_("why"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_changes",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        indexes = [models.Index(fields=["action", "at"])]

    def __str__(self) -> str:
        return f"{self.action_id} {self.field}: {self.before} → {self.after}"

    def shown(self, value: str) -> str:
        """Return a value as a reader reads it: a status's name, a percentage, euros."""
        if not value:
            return ""
        if self.field == self.Field.STATUS:
            return str(STATUS_LABELS.get(value, value))
        if self.field == self.Field.PROGRESS:
            return f"{value} %"
        return f"{value} €"

    @property
    def before_shown(self) -> str:
        return self.shown(self.before)

    @property
    def after_shown(self) -> str:
        return self.shown(self.after)


STATUS_LABELS = dict(Action.Status.choices)
