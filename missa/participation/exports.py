"""Co-construction as open data: the calls for ideas and their ideas (missa.opendata). No
address of a participant: an idea says the organisation or the person's public name."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from missa.core.datasets import Column, Dataset, in_chunks, related_slugs, site_address

from .models import Call, Idea


def _call_rows() -> Iterator[Sequence[Any]]:
    for call in Call.objects.published().order_by("pk"):
        yield (
            call.slug,
            getattr(call, "title_fr", "") or None,
            getattr(call, "title_en", "") or None,
            call.opens_on,
            call.closes_on,
            call.idea_count,
            call.support_count if call.shows_supports else None,
            call.comment_count,
            call.participant_count,
            site_address(call.get_absolute_url()),
        )


def _idea_rows() -> Iterator[Sequence[Any]]:
    ideas = Idea.objects.visible().filter(is_hidden=False).select_related("call", "actor", "author")
    for chunk in in_chunks(ideas):
        sectors = related_slugs(Idea.sectors.through, "idea_id", chunk, "sector")
        for idea in chunk:
            if idea.actor is not None:
                proposed_by = idea.actor.name
            elif idea.author is not None:
                proposed_by = idea.author.greeting_name or gettext_now("A participant")
            else:
                proposed_by = None
            yield (
                idea.pk,
                idea.call.slug,
                idea.title,
                idea.state,
                idea.created_at,
                proposed_by,
                sectors[idea.pk],
                idea.support_count if idea.call.shows_supports else None,
                idea.comment_count,
                site_address(idea.get_absolute_url()),
            )


def datasets() -> list[Dataset]:
    return [
        Dataset(
            name="calls",
            title=_("Calls for ideas"),
            description=_("The calls for ideas put to everyone, with their stored figures."),
            columns=[
                Column("slug", "string", "The call's identifier.", True),
                Column("title_fr", "string", "Its title, in French."),
                Column("title_en", "string", "Its title, in English."),
                Column("opens_on", "date", "The day it opens.", True),
                Column("closes_on", "date", "The last day to take part.", True),
                Column("idea_count", "integer", "Its ideas (neither withdrawn nor hidden).", True),
                Column(
                    "support_count", "integer", "Their supports; empty while the call hides them."
                ),
                Column("comment_count", "integer", "Their comments.", True),
                Column("participant_count", "integer", "The people who took part.", True),
                Column("url", "string", "Its page on this site.", True, format="uri"),
            ],
            rows=_call_rows,
            primary_key=["slug"],
            order=70,
        ),
        Dataset(
            name="ideas",
            title=_("Ideas"),
            description=_(
                "The ideas proposed to the calls (withdrawn ones with their state; none hidden "
                "by moderation), with who proposed them — an organisation or a person's public "
                "name, never an address."
            ),
            columns=[
                Column("id", "integer", "The idea's identifier (its page's address).", True),
                Column("call", "string", "The call's slug (calls.csv).", True),
                Column("title", "string", "Its title, as written.", True),
                Column("state", "string", "Its state.", True, enum=Idea.State.values),
                Column("proposed_at", "datetime", "When it was proposed (UTC).", True),
                Column("proposed_by", "string", "The organisation or the person's public name."),
                Column("sectors", "string", "Slugs of its sectors, separated by a space."),
                Column(
                    "support_count", "integer", "Its supports; empty while its call hides them."
                ),
                Column("comment_count", "integer", "Its comments.", True),
                Column("url", "string", "Its page on this site.", True, format="uri"),
            ],
            rows=_idea_rows,
            primary_key=["id"],
            order=71,
        ),
    ]
