"""The steering committee at work: its meetings (agenda, attendance, minutes) and the numbered
decisions it takes.

Every figure a page shows is stored on the meeting (attendance by status, decisions), kept by
the services in the step that changes it and recounted by `services.recount` and the tests.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from missa.actors.models import Actor, normalize_for_search
from missa.core.fields import SingleLineField
from missa.core.models import Objective, Sector
from missa.core.storage import private_storage
from missa.participation.models import Idea
from missa.programme.models import Phase


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def published(self) -> "MeetingQuerySet":
        return self.filter(published_at__isnull=False)

    def upcoming(self, moment: datetime.datetime) -> "MeetingQuerySet":
        """Meetings not yet over at this moment."""
        return self.filter(ends_at__gte=moment)

    def past(self, moment: datetime.datetime) -> "MeetingQuerySet":
        return self.filter(ends_at__lt=moment)


class Meeting(models.Model):
    class Kind(models.TextChoices):
        COMMITTEE = "committee", _("Steering committee")
        PLENARY = "plenary", _("Plenary with the ambassadors")
        WORKSHOP = "workshop", _("Workshop")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COMMITTEE)
    title = SingleLineField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = SingleLineField(
        _("place"), max_length=200, blank=True, help_text=_("Its address, or leave empty online.")
    )
    online_link = models.URLField(_("online link"), blank=True)
    organiser = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        related_name="organised_meetings",
        verbose_name=_("organiser"),
        help_text=_("Who convenes it: the journal says that it held it and took its decisions."),
    )
    phase = models.ForeignKey(
        Phase,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("phase"),
    )
    published_at = models.DateTimeField(_("announced at"), null=True, blank=True, editable=False)
    held_at = models.DateTimeField(
        _("attendance recorded at"), null=True, blank=True, editable=False
    )
    minutes = models.TextField(_("minutes"), blank=True, help_text=_("Markdown."))
    minutes_published_at = models.DateTimeField(
        _("minutes published at"), null=True, blank=True, editable=False
    )
    minutes_approved_at = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="approved_minutes",
        verbose_name=_("minutes approved at"),
    )
    # Stored figures (services): attendance by status, guests, decisions.
    present_count = models.PositiveSmallIntegerField(_("present"), default=0, editable=False)
    excused_count = models.PositiveSmallIntegerField(_("excused"), default=0, editable=False)
    absent_count = models.PositiveSmallIntegerField(_("absent"), default=0, editable=False)
    guest_count = models.PositiveSmallIntegerField(_("guests"), default=0, editable=False)
    decision_count = models.PositiveSmallIntegerField(_("decisions"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_after_it_starts",
                violation_error_message=_("A meeting ends after it starts."),
            ),
        ]
        # Past meetings are listed newest first (walked along starts_at); coming ones are the
        # few that end after now (found along ends_at).
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["ends_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting-detail", args=[self.slug])

    def get_public_url(self) -> str | None:
        return self.get_absolute_url() if self.published_at else None

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("A meeting ends after it starts.")
        if not (self.place or "").strip() and not self.online_link:
            errors["place"] = _("Say where it takes place, or give its online link.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_over(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def is_held(self) -> bool:
        return self.held_at is not None

    @property
    def has_minutes(self) -> bool:
        return self.minutes_published_at is not None

    @property
    def member_count(self) -> int:
        return self.present_count + self.excused_count + self.absent_count

    @property
    def date(self) -> datetime.date:
        return timezone.localdate(self.starts_at)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("meeting")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = SingleLineField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    presenter = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presented_items",
        verbose_name=_("presenter"),
    )
    presenter_name = SingleLineField(
        _("presenter (if not in the directory)"), max_length=150, blank=True
    )
    is_confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Shown to committee members and editors only, with its documents."),
    )

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title


class Document(models.Model):
    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="documents", verbose_name=_("item")
    )
    title = SingleLineField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="meetings/", blank=True, storage=private_storage)
    link = models.URLField(_("link"), blank=True, help_text=_("Instead of a file."))
    is_confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Shown to committee members and editors only."),
    )

    class Meta:
        ordering = ["item", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:document", args=[self.pk])

    def clean(self) -> None:
        if bool(self.file) == bool(self.link):
            raise ValidationError(_("Give either a file or a link."))

    @property
    def confidential(self) -> bool:
        """A document is confidential itself or through its item."""
        return self.is_confidential or self.item.is_confidential


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("meeting")
    )
    # A committee member (a person's page) or a guest from the directory; else a guest's name.
    actor = models.ForeignKey(
        Actor,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attendance",
        verbose_name=_("actor"),
    )
    name = SingleLineField(_("guest's name"), max_length=150, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    is_guest = models.BooleanField(_("guest"), default=False)

    class Meta:
        ordering = ["meeting", "is_guest", "actor__name", "name", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "actor"],
                condition=Q(actor__isnull=False),
                name="attendance_once_per_meeting",
            )
        ]
        indexes = [models.Index(fields=["actor", "status"])]

    def __str__(self) -> str:
        return f"{self.display_name} — {self.get_status_display()}"

    @property
    def display_name(self) -> str:
        return self.actor.name if self.actor_id and self.actor else self.name


class MemberAttendance(models.Model):
    """How often a committee member came to the meetings held (kept by the roll)."""

    actor = models.OneToOneField(
        Actor,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="meeting_attendance",
        verbose_name=_("committee member"),
    )
    present = models.PositiveSmallIntegerField(_("present"), default=0)
    excused = models.PositiveSmallIntegerField(_("excused"), default=0)
    absent = models.PositiveSmallIntegerField(_("absent"), default=0)

    class Meta:
        verbose_name = _("attendance of a member")
        verbose_name_plural = _("attendance of the members")

    def __str__(self) -> str:
        return str(self.actor_id)

    @property
    def held(self) -> int:
        return self.present + self.excused + self.absent

    @property
    def rate(self) -> int:
        """The share of meetings held that the member attended, in percent (rounded)."""
        return round(100 * self.present / self.held) if self.held else 0


class DecisionQuerySet(models.QuerySet["Decision"]):
    def search(self, text: str) -> "DecisionQuerySet":
        words = normalize_for_search(text).split()
        query = self
        for word in words[:8]:
            query = query.filter(search_text__contains=word)
        return query


class Decision(models.Model):
    class Method(models.TextChoices):
        CONSENSUS = "consensus", _("By consensus")
        VOTE = "vote", _("By vote")

    number = models.PositiveIntegerField(_("number"), unique=True, editable=False)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("meeting")
    )
    # The meeting's day, kept so that the register filters by year and sorts on one index.
    decided_on = models.DateField(_("decided on"), editable=False)
    title = SingleLineField(_("title"), max_length=200)
    text = models.TextField(_("text"), help_text=_("Markdown."))
    method = models.CharField(_("how it was taken"), max_length=10, choices=Method.choices)
    votes_for = models.PositiveSmallIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("votes against"), null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    items = models.ManyToManyField(
        AgendaItem,
        related_name="decisions",
        blank=True,
        verbose_name=_("agenda items it closes"),
    )
    ideas = models.ManyToManyField(
        Idea, related_name="decisions", blank=True, verbose_name=_("ideas it answers")
    )
    sectors = models.ManyToManyField(
        Sector, related_name="decisions", blank=True, verbose_name=_("sectors")
    )
    objectives = models.ManyToManyField(
        Objective, related_name="decisions", blank=True, verbose_name=_("objectives")
    )
    search_text = models.TextField(editable=False, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="recorded_decisions",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [models.Index(fields=["decided_on", "number"])]

    def __str__(self) -> str:
        return str(
            _("Decision %(number)s: %(title)s") % {"number": self.number, "title": self.title}
        )

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_text = normalize_for_search(
            " ".join(
                str(part or "")
                for part in (getattr(self, "title_fr", ""), getattr(self, "title_en", ""))
            )
        )
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("meetings:decision-detail", args=[self.number])

    def get_public_url(self) -> str:
        return self.get_absolute_url()

    def clean(self) -> None:
        votes = (self.votes_for, self.votes_against, self.abstentions)
        if self.method == self.Method.VOTE and self.votes_for is None:
            raise ValidationError({"votes_for": _("Give the number of votes for.")})
        if self.method == self.Method.CONSENSUS and any(vote is not None for vote in votes):
            raise ValidationError(
                {"votes_for": _("A decision taken by consensus has no vote count.")}
            )
