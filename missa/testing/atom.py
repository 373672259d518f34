"""Checking an Atom feed as readers read it: feedparser, and the rules of RFC 4287 that matter."""

from typing import Any

import feedparser


def read_atom(response: Any) -> Any:
    """Parse a feed response; fail unless it is well-formed Atom with what readers rely on: an
    id, a title and an update time for the feed and each entry, entries' ids unique, links to
    the pages and to the feed itself."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10", feed.version
    assert feed.feed.get("id") and feed.feed.get("title") and feed.feed.get("updated")
    relations = {link.get("rel") for link in feed.feed.get("links", [])}
    assert {"alternate", "self"} <= relations, relations
    ids = [entry.get("id") for entry in feed.entries]
    assert all(ids) and len(set(ids)) == len(ids), ids
    for entry in feed.entries:
        assert entry.get("title") and entry.get("updated") and entry.get("link"), entry
    return feed
