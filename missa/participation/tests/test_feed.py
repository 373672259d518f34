"""A call's Atom feed: its listed ideas, newest first, with who proposed them (no address)."""

from collections.abc import Callable

import pytest
from django.test import Client

from missa.accounts.models import User
from missa.participation.models import Call
from missa.participation.services import hide_idea, propose_idea
from missa.testing.atom import read_atom

pytestmark = pytest.mark.django_db


def test_a_calls_feed_lists_its_ideas(client: Client, open_call: Call, lea: User) -> None:
    first = propose_idea(call=open_call, author=lea, title="Des bancs", text="Pour *s'asseoir*.")
    hidden = propose_idea(call=open_call, author=lea, title="Hors sujet", text="…")
    hide_idea(hidden, "Hors sujet.")
    feed = read_atom(client.get("/calls/bien-vivre/feed/"))
    assert [entry.title for entry in feed.entries] == ["Des bancs"]
    entry = feed.entries[0]
    assert entry.link.endswith(first.get_absolute_url())
    assert entry.author == "Lea" and "@" not in str(feed)
    assert "<em>s'asseoir</em>" in entry.summary or "<em>s&#x27;asseoir</em>" in entry.summary
    page = client.get("/calls/bien-vivre/").content.decode()
    assert 'href="/calls/bien-vivre/feed/"' in page
    assert client.get("/calls/nulle-part/feed/").status_code == 404


def test_a_calls_feed_runs_the_same_queries_at_two_sizes(
    client: Client,
    open_call: Call,
    make_person: Callable[..., User],
    count_queries: Callable[[Callable[[], object]], int],
) -> None:
    serial = iter(range(100))

    def grow(n: int) -> None:
        for _ in range(n):
            number = next(serial)
            person = make_person(f"p{number}")
            propose_idea(call=open_call, author=person, title=f"Idée {number}", text="…")

    grow(2)
    small = count_queries(lambda: client.get("/calls/bien-vivre/feed/"))
    grow(35)
    large = count_queries(lambda: client.get("/calls/bien-vivre/feed/"))
    assert small == large
    assert len(read_atom(client.get("/calls/bien-vivre/feed/")).entries) == 30
