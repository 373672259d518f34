"""Co-construction: calls for ideas, the ideas people propose, their supports and participants.

Every figure a page shows is a stored counter (a call's ideas, supports and participants by
kind; an idea's supports and comments), kept by the services in the step that changes it and
recounted by `services.recount` and by the tests.
"""

import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from missa.accounts.models import ParticipantKind
from missa.actors.models import Actor, normalize_for_search
from missa.core.fields import SingleLineField
from missa.core.images import ResponsiveImageField
from missa.core.models import Objective, Sector
from missa.programme.models import Phase


class PeriodQuerySet[M: models.Model](models.QuerySet[M, M]):
    def published(self) -> "PeriodQuerySet[M]":
        return self.filter(published_at__isnull=False)

    def open_on(self, day: datetime.date) -> "PeriodQuerySet[M]":
        return self.filter(opens_on__lte=day, closes_on__gte=day)

    def upcoming_on(self, day: datetime.date) -> "PeriodQuerySet[M]":
        return self.filter(opens_on__gt=day)

    def closed_on(self, day: datetime.date) -> "PeriodQuerySet[M]":
        return self.filter(closes_on__lt=day)


class PeriodStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class OpenPeriod(models.Model):
    """What calls for ideas and consultations share: a phase of the programme, an organiser
    (whom the journal names for their steps), a title, a description, the days they are open
    (from opens_on to closes_on included), and their publication."""

    Status = PeriodStatus

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    phase = models.ForeignKey(
        Phase, on_delete=models.PROTECT, related_name="%(class)ss", verbose_name=_("phase")
    )
    organiser = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        related_name="organised_%(class)ss",
        verbose_name=_("organiser"),
        help_text=_(
            "Who runs it: the journal says that it opened it, received the ideas of "
            "inhabitants, answered them and published the results."
        ),
    )
    title = SingleLineField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"), help_text=_("The last day to take part."))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="%(class)s_closes_after_it_opens",
                violation_error_message=_("It closes on or after the day it opens."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def status_on(self, day: datetime.date) -> str:
        if day < self.opens_on:
            return PeriodStatus.UPCOMING
        if day > self.closes_on:
            return PeriodStatus.CLOSED
        return PeriodStatus.OPEN

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    @property
    def status_label(self) -> str:
        return str(PeriodStatus(self.status).label)

    @property
    def is_open(self) -> bool:
        return self.status == PeriodStatus.OPEN


class Call(OpenPeriod):
    """A call for ideas: a question put to everyone during a phase of the programme."""

    class Proposers(models.TextChoices):
        ANYONE = "anyone", _("Anyone with an account")
        MEMBERS = "members", _("Members of the network's organisations")

    sectors = models.ManyToManyField(
        Sector, related_name="calls", blank=True, verbose_name=_("sectors")
    )
    objectives = models.ManyToManyField(
        Objective, related_name="calls", blank=True, verbose_name=_("objectives")
    )
    question = SingleLineField(_("question"), max_length=300)
    illustration = ResponsiveImageField(
        _("illustration"), upload_to="participation/calls/", blank=True
    )
    illustration_alt = SingleLineField(_("what the illustration shows"), max_length=250, blank=True)
    proposers = models.CharField(
        _("who may propose"), max_length=10, choices=Proposers.choices, default=Proposers.ANYONE
    )
    supports_per_person = models.PositiveSmallIntegerField(
        _("supports per person"),
        default=10,
        help_text=_("How many ideas of this call one person may support; 0 for no limit."),
    )
    supports_shown_while_open = models.BooleanField(
        _("supports shown while open"),
        default=True,
        help_text=_("Untick to show the number of supports only once the call is closed."),
    )
    # Once closed: what was retained and where it went (a decision, an action of the plan).
    outcome = models.TextField(_("outcome"), blank=True, help_text=_("Markdown."))
    outcome_link = models.URLField(
        _("where it went"),
        blank=True,
        help_text=_("A decision of the committee, an action of the plan…"),
    )
    results_published_on = models.DateField(
        _("results published on"), null=True, blank=True, editable=False
    )
    # Stored figures (services): ideas not withdrawn nor hidden, their supports and comments.
    idea_count = models.PositiveIntegerField(_("ideas"), default=0, editable=False)
    support_count = models.PositiveIntegerField(_("supports"), default=0, editable=False)
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)
    participant_count = models.PositiveIntegerField(_("participants"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = PeriodQuerySet["Call"].as_manager()

    class Meta(OpenPeriod.Meta):
        verbose_name = _("call for ideas")
        verbose_name_plural = _("calls for ideas")

    def get_absolute_url(self) -> str:
        return reverse("participation:call-detail", args=[self.slug])

    @property
    def shows_supports(self) -> bool:
        """Return whether supports are counted in public: always once closed."""
        return self.supports_shown_while_open or self.status == self.Status.CLOSED


class IdeaQuerySet(models.QuerySet["Idea"]):
    def listed(self) -> "IdeaQuerySet":
        """Ideas in their call's list and figures: neither withdrawn nor hidden (ideas are
        proposed in published calls only, services.propose_idea)."""
        return self.filter(is_listed=True)

    def visible(self) -> "IdeaQuerySet":
        """Ideas whose page anyone may open (withdrawn and hidden ones leave a trace)."""
        return self.filter(call__published_at__isnull=False)


class Idea(models.Model):
    class State(models.TextChoices):
        PUBLISHED = "published", _("Published")
        UNDER_STUDY = "under_study", _("Under study")
        RETAINED = "retained", _("Retained")
        IN_PLAN = "in_plan", _("Retained in the action plan")
        NOT_RETAINED = "not_retained", _("Not retained")
        WITHDRAWN = "withdrawn", _("Withdrawn by its author")

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="ideas", verbose_name=_("call")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("author"),
    )
    actor = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("for the organisation"),
    )
    title = SingleLineField(_("title"), max_length=150)
    text = models.TextField(_("text"), help_text=_("Markdown."))
    search_text = SingleLineField(max_length=150, editable=False, default="")
    sectors = models.ManyToManyField(
        Sector, related_name="ideas", blank=True, verbose_name=_("sectors")
    )
    objectives = models.ManyToManyField(
        Objective, related_name="ideas", blank=True, verbose_name=_("objectives")
    )
    image = ResponsiveImageField(_("image"), upload_to="participation/ideas/", blank=True)
    image_alt = SingleLineField(_("what the image shows"), max_length=250, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PUBLISHED
    )
    state_changed_at = models.DateTimeField(_("state changed at"), default=timezone.now)
    # The official answer (the committee's or an editor's), with the last change of state.
    answer = models.TextField(_("official answer"), blank=True, help_text=_("Markdown."))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answered_ideas",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False)
    # Neither withdrawn nor hidden: kept by the services, so that lists read one index.
    is_listed = models.BooleanField(_("listed"), default=True, editable=False)
    hidden_reason = models.TextField(_("why it was hidden"), blank=True)
    support_count = models.PositiveIntegerField(_("supports"), default=0, editable=False)
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)
    created_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        # Each sort of the lists, of all the calls or of one, read from an index (a deep page
        # walks the index, not the table: views.idea_list reads a page's ids first).
        indexes = [
            models.Index(fields=["is_listed", "support_count", "id"]),
            models.Index(fields=["is_listed", "comment_count", "id"]),
            models.Index(fields=["is_listed", "created_at", "id"]),
            models.Index(fields=["call", "is_listed", "support_count", "id"]),
            models.Index(fields=["call", "is_listed", "comment_count", "id"]),
            models.Index(fields=["call", "is_listed", "created_at", "id"]),
            models.Index(fields=["author", "created_at"]),
            models.Index(fields=["actor", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_text = normalize_for_search(self.title)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("participation:idea-detail", args=[self.pk])

    def get_public_url(self) -> str:
        return self.get_absolute_url()

    # Its discussion and its moderation (discussion.registry).

    def discussion_open(self) -> bool:
        """People comment while its call is open and the idea is neither withdrawn nor hidden."""
        return self.call.is_open and not self.is_hidden and self.state != self.State.WITHDRAWN

    def comments_changed(self, delta: int, author: Any) -> None:
        from .services import count_comments

        count_comments(self, delta, author)

    @property
    def moderation_author(self) -> Any:
        return self.author

    @property
    def moderation_excerpt(self) -> str:
        return f"{self.title} — {self.text}"

    def hide_by_moderation(self, reason: str) -> None:
        from .services import hide_idea

        hide_idea(self, reason)

    @property
    def is_answered(self) -> bool:
        return self.state in ANSWERED_STATES

    @property
    def is_editable(self) -> bool:
        """Return whether its author may still change it: before any support or comment."""
        return (
            self.state == self.State.PUBLISHED
            and not self.support_count
            and not self.comment_count
            and not self.is_hidden
        )


ANSWERED_STATES = frozenset({Idea.State.RETAINED, Idea.State.IN_PLAN, Idea.State.NOT_RETAINED})
# The states a committee member or an editor moves an idea to (each with an answer but the first).
ANSWER_STATES = [
    Idea.State.UNDER_STUDY,
    Idea.State.RETAINED,
    Idea.State.IN_PLAN,
    Idea.State.NOT_RETAINED,
]


class IdeaEvent(models.Model):
    """One step of an idea's life: its state, who moved it there, when, with which answer."""

    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="events", verbose_name=_("idea")
    )
    state = models.CharField(_("state"), max_length=20, choices=Idea.State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    answer = models.TextField(_("answer"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("step of an idea")
        verbose_name_plural = _("steps of ideas")

    def __str__(self) -> str:
        return f"{self.idea} — {self.get_state_display()}"


class IdeaRevision(models.Model):
    """An idea as it was before its author changed it."""

    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("idea")
    )
    at = models.DateTimeField(_("changed at"), default=timezone.now)
    title = SingleLineField(_("title"), max_length=150)
    text = models.TextField(_("text"))
    sector_ids = models.JSONField(_("sectors"), default=list)
    objective_ids = models.JSONField(_("objectives"), default=list)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("earlier version of an idea")
        verbose_name_plural = _("earlier versions of ideas")

    def __str__(self) -> str:
        return f"{self.title} ({self.at:%Y-%m-%d})"


class Support(models.Model):
    """One person's support of an idea: at most one each (a constraint, whatever the clicks)."""

    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="supports", verbose_name=_("idea")
    )
    # The idea's call, kept here to count a person's supports in a call from one index.
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="idea_supports",
        verbose_name=_("person"),
    )
    created_at = models.DateTimeField(_("supported at"), default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["idea", "user"], name="support_once_per_person"),
        ]
        indexes = [models.Index(fields=["call", "user"]), models.Index(fields=["user", "idea"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.idea}"


class Participant(models.Model):
    """A person who took part in a call (proposed, supported or commented), or anywhere (no
    call): counted once, under the kind they said, in the stored figures."""

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, null=True, blank=True, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participations"
    )
    kind = models.CharField(max_length=20, choices=ParticipantKind.choices, blank=True)
    first_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "user"],
                condition=Q(call__isnull=False),
                name="participant_once_per_call",
            ),
            models.UniqueConstraint(
                fields=["user"], condition=Q(call__isnull=True), name="participant_once_overall"
            ),
        ]
        indexes = [models.Index(fields=["user"], name="participant_user")]

    def __str__(self) -> str:
        return f"{self.user} ({self.call or '—'})"


class ParticipantCount(models.Model):
    """How many people of a kind took part in a call (or in any, when call is empty)."""

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, null=True, blank=True, related_name="participant_counts"
    )
    kind = models.CharField(max_length=20, choices=ParticipantKind.choices, blank=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("participants of a kind")
        verbose_name_plural = _("participants by kind")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "kind"],
                condition=Q(call__isnull=False),
                name="participant_count_per_call",
            ),
            models.UniqueConstraint(
                fields=["kind"], condition=Q(call__isnull=True), name="participant_count_overall"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind_label}: {self.count}"

    @property
    def kind_label(self) -> str:
        return str(ParticipantKind(self.kind).label) if self.kind else str(_("Not said"))


# Consultations: questionnaires that editors build, answered once per person.


class Consultation(OpenPeriod):
    """A questionnaire that editors build, answered once per person."""

    results_while_open = models.BooleanField(
        _("results public while open"),
        default=False,
        help_text=_("Untick to publish the results only once the consultation has closed."),
    )
    results_recorded_on = models.DateField(
        _("results published on"), null=True, blank=True, editable=False
    )
    # Stored: how many people answered (one answer each, changeable until closing).
    response_count = models.PositiveIntegerField(_("answers"), default=0, editable=False)

    objects = PeriodQuerySet["Consultation"].as_manager()

    class Meta(OpenPeriod.Meta):
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def get_absolute_url(self) -> str:
        return reverse("participation:consultation-detail", args=[self.slug])

    @property
    def results_public(self) -> bool:
        return self.status == self.Status.CLOSED or (
            self.results_while_open and self.status == self.Status.OPEN
        )


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("One choice")
        MULTIPLE = "multiple", _("Several choices")
        SCALE = "scale", _("A scale from 1 to 5")
        RANKING = "ranking", _("A ranking (up to 5 options)")
        SHORT_TEXT = "short_text", _("A short text")
        LONG_TEXT = "long_text", _("A long text")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    text = SingleLineField(_("question"), max_length=300)
    help = SingleLineField(_("help"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    # Stored results: {option id, or "1"…"5" for a scale: number of people}; for a ranking,
    # {option id: points (5 for a first place … 1 for a fifth)}.
    tally = models.JSONField(_("results"), default=dict, editable=False)
    # How many people answered this question.
    answered = models.PositiveIntegerField(_("answered"), default=0, editable=False)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def has_options(self) -> bool:
        return self.kind in {self.Kind.SINGLE, self.Kind.MULTIPLE, self.Kind.RANKING}

    @property
    def is_text(self) -> bool:
        return self.kind in {self.Kind.SHORT_TEXT, self.Kind.LONG_TEXT}


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = SingleLineField(_("option"), max_length=200)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self) -> str:
        return self.text


class Response(models.Model):
    """One person's answers to a consultation (one each, changeable until it closes)."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="responses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultation_responses"
    )
    created_at = models.DateTimeField(_("answered at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user"], name="response_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultation} — {self.pk}"


class Answer(models.Model):
    """One answer of a response: an option (with its rank), a value on the scale, or a text."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, null=True, blank=True)
    rank = models.PositiveSmallIntegerField(null=True, blank=True)
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    # Free texts are shown only once editors publish them.
    is_published = models.BooleanField(_("published"), default=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["question", "is_published"])]

    def __str__(self) -> str:
        return self.text[:60] or str(self.option or self.value or "")
