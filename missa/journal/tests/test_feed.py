"""The journal's Atom feed: its months with activity or an editorial, newest first."""

import datetime

import pytest
from django.test import Client

from missa.activity.models import Activity
from missa.activity.services import record_activity
from missa.actors.models import Actor
from missa.testing.atom import read_atom

pytestmark = pytest.mark.django_db


def test_the_journal_feed_gives_each_month_its_figures_and_editorial(
    client: Client, cast: dict[str, Actor]
) -> None:
    # conftest: June 2017's editorial, "Écouter le territoire".
    feed = read_atom(client.get("/journal/feed/"))
    june = next(entry for entry in feed.entries if entry.link.endswith("/journal/2017/06/"))
    assert june.title == "Juin 2017 — Écouter le territoire"
    assert "<strong>études</strong>" in june.summary
    assert "3 actions pour le territoire, par 3 acteurs" in june.summary
    # Quiet months without a published editorial are left out (July's is a draft).
    assert all("/journal/2017/07/" not in entry.link for entry in feed.entries)
    assert "Brouillon" not in str(feed)
    page = client.get("/journal/").content.decode()
    assert 'type="application/atom+xml" href="/journal/feed/"' in page


def test_a_new_activity_updates_its_months_entry(client: Client, cast: dict[str, Actor]) -> None:
    before = read_atom(client.get("/journal/feed/"))
    june_before = next(e for e in before.entries if e.link.endswith("/journal/2017/06/"))
    record_activity(
        actor=cast["alice"],
        kind=Activity.Kind.MEDIA_MENTION,
        title="Article",
        date=datetime.date(2017, 6, 28),
    )
    after = read_atom(client.get("/journal/feed/"))
    june_after = next(e for e in after.entries if e.link.endswith("/journal/2017/06/"))
    assert june_after.updated_parsed >= june_before.updated_parsed
    assert "4 actions pour le territoire" in june_after.summary


def test_the_feed_holds_the_latest_months_with_something_to_say(
    client: Client, cast: dict[str, Actor]
) -> None:
    from missa.activity.models import MonthSummary
    from missa.core.feeds import ENTRIES
    from missa.core.models import add_months
    from missa.journal.models import JournalMonth

    # An editorial every other month for six years: more telling months than entries.
    start = datetime.date(2017, 9, 1)
    for n in range(0, 72, 2):
        JournalMonth.objects.create(
            month=add_months(start, n), title_fr=f"Mois {n}", editorial_fr="…", is_published=True
        )
    feed = read_atom(client.get("/journal/feed/"))
    telling = {
        *MonthSummary.objects.filter(activity_count__gt=0).values_list("month", flat=True),
        *JournalMonth.objects.filter(is_published=True).values_list("month", flat=True),
    }
    expected = [f"/journal/{month:%Y/%m}/" for month in sorted(telling, reverse=True)[:ENTRIES]]
    assert len(telling) > ENTRIES
    assert [entry.link.split("testserver")[-1] for entry in feed.entries] == expected
