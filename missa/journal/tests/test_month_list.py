import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from missa.activity.models import Activity, MonthSummary
from missa.activity.services import record_activity
from missa.actors.models import Actor
from missa.core.models import add_months
from missa.journal.models import JournalMonth, journal_span
from missa.journal.views import QuietMonths, _journal_entries

pytestmark = pytest.mark.django_db


def test_journal_lists_the_programme_months_newest_first_with_counts(
    client: Client, cast: dict[str, Actor]
) -> None:
    # The journal runs from the programme's first month (May 2017) to this month.
    today = timezone.localdate()
    first_page = client.get("/journal/").context["rows"]
    assert first_page[0]["month"] == today.replace(day=1)
    assert len(first_page) == 4
    assert journal_span().months()[-1] == datetime.date(2017, 5, 1)
    # Months without activity or editorial are folded: July 2017 to this month's eve is one line.
    assert first_page[1]["quiet"] == QuietMonths(
        first=datetime.date(2017, 7, 1), last=add_months(today.replace(day=1), -1)
    )
    assert "Aucune activité enregistrée de <a" in client.get("/journal/").content.decode()
    entries = _journal_entries(journal_span())
    page = entries.index(datetime.date(2017, 6, 1)) // 12 + 1
    response = client.get(f"/journal/?page={page}")
    html = response.content.decode()
    assert "Écouter le territoire" in html  # June's published editorial
    assert "Brouillon" not in html  # July's draft
    assert "3 activités, 3 acteurs" in html


def test_journal_is_navigable_by_year(client: Client, cast: dict[str, Actor]) -> None:
    record_activity(
        actor=cast["alice"], kind="hosted_event", title="Salon", date=datetime.date(2019, 3, 2)
    )
    html = client.get("/journal/").content.decode()
    this_year = timezone.localdate().year
    for year in range(2017, this_year + 1):
        assert f'href="?year={year}">{year}</a>' in html
    rows = client.get("/journal/?year=2019").context["rows"]
    assert [row["month"] for row in rows if "month" in row] == [datetime.date(2019, 3, 1)]
    # The rest of 2019 folds into two quiet runs, around March.
    assert [row["quiet"] for row in rows if "quiet" in row] == [
        QuietMonths(first=datetime.date(2019, 4, 1), last=datetime.date(2019, 12, 1)),
        QuietMonths(first=datetime.date(2019, 1, 1), last=datetime.date(2019, 2, 1)),
    ]
    assert (
        '<span aria-current="true">2019</span>'
        in client.get("/journal/?year=2019").content.decode()
    )
    # A year the journal does not cover, or no year at all: every month, no error.
    for asked in ("1999", "abc", "", "2019.5", "-1"):
        response = client.get("/journal/", {"year": asked})
        assert response.status_code == 200
        assert response.context["year"] is None


def test_journal_pages_the_months(client: Client, cast: dict[str, Actor]) -> None:
    from missa.programme.models import Phase

    for month in range(1, 13):
        record_activity(
            actor=cast["alice"],
            kind="hosted_event",
            title="Salon",
            date=datetime.date(2019, month, 2),
        )
    assert len(client.get("/journal/?page=2").context["rows"]) == 5
    # Before the programme starts, the journal has no month.
    Phase.objects.update(start_month="2099-01-01", end_month="2099-12-01")
    Activity.objects.all().delete()
    MonthSummary.objects.all().delete()
    JournalMonth.objects.all().delete()
    assert "aucun mois" in client.get("/journal/").content.decode()
    assert client.get("/journal/?page=zzz").status_code == 200


def test_journal_list_runs_the_same_queries_at_two_sizes(
    cast: dict[str, Actor], assert_constant_queries: Callable[[str], None]
) -> None:
    assert_constant_queries("/journal/")
