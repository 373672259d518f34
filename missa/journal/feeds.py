"""The journal's Atom feed: its months, newest first, each with its editorial and figures."""

import datetime

from django.urls import reverse
from django.utils import formats
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from missa.activity.models import MonthSummary
from missa.core.feeds import ENTRIES, AtomFeed, noon
from missa.core.text import render_markdown

from .models import JournalMonth, month_url, telling_months


class JournalEntry:
    """A month of the journal as an entry: its editorial if it has one, its figures."""

    def __init__(
        self, month: datetime.date, summary: MonthSummary | None, editorial: JournalMonth | None
    ) -> None:
        self.month, self.summary, self.editorial = month, summary, editorial

    @property
    def updated(self) -> datetime.datetime:
        moments = [noon(self.month)]
        if self.summary is not None:
            moments.append(self.summary.updated_at)
        if self.editorial is not None:
            moments.append(self.editorial.updated_at)
        return max(moments)


class JournalFeed(AtomFeed):
    def title(self) -> str:
        return _("The programme's journal")

    def subtitle(self) -> str:
        return _("Month after month, what the actors did for the territory.")

    def link(self) -> str:
        return reverse("journal:month-list")

    def feed_url(self) -> str:
        return reverse("journal:feed")

    def items(self) -> list[JournalEntry]:
        # The latest months with something to say, before reading what they say.
        months = telling_months()[:ENTRIES]
        summaries = {
            summary.month: summary for summary in MonthSummary.objects.filter(month__in=months)
        }
        editorials = {
            entry.month: entry
            for entry in JournalMonth.objects.published().filter(month__in=months)
        }
        return [
            JournalEntry(month, summaries.get(month), editorials.get(month)) for month in months
        ]

    def item_title(self, item: JournalEntry) -> str:
        name = formats.date_format(item.month, "F Y").capitalize()
        if item.editorial is not None and item.editorial.title:
            return f"{name} — {item.editorial.title}"
        return name

    def item_description(self, item: JournalEntry) -> str:
        activities = item.summary.activity_count if item.summary else 0
        actors = item.summary.actor_count if item.summary else 0
        figures = ngettext(
            "%(count)s action for the territory", "%(count)s actions for the territory", activities
        ) % {"count": activities}
        figures += ", " + ngettext("by %(count)s actor", "by %(count)s actors", actors) % {
            "count": actors
        }
        # HTML (the summary's type): the editorial as its page shows it, then the figures.
        if item.editorial is not None and item.editorial.editorial:
            return f"{render_markdown(item.editorial.editorial)}<p>{escape(figures)}.</p>"
        return f"<p>{escape(figures)}.</p>"

    def item_link(self, item: JournalEntry) -> str:
        return month_url(item.month)

    def item_pubdate(self, item: JournalEntry) -> datetime.datetime:
        return noon(item.month)

    def item_updateddate(self, item: JournalEntry) -> datetime.datetime:
        return item.updated
