"""Atom feeds (RFC 4287), for feed readers: what every MISSA feed shares.

An app's feed subclasses `AtomFeed` (Django's syndication framework) in its `feeds.py`; a page
advertises its feed with `{% feed_link url title %}` in its `scripts` block (a
`<link rel="alternate" type="application/atom+xml">` in the head) and a visible link.
Entries' ids are their pages' addresses, which do not change; each feed says when it was last
updated (its newest entry's update) and where it lives (rel="self").
"""

import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed

# Entries a feed holds: the latest ones (a reader keeps what it has seen).
ENTRIES = 30


class AtomFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = "application/atom+xml; charset=utf-8"
        return response


def noon(day: datetime.date) -> datetime.datetime:
    """Return a day as a moment (its noon, UTC) where an entry has only a date."""
    return datetime.datetime.combine(day, datetime.time(12), datetime.UTC)
