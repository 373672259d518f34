"""The activity ledger: who did what for the programme, and when.

Every capability records into it through `services.record_activity`; the journal and the
actors' pages read it.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from missa.actors.models import Actor
from missa.core.fields import SingleLineField
from missa.core.images import ResponsiveImageField
from missa.core.models import Sector, first_of_month


class ActivityQuerySet(models.QuerySet["Activity"]):
    def public(self) -> "ActivityQuerySet":
        """Return activities anyone may see: public, by a public actor."""
        # A subquery rather than a join: the planner then keeps walking the date/month index.
        return self.filter(
            Exists(Actor.objects.filter(pk=OuterRef("actor_id"), is_public=True)), is_public=True
        )

    def for_month(self, month: datetime.date) -> "ActivityQuerySet":
        """Return activities dated in the month of the given day."""
        return self.filter(month=first_of_month(month))

    def in_sector(self, sector: Sector) -> "ActivityQuerySet":
        """Return activities tagged with sector (as a subquery, which keeps index order)."""
        through = Activity.sectors.through
        return self.filter(Exists(through.objects.filter(activity=OuterRef("pk"), sector=sector)))


class Activity(models.Model):
    class Kind(models.TextChoices):
        JOINED = "joined", _("Joined the programme")
        ATTENDED_MEETING = "attended_meeting", _("Attended a meeting")
        HOSTED_EVENT = "hosted_event", _("Hosted an event")
        PUBLISHED_DOCUMENT = "published_document", _("Published a document")
        LED_ACTION = "led_action", _("Led or advanced an action")
        PROMOTED_BRAND = "promoted_brand", _("Promoted the brand")
        MEDIA_MENTION = "media_mention", _("Media mention")
        CONTRIBUTED_IDEA = "contributed_idea", _("Contributed an idea")
        WELCOMED_NEWCOMER = "welcomed_newcomer", _("Welcomed a newcomer")
        PARTNERSHIP = "partnership", _("Formed a partnership")
        # Written by the participation app (its services), never reported by members.
        OPENED_CALL = "opened_call", _("Opened a call for ideas")
        RECEIVED_IDEA = "received_idea", _("Received an idea")
        ANSWERED_IDEA = "answered_idea", _("Answered an idea")
        CLOSED_CALL = "closed_call", _("Published what a call retained")
        PUBLISHED_RESULTS = "published_results", _("Published a consultation's results")
        # Written by the meetings app (its services).
        HELD_MEETING = "held_meeting", _("Held a meeting of the programme")
        PUBLISHED_MINUTES = "published_minutes", _("Published a meeting's minutes")
        TOOK_DECISION = "took_decision", _("Took a decision")

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="activities", verbose_name=_("actor")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = SingleLineField(_("title"), max_length=250)
    text = models.TextField(_("text"), blank=True)
    link = models.URLField(_("link"), blank=True)
    date = models.DateField(_("date"))
    # The first day of date's month, kept so that a month's page reads one index range.
    month = models.DateField(_("month"), editable=False)
    sectors = models.ManyToManyField(
        Sector, related_name="activities", blank=True, verbose_name=_("sectors")
    )
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("related type"),
    )
    object_id = models.PositiveBigIntegerField(_("related id"), null=True, blank=True)
    related = GenericForeignKey("content_type", "object_id")
    is_public = models.BooleanField(_("public"), default=True)
    photo = ResponsiveImageField(_("photo"), upload_to="activity/photos/", blank=True)
    photo_alt = SingleLineField(
        _("description of the photo"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reported_activities",
        verbose_name=_("reported by"),
        help_text=_("The member who reported it, for activities that actors report themselves."),
    )
    hidden_reason = models.TextField(
        _("reason for hiding it"),
        blank=True,
        help_text=_("Set by an editor; the member who reported it sees it."),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["is_public", "date"]),
            models.Index(fields=["month", "is_public", "actor", "date"]),
            # A month's activities newest first (the API's), read in order with no sort.
            models.Index(fields=["month", "is_public", "date"]),
            models.Index(fields=["actor", "date"]),
            models.Index(fields=["content_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        self.month = first_of_month(self.date)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        # Under its actor's page; lists load the actor with the activity (select_related).
        return f"{self.actor.get_absolute_url()}activities/{self.pk}/"

    def clean(self) -> None:
        # French first: the French description is the one a photo cannot go without.
        if self.photo and not (getattr(self, "photo_alt_fr", "") or "").strip():
            raise ValidationError(
                {"photo_alt_fr": _("Say in a sentence what the photo shows.")}, code="photo_alt"
            )

    @property
    def kind_label(self) -> str:
        return str(ACTIVITY_KIND_LABELS.get(self.kind, self.kind))

    def related_page(self) -> tuple[str, str] | None:
        """Return the public page of what the activity is about (its name and address), if any.

        A model whose objects have a public page says so with `get_public_url()` (a meeting, a
        decision, an idea); an application, for one, has none.
        """
        if self.content_type_id is None:
            return None
        related = self.related
        public_url = getattr(related, "get_public_url", None)
        url = public_url() if callable(public_url) else None
        return (str(related), url) if url else None


ACTIVITY_KIND_LABELS = dict(Activity.Kind.choices)
# Kinds that only a capability's own service records (its step happened, with its object).
RECORDED_BY_SERVICES = frozenset(
    {
        Activity.Kind.JOINED,
        Activity.Kind.OPENED_CALL,
        Activity.Kind.RECEIVED_IDEA,
        Activity.Kind.ANSWERED_IDEA,
        Activity.Kind.CLOSED_CALL,
        Activity.Kind.PUBLISHED_RESULTS,
        Activity.Kind.HELD_MEETING,
        Activity.Kind.PUBLISHED_MINUTES,
        Activity.Kind.TOOK_DECISION,
    }
)


class MonthSummary(models.Model):
    """Counts of a month's public activities, kept by services so that pages never count rows."""

    month = models.DateField(_("month"), unique=True)
    activity_count = models.PositiveIntegerField(_("activities"), default=0)
    actor_count = models.PositiveIntegerField(_("actors"), default=0)
    # {sector id (as text): number of public activities in that sector}
    sector_counts = models.JSONField(_("activities per sector"), default=dict)
    kind_counts = models.JSONField(_("activities per kind"), default=dict)
    # When its figures were last counted: the journal feed's "updated" for the month.
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-month"]
        verbose_name = _("month summary")
        verbose_name_plural = _("month summaries")

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"

    def count_for_sector(self, sector_id: int) -> int:
        return int(self.sector_counts.get(str(sector_id), 0))
