"""The one way activities are written into the ledger."""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import Count
from django.utils import translation
from django.utils.translation import gettext as _

from missa.actors.models import Actor
from missa.core.counting import count_by
from missa.core.models import Sector, first_of_month

from .models import Activity, MonthSummary


class Titles(TypedDict):
    """A ledger entry's title in French and English, as record_activity takes them."""

    title: str
    title_en: str


def titles_in_both(title: Callable[..., str], *args: object) -> Titles:
    """Return title(language, *args) written in French and in English (cut to the ledger's
    250 characters), for record_activity(**titles_in_both(...))."""
    both = {}
    for language in ("fr", "en"):
        with translation.override(language):
            both[language] = title(language, *args)[:250]
    return Titles(title=both["fr"], title_en=both["en"])


@transaction.atomic
def record_activity(
    *,
    actor: Actor,
    kind: str,
    title: str,
    date: datetime.date,
    title_en: str = "",
    text: str = "",
    text_en: str = "",
    link: str = "",
    sectors: Iterable[Sector] = (),
    related: models.Model | None = None,
    is_public: bool = True,
    reported_by: Any = None,
    photo: File | None = None,
    photo_alt: str = "",
    photo_alt_en: str = "",
) -> Activity:
    """Record what an actor did for the programme, so that the journal and its page show it.

    reported_by is the member who said it (for a report); photo an image already checked.
    """
    sector_ids = [sector.pk for sector in sectors] or list(
        actor.sectors.values_list("pk", flat=True)
    )
    record = ActivityRecord(
        actor_id=actor.pk,
        kind=kind,
        title=title,
        title_en=title_en,
        text=text,
        text_en=text_en,
        link=link,
        date=date,
        sector_ids=sector_ids,
        related=related,
        is_public=is_public,
        reported_by_id=reported_by.pk if reported_by is not None else None,
        photo=photo,
        photo_alt=photo_alt,
        photo_alt_en=photo_alt_en,
    )
    [activity] = record_activities([record])
    return activity


@dataclass(frozen=True, slots=True)
class ActivityRecord:
    """One activity to record in bulk (used to load large demo territories)."""

    actor_id: int
    kind: str
    title: str
    date: datetime.date
    title_en: str = ""
    text: str = ""
    text_en: str = ""
    link: str = ""
    sector_ids: Sequence[int] = field(default_factory=tuple)
    related: models.Model | None = None
    is_public: bool = True
    reported_by_id: int | None = None
    photo: File | None = None
    photo_alt: str = ""
    photo_alt_en: str = ""

    def check(self) -> None:
        """Raise ValueError when the record breaks a rule of the ledger."""
        if self.kind not in Activity.Kind.values:
            raise ValueError(f"Unknown activity kind: {self.kind!r}")
        title_length = Activity._meta.get_field("title").max_length or 0
        if not self.title.strip() or len(self.title) > title_length:
            raise ValueError(f"An activity title has 1 to {title_length} characters.")
        if self.link:
            try:
                URLValidator(schemes=["http", "https"])(self.link)
            except ValidationError as error:
                raise ValueError(f"Not a web address: {self.link!r}") from error

    def build(self) -> Activity:
        activity = Activity(
            actor_id=self.actor_id,
            kind=self.kind,
            title_fr=self.title,
            photo_alt_fr=self.photo_alt if self.photo is not None else "",
            photo_alt_en=self.photo_alt_en if self.photo is not None else "",
            title_en=self.title_en,
            text_fr=self.text,
            text_en=self.text_en,
            link=self.link,
            date=self.date,
            month=first_of_month(self.date),
            is_public=self.is_public,
            reported_by_id=self.reported_by_id,
        )
        if self.photo is not None:
            # Stored by the insert itself (FileField.pre_save), under a name the storage chooses.
            activity.photo = self.photo
        if self.related is not None:
            activity.content_type = ContentType.objects.get_for_model(self.related)
            activity.object_id = self.related.pk
        return activity


@transaction.atomic
def record_activities(records: Sequence[ActivityRecord]) -> list[Activity]:
    """Record activities in the ledger and recount their months; the only way to write one."""
    for record in records:
        record.check()
    created = Activity.objects.bulk_create([record.build() for record in records], batch_size=2000)
    through = Activity.sectors.through
    through.objects.bulk_create(
        [
            through(activity_id=activity.pk, sector_id=sector_id)
            for activity, record in zip(created, records, strict=True)
            for sector_id in record.sector_ids
        ],
        batch_size=5000,
    )
    refresh_month_summaries({activity.month for activity in created})
    return created


@transaction.atomic
def refresh_month_summaries(months: Iterable[datetime.date]) -> None:
    """Recount the public activities of the given months into their MonthSummary rows."""
    for month in sorted({first_of_month(month) for month in months}):
        public = Activity.objects.public().filter(month=month)
        totals = public.aggregate(activities=Count("pk"), actors=Count("actor", distinct=True))
        by_sector = count_by(
            Activity.sectors.through.objects.filter(activity__in=public), "sector_id"
        )
        by_kind = count_by(public, "kind")
        MonthSummary.objects.update_or_create(
            month=month,
            defaults={
                "activity_count": totals["activities"],
                "actor_count": totals["actors"],
                "sector_counts": {str(sector_id): n for sector_id, n in by_sector.items()},
                "kind_counts": by_kind,
            },
        )


def _months_of(activities: "models.QuerySet[Activity]") -> list[datetime.date]:
    return list(activities.order_by().values_list("month", flat=True).distinct())


def refresh_actor_months(actor: Actor) -> None:
    """Recount every month in which actor has activities."""
    refresh_month_summaries(_months_of(Activity.objects.filter(actor=actor)))


@transaction.atomic
def set_actor_visibility(*, actor: Actor, is_public: bool) -> Actor:
    """Show or hide an actor with all it did; the only way visibility changes, it recounts."""
    Actor.objects.filter(pk=actor.pk).update(is_public=is_public)
    actor.is_public = is_public
    refresh_actor_months(actor)
    return actor


@transaction.atomic
def delete_actor(*, actor: Actor) -> None:
    """Delete an actor with its activities, and recount the months they were counted in."""
    months = _months_of(Activity.objects.filter(actor=actor))
    actor.delete()
    refresh_month_summaries(months)


@transaction.atomic
def delete_activities(activities: "models.QuerySet[Activity]") -> None:
    """Delete activities from the ledger and recount their months."""
    months = _months_of(activities)
    activities.delete()
    refresh_month_summaries(months)


# What actors may report themselves (the other kinds come from the platform's own steps).
REPORTABLE_KINDS = [
    Activity.Kind.HOSTED_EVENT,
    Activity.Kind.PROMOTED_BRAND,
    Activity.Kind.MEDIA_MENTION,
    Activity.Kind.WELCOMED_NEWCOMER,
    Activity.Kind.PARTNERSHIP,
    Activity.Kind.PUBLISHED_DOCUMENT,
]


@transaction.atomic
def report_activity(
    *,
    actor: Actor,
    user: Any,
    kind: str,
    title: str,
    date: datetime.date,
    text: str = "",
    link: str = "",
    photo: Any = None,
    photo_alt: str = "",
    sectors: Iterable[Sector] = (),
) -> Activity:
    """Record what a member says their organisation did for the territory, public at once.

    Whoever asks (the web form, the API with a personal token), only those who may report for
    the actor do (`actors.report_for_actor`: its members while it is in the network)."""
    if not user.has_perm("actors.report_for_actor", actor):
        raise PermissionDenied
    if kind not in REPORTABLE_KINDS:
        raise ValueError(f"Actors do not report activities of kind {kind!r}")
    return record_activity(
        actor=actor,
        kind=kind,
        title=title,
        date=date,
        text=text,
        link=link,
        sectors=sectors,
        reported_by=user,
        photo=photo,
        photo_alt=photo_alt,
    )


@transaction.atomic
def hide_activity(*, activity: Activity, reason: str) -> Activity:
    """Hide a reported activity from the public, with a reason its author sees."""
    if not reason.strip():
        raise ValidationError(_("Give the reason for hiding it."), code="reason")
    Activity.objects.filter(pk=activity.pk).update(is_public=False, hidden_reason=reason.strip())
    refresh_month_summaries([activity.month])
    activity.refresh_from_db()
    return activity
