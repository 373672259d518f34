from collections.abc import Callable

import pytest
from django.test import Client

from missa.actors.models import Actor

pytestmark = pytest.mark.django_db


def test_journal_lists_the_programme_months_newest_first_with_counts(
    client: Client, cast: dict[str, Actor]
) -> None:
    response = client.get("/journal/")
    rows = response.context["rows"]
    # The test programme runs May 2017 to April 2018: 12 months, the first page shows them all.
    assert [row["month"].strftime("%Y-%m") for row in rows][:2] == ["2018-04", "2018-03"]
    assert len(rows) == 12
    html = response.content.decode()
    assert "Écouter le territoire" in html  # June's published editorial
    assert "Brouillon" not in html  # July's draft
    assert "3 activités, 3 acteurs" in html


def test_journal_pages_the_months(client: Client, cast: dict[str, Actor]) -> None:
    from missa.programme.models import Phase

    Phase.objects.filter(slug="marque").update(end_month="2020-12-01")
    assert len(client.get("/journal/?page=2").context["rows"]) == 12
    assert client.get("/journal/?page=zzz").status_code == 200


def test_journal_list_runs_the_same_queries_at_two_sizes(
    cast: dict[str, Actor], assert_constant_queries: Callable[[str], None]
) -> None:
    assert_constant_queries("/journal/")
