"""The ledger as open data: every public activity (missa.opendata)."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _

from missa.core.datasets import Column, Dataset, in_chunks, related_slugs, site_address

from .models import Activity


def _rows() -> Iterator[Sequence[Any]]:
    activities = (
        Activity.objects.public()
        .select_related("actor")
        .only(
            "pk",
            "kind",
            "date",
            "title_fr",
            "title_en",
            "text_fr",
            "text_en",
            "link",
            "actor__slug",
            "actor__name",
        )
    )
    for chunk in in_chunks(activities):
        sectors = related_slugs(Activity.sectors.through, "activity_id", chunk)
        for activity in chunk:
            yield (
                activity.pk,
                activity.date,
                activity.kind,
                activity.actor.slug,
                activity.title_fr or None,
                activity.title_en or None,
                activity.text_fr or None,
                activity.text_en or None,
                sectors[activity.pk],
                activity.link or None,
                site_address(activity.get_absolute_url()),
            )


def datasets() -> list[Dataset]:
    return [
        Dataset(
            name="activities",
            title=_("Activities"),
            description=_(
                "What the actors did for the territory, day by day: the ledger the journal is "
                "written from (public activities of public actors)."
            ),
            columns=[
                Column("id", "integer", "The activity's identifier.", True),
                Column("date", "date", "The day it was done.", True),
                Column("kind", "string", "What kind of action.", True, enum=Activity.Kind.values),
                Column("actor", "string", "The actor's slug (actors.csv).", True),
                Column("title_fr", "string", "Its title, in French."),
                Column("title_en", "string", "Its title, in English."),
                Column("text_fr", "string", "More about it, in French."),
                Column("text_en", "string", "More about it, in English."),
                Column("sectors", "string", "Slugs of its sectors, separated by a space."),
                Column("link", "string", "An address about it.", format="uri"),
                Column("url", "string", "Its page on this site.", True, format="uri"),
            ],
            rows=_rows,
            primary_key=["id"],
            order=20,
        )
    ]
