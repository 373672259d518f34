"""Charts with their tables: built from stored figures, readable without the drawing."""

import datetime

import pytest
from django.test import Client

from missa.activity.models import MonthSummary
from missa.activity.services import record_activity
from missa.actors.models import Actor
from missa.core.charts import Chart, Series

MAY, JUNE = datetime.date(2017, 5, 1), datetime.date(2017, 6, 1)


def test_a_chart_has_one_value_per_label_and_a_known_kind() -> None:
    with pytest.raises(ValueError, match="one value per label"):
        Chart("x", "T", "S", "Month", ["a", "b"], [Series("s", [1])])
    with pytest.raises(ValueError, match="kind"):
        Chart("x", "T", "S", "Month", ["a"], [Series("s", [1])], kind="pie")
    with pytest.raises(ValueError, match="links"):
        Chart("x", "T", "S", "Month", ["a"], [Series("s", [1])], links=["/a", "/b"])
    chart = Chart("x", "T", "S", "Month", ["a", "b"], [Series("s", [1, 0]), Series("t", [2, 3])])
    assert chart.rows == [("a", "", [1, 2]), ("b", "", [0, 3])]
    assert not chart.is_empty
    assert Chart("x", "T", "S", "Month", ["a"], [Series("s", [0])]).is_empty


def table_rows(html: str, ident: str) -> list[str]:
    figure = html.split(f'aria-labelledby="chart-{ident}-title"')[1].split("</figure>")[0]
    return figure.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]


@pytest.mark.django_db
def test_the_journal_charts_its_months_with_their_table(
    client: Client, cast: dict[str, Actor]
) -> None:
    page = client.get("/journal/").content.decode()
    assert "vendor/chartjs/chart.umd.min.js" in page and "missa/js/charts.js" in page
    june = MonthSummary.objects.get(month=JUNE)
    rows = table_rows(page, "activity-per-month")
    # From the programme's first month to the latest with activity.
    assert [row.split("</a>")[0].rsplit(">", 1)[1] for row in rows] == ["mai 2017", "juin 2017"]
    assert rows[1].count("<td") == 3
    assert f'data-value="{june.activity_count}"' in rows[1]
    assert f'data-value="{june.actor_count}"' in rows[1]
    assert 'href="/journal/2017/06/"' in rows[1]
    assert f"{june.activity_count} activités" in page
    assert "le mois le plus actif a été juin 2017" in page
    # A year of the journal: that year's months only.
    assert (
        len(table_rows(client.get("/journal/?year=2017").content.decode(), "activity-per-month"))
        == 2
    )


@pytest.mark.django_db
def test_the_sector_page_and_the_home_page_have_their_charts(
    client: Client, cast: dict[str, Actor]
) -> None:
    sector = cast["alice"].sectors.get()
    assert 'class="chart"' not in client.get("/").content.decode()  # nobody has joined yet
    record_activity(actor=cast["alice"], kind="joined", title="A rejoint la démarche", date=JUNE)
    june = MonthSummary.objects.get(month=JUNE)
    page = client.get(sector.get_absolute_url()).content.decode()
    rows = table_rows(page, "sector-activity")
    assert f'data-value="{june.count_for_sector(sector.pk)}"' in rows[1]
    assert "dans ce secteur" in page
    home = client.get("/").content.decode()
    growth = table_rows(home, "network-growth")
    joined = int(june.kind_counts.get("joined", 0))
    assert joined == 1
    assert '<td data-value="0">' in growth[0] and '<td data-value="1">' in growth[1]
    assert "La croissance du réseau" in home


@pytest.mark.django_db
def test_without_activity_there_is_no_chart_and_no_chart_script(client: Client) -> None:
    page = client.get("/journal/").content.decode()
    assert 'class="chart"' not in page
    assert "chart.umd.min.js" not in page
