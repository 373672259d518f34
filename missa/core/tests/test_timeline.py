import datetime

from hypothesis import given
from hypothesis import strategies as st

from missa.core.models import add_months, first_of_month, months_between
from missa.programme.models import Phase, ProgrammeTimeline


def phase(slug: str, start: tuple[int, int], end: tuple[int, int]) -> Phase:
    return Phase(
        slug=slug, name=slug, start_month=datetime.date(*start, 1), end_month=datetime.date(*end, 1)
    )


PHASES = [phase("studies", (2017, 5), (2017, 6)), phase("plan", (2017, 7), (2018, 4))]


@given(
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2900, 1, 1)),
    st.integers(-1200, 1200),
)
def test_add_months_and_months_between_agree(day: datetime.date, count: int) -> None:
    month = add_months(day, count)
    assert month.day == 1
    assert months_between(first_of_month(day), month) == count


def test_timeline_in_the_middle_of_the_programme() -> None:
    timeline = ProgrammeTimeline(PHASES, datetime.date(2017, 8, 14))
    assert timeline.total_months == 12
    assert timeline.month_number == 4
    assert timeline.current_phase is PHASES[1]
    assert not timeline.is_over
    assert timeline.reference_month == datetime.date(2017, 8, 1)
    assert timeline.progress_percent == 33
    assert timeline.months()[0] == datetime.date(2017, 8, 1)
    assert len(timeline.months()) == 4


def test_timeline_before_the_programme_starts() -> None:
    timeline = ProgrammeTimeline(PHASES, datetime.date(2017, 1, 1))
    assert not timeline.has_started
    assert timeline.month_number == 0
    assert timeline.reference_month is None
    assert timeline.months() == []
    assert not timeline.has_reached(datetime.date(2017, 5, 1))


def test_timeline_after_the_programme_ends() -> None:
    timeline = ProgrammeTimeline(PHASES, datetime.date(2026, 11, 26))
    assert timeline.is_over
    assert timeline.current_phase is None
    assert timeline.month_number == 12
    assert timeline.progress_percent == 100
    assert timeline.reference_month == datetime.date(2018, 4, 1)
    assert timeline.has_reached(datetime.date(2018, 4, 1))
    assert not timeline.has_reached(datetime.date(2018, 5, 1))


def test_timeline_without_phases() -> None:
    timeline = ProgrammeTimeline([], datetime.date(2026, 11, 26))
    assert timeline.total_months == 0
    assert timeline.progress_percent == 0
    assert timeline.months() == []


def test_phase_status_follows_the_day() -> None:
    studies = PHASES[0]
    assert studies.status_on(datetime.date(2017, 4, 30)) == Phase.Status.UPCOMING
    assert studies.status_on(datetime.date(2017, 6, 30)) == Phase.Status.RUNNING
    assert studies.status_on(datetime.date(2017, 7, 1)) == Phase.Status.DONE
    assert studies.month_count == 2
