"""The committee's register as open data: every decision of an announced meeting."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _

from missa.core.datasets import Column, Dataset, in_chunks, related_slugs, site_address

from .models import Decision


def _rows() -> Iterator[Sequence[Any]]:
    decisions = Decision.objects.filter(meeting__published_at__isnull=False).select_related(
        "meeting"
    )
    for chunk in in_chunks(decisions):
        sectors = related_slugs(Decision.sectors.through, "decision_id", chunk, "sector")
        objectives = related_slugs(Decision.objectives.through, "decision_id", chunk, "objective")
        for decision in chunk:
            yield (
                decision.number,
                decision.decided_on,
                decision.meeting.slug,
                getattr(decision, "title_fr", "") or None,
                getattr(decision, "title_en", "") or None,
                decision.method,
                decision.votes_for,
                decision.votes_against,
                decision.abstentions,
                sectors[decision.pk],
                objectives[decision.pk],
                site_address(decision.get_absolute_url()),
            )


def datasets() -> list[Dataset]:
    return [
        Dataset(
            name="decisions",
            title=_("Decisions of the committee"),
            description=_(
                "The register of the steering committee's numbered decisions: when, at which "
                "meeting, how (by consensus or by vote, with its count), about what."
            ),
            columns=[
                Column("number", "integer", "Its number in the register.", True),
                Column("decided_on", "date", "The day it was taken.", True),
                Column("meeting", "string", "The meeting's slug.", True),
                Column("title_fr", "string", "Its title, in French."),
                Column("title_en", "string", "Its title, in English."),
                Column("method", "string", "How it was taken.", True, enum=Decision.Method.values),
                Column("votes_for", "integer", "Votes for, when voted."),
                Column("votes_against", "integer", "Votes against, when voted."),
                Column("abstentions", "integer", "Abstentions, when voted."),
                Column("sectors", "string", "Slugs of its sectors, separated by a space."),
                Column("objectives", "string", "Slugs of its objectives, separated by a space."),
                Column("url", "string", "Its page on this site.", True, format="uri"),
            ],
            rows=_rows,
            primary_key=["number"],
            order=40,
        )
    ]
