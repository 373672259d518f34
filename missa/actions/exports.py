"""The action plan as open data: every action of the published plans (missa.opendata)."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _

from missa.core.datasets import Column, Dataset, in_chunks, related_slugs, site_address

from .models import Action


def _rows() -> Iterator[Sequence[Any]]:
    actions = Action.objects.filter(plan__published_at__isnull=False).select_related(
        "plan", "lead", "decision"
    )
    for chunk in in_chunks(actions):
        objectives = related_slugs(Action.objectives.through, "action_id", chunk, "objective")
        sectors = related_slugs(Action.sectors.through, "action_id", chunk, "sector")
        benefits = related_slugs(Action.benefits.through, "action_id", chunk, "benefit")
        for action in chunk:
            yield (
                action.pk,
                action.plan.slug,
                action.number,
                getattr(action, "title_fr", "") or None,
                getattr(action, "title_en", "") or None,
                action.status,
                action.progress,
                action.starts_on,
                action.ends_on,
                action.lead.slug if action.lead.is_public else None,
                action.lead.name,
                objectives[action.pk],
                sectors[action.pk],
                benefits[action.pk],
                action.budget_planned,
                action.budget_spent,
                action.decision.number if action.decision else None,
                site_address(action.get_absolute_url()),
            )


def datasets() -> list[Dataset]:
    return [
        Dataset(
            name="actions",
            title=_("Actions of the plan"),
            description=_(
                "Every action of the published action plans: its lead, dates, status, progress "
                "and budget (planned and spent, in euros), as its tracker shows it."
            ),
            columns=[
                Column("id", "integer", "The action's identifier (its page's address).", True),
                Column("plan", "string", "The plan's slug.", True),
                Column("number", "integer", "Its number in the plan.", True),
                Column("title_fr", "string", "Its title, in French."),
                Column("title_en", "string", "Its title, in English."),
                Column("status", "string", "Its status.", True, enum=Action.Status.values),
                Column("progress", "integer", "Its progress, in percent.", True),
                Column("starts_on", "date", "The day it starts.", True),
                Column("ends_on", "date", "The day it should end.", True),
                Column("lead", "string", "The lead's slug (actors.csv), when public."),
                Column("lead_name", "string", "The lead's name.", True),
                Column("objectives", "string", "Slugs of its objectives, separated by a space."),
                Column("sectors", "string", "Slugs of its sectors, separated by a space."),
                Column(
                    "benefits", "string", "Slugs of its expected benefits, separated by a space."
                ),
                Column("budget_planned", "number", "Its planned budget, in euros."),
                Column("budget_spent", "number", "What was spent, in euros."),
                Column("decision", "integer", "The number of the decision it comes from."),
                Column("url", "string", "Its page on this site.", True, format="uri"),
            ],
            rows=_rows,
            primary_key=["id"],
            order=50,
        )
    ]
