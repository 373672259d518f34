"""Atom feeds of the ledger: what an actor did, what was done in a sector (core.feeds)."""

import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from missa.actors.models import Actor
from missa.actors.views import get_public_actor
from missa.core.feeds import ENTRIES, AtomFeed, noon
from missa.core.models import Sector

from .models import Activity


class _ActivityFeed(AtomFeed):
    """The latest public activities of something, newest first."""

    def activities(self, obj: Any) -> "QuerySet[Activity]":
        raise NotImplementedError

    def items(self, obj: Any) -> list[Activity]:
        return list(self.activities(obj).select_related("actor").order_by("-date", "-pk")[:ENTRIES])

    def item_title(self, item: Activity) -> str:
        return item.title

    def item_description(self, item: Activity) -> str:
        # HTML (the summary's type): its text as its page shows it, or what kind of action.
        return (
            linebreaks(item.text, autoescape=True)
            if item.text
            else f"<p>{escape(item.kind_label)}</p>"
        )

    def item_link(self, item: Activity) -> str:
        return item.get_absolute_url()

    def item_author_name(self, item: Activity) -> str:
        return item.actor.name

    def item_pubdate(self, item: Activity) -> datetime.datetime:
        return noon(item.date)

    def item_updateddate(self, item: Activity) -> datetime.datetime:
        return max(item.created_at, noon(item.date))

    def item_categories(self, item: Activity) -> list[str]:
        return [str(item.kind_label)]


class ActorActivityFeed(_ActivityFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Actor:
        return get_public_actor(slug)

    def activities(self, obj: Actor) -> "QuerySet[Activity]":
        return Activity.objects.public().filter(actor=obj)

    def title(self, obj: Actor) -> str:
        return _("%(name)s for the territory") % {"name": obj.name}

    def subtitle(self, obj: Actor) -> str:
        return _("What %(name)s did for the territory, action after action.") % {"name": obj.name}

    def link(self, obj: Actor) -> str:
        return obj.get_absolute_url()

    def feed_url(self, obj: Actor) -> str:
        return reverse("activity:actor-feed", args=[obj.slug])


class SectorActivityFeed(_ActivityFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Sector:
        return get_object_or_404(Sector, slug=slug)

    def activities(self, obj: Sector) -> "QuerySet[Activity]":
        return Activity.objects.public().in_sector(obj)

    def title(self, obj: Sector) -> str:
        return _("%(sector)s: what the actors do") % {"sector": obj.name}

    def subtitle(self, obj: Sector) -> str:
        return _("The latest actions of the actors of %(sector)s.") % {"sector": obj.name}

    def link(self, obj: Sector) -> str:
        return obj.get_absolute_url()

    def feed_url(self, obj: Sector) -> str:
        return reverse("site:sector-feed", args=[obj.slug])
