"""An action's Atom feed: the news its lead and partners post (core.feeds)."""

import datetime

from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from missa.core.feeds import ENTRIES, AtomFeed
from missa.core.text import render_markdown

from .models import Action, Update
from .views import get_action


class ActionUpdateFeed(AtomFeed):
    def get_object(self, request: HttpRequest, pk: int) -> Action:
        return get_action(pk)

    def title(self, obj: Action) -> str:
        return _("Action %(number)s: %(title)s") % {"number": obj.number, "title": obj.title}

    def subtitle(self, obj: Action) -> str:
        return _("The news of the action, posted by its lead and partners.")

    def link(self, obj: Action) -> str:
        return obj.get_absolute_url()

    def feed_url(self, obj: Action) -> str:
        return reverse("actions:action-feed", args=[obj.pk])

    def items(self, obj: Action) -> list[Update]:
        updates = list(obj.updates.select_related("actor").order_by("-created_at", "-pk")[:ENTRIES])
        for update in updates:
            update.action = obj
        return updates

    def item_title(self, item: Update) -> str:
        return _("%(day)s, by %(name)s") % {
            "day": formats.date_format(item.created_at, "j F Y"),
            "name": item.actor.name,
        }

    def item_description(self, item: Update) -> str:
        return render_markdown(item.text)

    def item_link(self, item: Update) -> str:
        return f"{item.action.get_absolute_url()}#update-{item.pk}"

    def item_author_name(self, item: Update) -> str:
        return item.actor.name

    def item_pubdate(self, item: Update) -> datetime.datetime:
        return item.created_at

    def item_updateddate(self, item: Update) -> datetime.datetime:
        return item.created_at
