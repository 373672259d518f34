"""Indicators: values entered and imported (all rows or none), MISSA's own measures taken in
the background when the data move, the stored figures recounted, the pages and their queries."""

import datetime
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missa.accounts.models import User
from missa.actors.models import Actor, ActorRole
from missa.core.models import Benefit
from missa.indicators.models import Indicator, Measurement
from missa.indicators.services import (
    import_measurements,
    record_measurement,
    refresh_indicator,
    take_measures,
)

pytestmark = pytest.mark.django_db


def test_a_value_entered_updates_the_stored_figures(population: Indicator, editor: User) -> None:
    record_measurement(
        indicator=population, by=editor, on=datetime.date(2016, 12, 31), value=Decimal(19511)
    )
    record_measurement(
        indicator=population, by=editor, on=datetime.date(2020, 12, 31), value=Decimal(19795)
    )
    population.refresh_from_db()
    assert (population.latest_value, population.previous_value) == (Decimal(19795), Decimal(19511))
    assert population.change == Decimal(284)
    # (19,795 − 19,483) / (20,200 − 19,483) = 43.5 %: on the way, behind the straight line.
    assert population.progress == 44
    assert population.on_track is False
    # The same day again: corrected, not added.
    record_measurement(
        indicator=population, by=editor, on=datetime.date(2020, 12, 31), value=Decimal(20000)
    )
    population.refresh_from_db()
    assert population.measurement_count == 2 and population.on_track is True


def test_values_are_entered_by_editors_on_days_that_have_come(
    population: Indicator, ambassadors: Indicator, editor: User, committee_member: User
) -> None:
    with pytest.raises(PermissionDenied):
        record_measurement(
            indicator=population,
            by=committee_member,
            on=datetime.date(2016, 1, 1),
            value=Decimal(1),
        )
    with pytest.raises(ValidationError, match="jour venu"):
        record_measurement(
            indicator=population,
            by=editor,
            on=timezone.localdate() + datetime.timedelta(days=1),
            value=Decimal(1),
        )
    with pytest.raises(ValidationError, match="MISSA mesure"):
        record_measurement(
            indicator=ambassadors, by=editor, on=datetime.date(2018, 1, 1), value=Decimal(1)
        )


def test_a_csv_with_a_bad_row_imports_nothing_and_says_which(
    population: Indicator, ambassadors: Indicator, editor: User
) -> None:
    data = (
        b"indicator;date;value;source;note;provisional\n"
        b"population;2016-12-31;19 511;INSEE;;non\n"
        b"population;31/12/2017;19560;INSEE;;\n"
        b"inconnu;2018-12-31;1;;;\n"
        b"ambassadeurs;2018-12-31;3;;;\n"
        b"population;2019-12-31;beaucoup;;;\n"
        b"population;2016-12-31;19511;;;\n"
    )
    report = import_measurements(by=editor, data=data)
    assert report.rows == 0
    assert report.errors == [
        "Ligne 3 : la date n'est pas au format AAAA-MM-JJ.",
        "Ligne 4 : aucun indicateur « inconnu ».",
        "Ligne 5 : « ambassadeurs » est mesuré par MISSA lui-même.",
        "Ligne 6 : la valeur n'est pas un nombre.",
        "Ligne 7 : cet indicateur et cette date apparaissent deux fois.",
    ]
    assert not Measurement.objects.exists()
    good = (
        "indicator,date,value,provisional\n"
        'population,2016-12-31,"19511,5",oui\n'
        "population,2017-12-31,19560,\n"
    )
    report = import_measurements(by=editor, data=good.encode("utf-8-sig"))
    assert (report.rows, report.errors) == (2, [])
    first = Measurement.objects.get(on=datetime.date(2016, 12, 31))
    assert first.value == Decimal("19511.5") and first.is_provisional
    assert import_measurements(by=editor, data=b"a;b\n1;2\n").errors == [
        "Colonnes manquantes : indicator, date, value."
    ]
    assert (
        import_measurements(by=editor, data="\xff".encode("latin-1"))
        .errors[0]
        .startswith("Le fichier n'est pas du texte UTF-8")
    )


def test_missa_takes_its_own_measures(ambassadors: Indicator, cast: dict[str, Actor]) -> None:
    assert take_measures() == 1
    ambassadors.refresh_from_db()
    expected = Actor.objects.public().with_role(ActorRole.Role.AMBASSADOR).count()
    assert ambassadors.latest_value == Decimal(expected) == Decimal(1)  # Atelier Alice
    assert ambassadors.latest_on == timezone.localdate()
    # Taken again the same day: one measurement a day.
    take_measures()
    assert ambassadors.measurements.count() == 1


def test_the_dashboard_asks_for_a_refresh_when_the_data_moved(
    client: Client, ambassadors: Indicator, cast: dict[str, Actor]
) -> None:
    cache.clear()
    client.get("/indicators/")  # the test's task backend runs the task at once
    ambassadors.refresh_from_db()
    assert ambassadors.latest_value == Decimal(1)
    # Until the data move again, no new refresh; after a write, one (once the pause is over).
    Measurement.objects.all().delete()
    cache.delete("fresh-asked:indicators")
    client.get("/indicators/")
    assert ambassadors.measurements.count() == 1


values = st.lists(
    st.tuples(
        st.dates(datetime.date(2010, 1, 1), datetime.date(2024, 12, 31)),
        st.decimals(
            min_value=-1000, max_value=100000, places=2, allow_nan=False, allow_infinity=False
        ),
    ),
    max_size=8,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(series=values, direction=st.sampled_from(["up", "down"]))
def test_the_stored_figures_equal_an_independent_recount(
    population: Indicator, series: list[tuple[datetime.date, Decimal]], direction: str
) -> None:
    Measurement.objects.filter(indicator=population).delete()
    Indicator.objects.filter(pk=population.pk).update(direction=direction)
    population.refresh_from_db()
    by_day = dict(series)
    Measurement.objects.bulk_create(
        [Measurement(indicator=population, on=day, value=value) for day, value in by_day.items()]
    )
    refresh_indicator(population)
    population.refresh_from_db()
    days = sorted(by_day)
    assert population.measurement_count == len(days)
    if not days:
        assert population.latest_value is None and population.progress is None
        return
    latest = by_day[days[-1]]
    assert population.latest_value == latest
    assert population.previous_value == (by_day[days[-2]] if len(days) > 1 else None)
    share = (latest - Decimal(19483)) / Decimal(20200 - 19483) * 100
    assert population.progress == int(min(max(share, Decimal(0)), Decimal(100)).to_integral_value())
    span = (datetime.date(2022, 12, 31) - datetime.date(2015, 12, 31)).days
    elapsed = min(max((days[-1] - datetime.date(2015, 12, 31)).days, 0), span)
    expected = Decimal(19483) + Decimal(20200 - 19483) * Decimal(elapsed) / Decimal(span)
    assert population.on_track == (latest >= expected if direction == "up" else latest <= expected)


def test_the_pages_show_stored_figures_with_a_chart_and_its_table(
    client: Client, population: Indicator, editor: User
) -> None:
    for year, value in ((2016, 19511), (2017, 19560)):
        record_measurement(
            indicator=population, by=editor, on=datetime.date(year, 12, 31), value=Decimal(value)
        )
    page = client.get("/indicators/").content.decode()
    assert "Population municipale" in page and "+49 depuis la mesure précédente" in page
    detail = client.get("/indicators/population/").content.decode()
    assert "Données" in detail or "Les chiffres" in detail
    assert 'data-chart-kind="line"' in detail and "Référence" in detail and "Cible" in detail
    csv = client.get("/indicators/population/data.csv")
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    assert csv.content.decode().splitlines()[1].startswith("population,2016-12-31,19511.00")
    assert client.get("/indicators/nope/").status_code == 404


def test_an_editor_imports_a_file_and_reads_the_report(
    client: Client, population: Indicator, editor: User
) -> None:
    client.force_login(editor)
    bad = SimpleUploadedFile("v.csv", b"indicator;date;value\npopulation;hier;3\n", "text/csv")
    page = client.post("/indicators/import/", {"file": bad}).content.decode()
    assert "Rien n'a été importé" in page and "Ligne 2" in page
    good = SimpleUploadedFile(
        "v.csv", b"indicator;date;value\npopulation;2016-12-31;19511\n", "text/csv"
    )
    assert client.post("/indicators/import/", {"file": good}).status_code == 302
    assert population.measurements.count() == 1
    page = client.post(
        "/indicators/population/measure/", {"on": "2030-01-01", "value": "1"}
    ).content.decode()
    assert "jour venu" in page


@pytest.mark.parametrize("url", ["/indicators/", "/indicators/population/"])
def test_the_pages_run_the_same_queries_at_two_sizes(
    client: Client,
    population: Indicator,
    benefit: Benefit,
    count_queries: Callable[[Callable[[], object]], int],
    url: str,
) -> None:
    def grow(n: int, start: int) -> None:
        for number in range(start, start + n):
            other = Indicator.objects.create(
                slug=f"i{number}",
                name_fr=f"I{number}",
                definition_fr="-",
                source_fr="-",
                frequency="yearly",
                benefit=benefit,
            )
            Measurement.objects.bulk_create(
                [
                    Measurement(indicator=other, on=datetime.date(2000 + y, 1, 1), value=y)
                    for y in range(5)
                ]
            )
        Measurement.objects.bulk_create(
            [
                Measurement(indicator=population, on=datetime.date(1900 + start + y, 1, 1), value=y)
                for y in range(n)
            ]
        )

    grow(2, 0)
    cache.clear()
    small = count_queries(lambda: client.get(url))
    grow(15, 10)
    cache.clear()
    large = count_queries(lambda: client.get(url))
    assert small == large <= 12, (url, small, large)
