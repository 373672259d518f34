"""A call's Atom feed: its ideas, newest first, each with who proposed it (core.feeds)."""

import datetime

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from missa.core.feeds import ENTRIES, AtomFeed
from missa.core.text import render_markdown

from .models import Call, Idea
from .views import get_call


class CallIdeaFeed(AtomFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Call:
        return get_call(slug)

    def title(self, obj: Call) -> str:
        return _("Ideas: %(title)s") % {"title": obj.title}

    def subtitle(self, obj: Call) -> str:
        return obj.question

    def link(self, obj: Call) -> str:
        return obj.get_absolute_url()

    def feed_url(self, obj: Call) -> str:
        return reverse("participation:call-feed", args=[obj.slug])

    def items(self, obj: Call) -> list[Idea]:
        ideas = list(
            Idea.objects.listed()
            .filter(call=obj)
            .select_related("actor", "author")
            .order_by("-created_at", "-pk")[:ENTRIES]
        )
        for idea in ideas:
            idea.call = obj
        return ideas

    def item_title(self, item: Idea) -> str:
        return item.title

    def item_description(self, item: Idea) -> str:
        return render_markdown(item.text)

    def item_link(self, item: Idea) -> str:
        return item.get_absolute_url()

    def item_author_name(self, item: Idea) -> str:
        # Never an address: the organisation, or the person's public name (as on the page).
        if item.actor is not None:
            return item.actor.name
        if item.author is not None and item.author.greeting_name:
            return item.author.greeting_name
        return _("A participant")

    def item_pubdate(self, item: Idea) -> datetime.datetime:
        return item.created_at

    def item_updateddate(self, item: Idea) -> datetime.datetime:
        return max(item.created_at, item.edited_at or item.created_at, item.state_changed_at)

    def item_categories(self, item: Idea) -> list[str]:
        return [str(Idea.State(item.state).label)]
