import datetime

import pytest

from missa.activity.models import Activity, MonthSummary
from missa.activity.services import (
    ActivityRecord,
    record_activities,
    record_activity,
    refresh_actor_months,
)
from missa.actors.models import Actor
from missa.core.models import Sector
from missa.journal.models import JournalMonth

pytestmark = pytest.mark.django_db
JUNE = datetime.date(2017, 6, 1)


def test_record_activity_writes_the_ledger_and_counts_the_month(alice: Actor) -> None:
    activity = record_activity(
        actor=alice,
        kind=Activity.Kind.HOSTED_EVENT,
        title="Portes ouvertes",
        title_en="Open day",
        date=datetime.date(2017, 6, 10),
        link="https://example.org/po",
    )
    assert activity.month == JUNE
    assert getattr(activity, "title_en", None) == "Open day"
    # Without sectors given, the activity takes the actor's.
    assert list(activity.sectors.values_list("slug", flat=True)) == ["tourisme"]
    summary = MonthSummary.objects.get(month=JUNE)
    assert summary.activity_count == 1
    assert summary.actor_count == 1
    assert summary.kind_counts == {"hosted_event": 1}
    assert summary.sector_counts == {str(alice.sectors.get().pk): 1}


def test_private_activities_and_private_actors_are_not_counted(alice: Actor, dave: Actor) -> None:
    record_activity(actor=alice, kind="hosted_event", title="Privé", date=JUNE, is_public=False)
    record_activity(actor=dave, kind="hosted_event", title="Dave", date=JUNE)
    summary = MonthSummary.objects.get(month=JUNE)
    assert summary.activity_count == 0
    assert Activity.objects.public().count() == 0


def test_activity_can_point_to_a_related_object(alice: Actor, programme: list[object]) -> None:
    editorial = JournalMonth.objects.get(month=JUNE)
    activity = record_activity(
        actor=alice, kind="published_document", title="Tribune", date=JUNE, related=editorial
    )
    assert Activity.objects.get(pk=activity.pk).related == editorial


def test_activity_takes_explicit_sectors(alice: Actor, sectors: dict[str, Sector]) -> None:
    activity = record_activity(
        actor=alice,
        kind="hosted_event",
        title="Salon",
        date=JUNE,
        sectors=[sectors["economique"], sectors["connaissance"]],
    )
    assert activity.sectors.count() == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "flying"}, "Unknown activity kind"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 251}, "title"),
        ({"link": "javascript:alert(1)"}, "web address"),
    ],
)
def test_bad_records_are_refused_and_nothing_is_written(
    alice: Actor, changes: dict[str, str], message: str
) -> None:
    fields = {"actor": alice, "kind": "hosted_event", "title": "Salon", "date": JUNE} | changes
    with pytest.raises(ValueError, match=message):
        record_activity(**fields)  # type: ignore[arg-type]
    assert Activity.objects.count() == 0


def test_bulk_records_count_every_month_once(alice: Actor, carol: Actor) -> None:
    created = record_activities(
        [
            ActivityRecord(actor_id=alice.pk, kind="joined", title="Arrivée", date=JUNE),
            ActivityRecord(actor_id=carol.pk, kind="led_action", title="Action", date=JUNE),
            ActivityRecord(
                actor_id=carol.pk, kind="led_action", title="Suite", date=datetime.date(2017, 7, 3)
            ),
        ]
    )
    assert len(created) == 3
    assert MonthSummary.objects.get(month=JUNE).actor_count == 2
    assert MonthSummary.objects.get(month=datetime.date(2017, 7, 1)).activity_count == 1


def test_hiding_an_actor_then_refreshing_its_months_updates_the_counts(alice: Actor) -> None:
    record_activity(actor=alice, kind="hosted_event", title="Salon", date=JUNE)
    Actor.objects.filter(pk=alice.pk).update(is_public=False)
    refresh_actor_months(alice)
    assert MonthSummary.objects.get(month=JUNE).activity_count == 0
