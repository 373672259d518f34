"""The one way activities are written into the ledger."""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Count

from missa.actors.models import Actor
from missa.core.models import Sector, first_of_month

from .models import Activity, MonthSummary


@transaction.atomic
def record_activity(
    *,
    actor: Actor,
    kind: str,
    title: str,
    date: datetime.date,
    title_en: str = "",
    text: str = "",
    link: str = "",
    sectors: Iterable[Sector] = (),
    related: models.Model | None = None,
    is_public: bool = True,
) -> Activity:
    """Record what an actor did for the programme, so that the journal and its page show it."""
    if kind not in Activity.Kind.values:
        raise ValueError(f"Unknown activity kind: {kind!r}")
    activity = Activity(
        actor=actor,
        kind=kind,
        title_fr=title,
        title_en=title_en,
        text_fr=text,
        link=link,
        date=date,
        month=first_of_month(date),
        is_public=is_public,
    )
    if related is not None:
        activity.content_type = ContentType.objects.get_for_model(related)
        activity.object_id = related.pk
    activity.full_clean(exclude=["sectors"])
    activity.save()
    activity.sectors.set(list(sectors) or actor.sectors.all())
    refresh_month_summaries([activity.month])
    return activity


@dataclass
class ActivityRecord:
    """One activity to record in bulk (used to load large demo territories)."""

    actor_id: int
    kind: str
    title: str
    date: datetime.date
    title_en: str = ""
    sector_ids: Sequence[int] = field(default_factory=tuple)
    is_public: bool = True


@transaction.atomic
def record_activities(records: Sequence[ActivityRecord]) -> int:
    """Record many activities at once with the rules of record_activity; return the count."""
    unknown = {record.kind for record in records} - set(Activity.Kind.values)
    if unknown:
        raise ValueError(f"Unknown activity kinds: {sorted(unknown)!r}")
    created = Activity.objects.bulk_create(
        [
            Activity(
                actor_id=record.actor_id,
                kind=record.kind,
                title_fr=record.title,
                title_en=record.title_en,
                date=record.date,
                month=first_of_month(record.date),
                is_public=record.is_public,
            )
            for record in records
        ],
        batch_size=2000,
    )
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
    return len(created)


@transaction.atomic
def refresh_month_summaries(months: Iterable[datetime.date]) -> None:
    """Recount the public activities of the given months into their MonthSummary rows."""
    for month in sorted({first_of_month(month) for month in months}):
        public = Activity.objects.public().filter(month=month)
        totals = public.aggregate(
            activities=Count("pk"), actors=Count("actor", distinct=True)
        )
        by_sector = (
            Activity.sectors.through.objects.filter(activity__in=public)
            .values("sector_id")
            .annotate(count=Count("pk"))
        )
        by_kind = public.values("kind").annotate(count=Count("pk"))
        MonthSummary.objects.update_or_create(
            month=month,
            defaults={
                "activity_count": totals["activities"],
                "actor_count": totals["actors"],
                "sector_counts": {str(row["sector_id"]): row["count"] for row in by_sector},
                "kind_counts": {row["kind"]: row["count"] for row in by_kind},
            },
        )


def refresh_actor_months(actor: Actor) -> None:
    """Recount every month in which actor has activities (after its visibility changed)."""
    months = Activity.objects.filter(actor=actor).values_list("month", flat=True).distinct()
    refresh_month_summaries(list(months))
