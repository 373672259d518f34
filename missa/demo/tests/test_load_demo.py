import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from missa.activity.models import Activity, MonthSummary
from missa.actors.models import Actor, ActorRole
from missa.actors.validators import siret_is_valid
from missa.core.models import Benefit, Objective, Sector, Territory
from missa.journal.models import JournalMonth
from missa.programme.models import Phase

pytestmark = pytest.mark.django_db


def load(*args: str) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_load_demo_builds_the_territory_of_the_brief() -> None:
    assert "Demo territory loaded" in load()
    territory = Territory.objects.get()
    assert territory.insee_code == "84054"
    assert Sector.objects.count() == 6
    assert Objective.objects.count() == 5
    assert Benefit.objects.count() == 5
    phases = list(Phase.objects.all())
    assert phases[0].start_month.isoformat() == "2017-05-01"
    assert [p.slug for p in phases if p.start_month.isoformat() == "2018-04-01"] == ["lancement"]
    roles = ActorRole.objects.current()
    assert roles.filter(role="committee_member").count() == 27
    assert roles.filter(role="ambassador", actor__kind="company").count() == 500
    assert Actor.objects.filter(kind="association").exists()
    assert all(
        siret_is_valid(s) for s in Actor.objects.exclude(siret="").values_list("siret", flat=True)
    )
    assert Activity.objects.count() > 3000
    assert JournalMonth.objects.published().count() == 44
    assert not JournalMonth.objects.filter(editorial_en="").exists()
    # 44 months of the programme, and this month: the call for ideas open now.
    assert MonthSummary.objects.count() == 45
    assert not Actor.objects.filter(search_name="").exists()
    names = list(Actor.objects.filter(kind="company").values_list("name", flat=True))
    assert len(names) == len(set(names))
    # The brief's 500 companies are public ambassadors; draft pages are neither.
    assert Actor.objects.public().with_role("ambassador").filter(kind="company").count() == 500
    assert not Actor.objects.filter(is_public=False).with_role("ambassador").exists()
    # Pictures, drawn: the emblem, the founders' logos, two illustrated actions a month at most.
    assert (territory.logo.name or "").endswith(".512x512.png")
    assert Actor.objects.exclude(logo="").count() == 27
    pictured = Activity.objects.exclude(photo="")
    assert 44 <= pictured.count() <= 2 * 44
    assert not pictured.filter(photo_alt_fr="").exists()
    assert not pictured.filter(photo_alt_en="").exists()
    # The brand kit's demo files: logos (PNG, and their SVG sources) and documents (PDF),
    # public or for members; the sources as clean as an upload (core.svg).
    from missa.brandkit.models import BrandAsset
    from missa.core import svg

    assets = list(BrandAsset.objects.available())
    assert {asset.extension for asset in assets} == {"png", "svg", "pdf"}
    assert {asset.access for asset in assets} == {"public", "members"}
    for asset in assets:
        with asset.file.open("rb") as stored:
            head = stored.read()
        assert head[:5] in {b"\x89PNG\r", b"%PDF-", b"<?xml"}
        if asset.extension == "svg":
            assert svg.sanitise_svg(head) == head


def test_the_demo_has_the_2017_co_construction_with_true_figures() -> None:
    from missa.participation.models import Call, Idea, ParticipantCount, Support

    load()
    calls = Call.objects.published()
    assert calls.count() == 8  # six sectors, the brand's name, and one open now
    assert calls.open_on(timezone.localdate()).count() == 1
    assert 250 <= Idea.objects.count() <= 350
    assert Support.objects.count() == 12_000
    # The 2018 figures: 1,674 people — 570 clients, 44 influencers, 1,060 inhabitants of
    # whom 583 local actors.
    overall = dict(ParticipantCount.objects.filter(call=None).values_list("kind", "count"))
    assert sum(overall.values()) == 1674
    assert overall["visitor"] == 570 and overall["personality"] == 44
    assert overall["company"] + overall["association"] + overall["institution"] == 583
    for call in calls:
        ideas = Idea.objects.listed().filter(call=call)
        assert call.idea_count == ideas.count()
        assert call.support_count == Support.objects.filter(idea__in=ideas).count()
    assert (
        Idea.objects.filter(state__in=["retained", "in_plan", "not_retained"])
        .exclude(answer="")
        .exists()
    )
    # Each idea is in the journal, once.
    entries = Activity.objects.filter(content_type__model="idea")
    assert entries.exclude(kind="answered_idea").count() == Idea.objects.count()


def test_the_demo_has_the_committee_s_meetings_and_decisions_with_true_figures() -> None:
    import datetime

    from missa.meetings.models import Attendance, Decision, Document, Meeting, MemberAttendance

    load()
    held = Meeting.objects.filter(held_at__isnull=False)
    # Eight meetings from May 2017 to December 2018, and one coming.
    assert held.count() == 8
    assert held.order_by("starts_at").first().date == datetime.date(2017, 5, 15)  # type: ignore[union-attr]
    assert held.order_by("starts_at").last().date == datetime.date(2018, 12, 10)  # type: ignore[union-attr]
    launch = Meeting.objects.get(kind="plenary")
    assert launch.date == datetime.date(2018, 4, 16)
    assert Meeting.objects.published().filter(held_at__isnull=True).count() == 1
    assert Decision.objects.count() == 40
    numbers = list(
        Decision.objects.order_by("decided_on", "number").values_list("number", flat=True)
    )
    assert numbers == list(range(1, 41))  # numbered in the order they were taken
    assert Decision.objects.filter(ideas__isnull=False).exists()
    assert Document.objects.filter(is_confidential=True).exists()
    for document in Document.objects.all():
        with document.file.open("rb") as stored:
            assert stored.read(5) == b"%PDF-"
    for meeting in held:
        rows = Attendance.objects.filter(meeting=meeting, is_guest=False)
        assert rows.count() == 27
        assert meeting.present_count == rows.filter(status="present").count()
        assert meeting.decision_count == meeting.decisions.count()
        entries = Activity.objects.filter(kind="attended_meeting", object_id=meeting.pk)
        assert entries.count() == meeting.present_count
    # Minutes approved at the next meeting: all but the last one's.
    assert held.filter(minutes_published_at__isnull=False).count() == 7
    assert Activity.objects.filter(kind="took_decision").count() == 40
    for member in MemberAttendance.objects.all():
        rows = Attendance.objects.filter(actor=member.actor, is_guest=False)
        assert member.present == rows.filter(status="present").count()
        assert member.held == rows.count()


def test_the_demo_has_the_action_plan_with_true_figures() -> None:
    from collections import Counter
    from decimal import Decimal

    from missa.actions.models import Action, Plan

    load()
    plan = Plan.objects.get()
    assert getattr(plan, "title_fr", "") == "Plan d'actions 2018–2020"
    assert plan.adopted_by is not None and plan.adopted_by.decided_on.isoformat() == "2018-03-12"
    actions = list(Action.objects.filter(plan=plan))
    assert len(actions) == 40
    assert len({action.status for action in actions}) == 5  # a realistic mix
    assert {
        objective for a in actions for objective in a.objectives.values_list("slug", flat=True)
    } == {
        "federer",
        "excellence",
        "moyens",
        "notoriete",
        "retombees",
    }
    assert plan.status_counts == dict(Counter(action.status for action in actions))
    counted = [action for action in actions if action.status != "abandoned"]
    assert plan.progress == round(sum(action.progress for action in counted) / len(counted))
    assert plan.budget_planned == sum((a.budget_planned for a in counted), Decimal(0))
    for action in actions:
        assert action.budget_planned == sum(line.planned for line in action.funding.all())
        assert not action.partners.filter(actor=action.lead).exists()
    # The journal says how far the actions came, month after month.
    reached = Activity.objects.filter(kind="led_action", title_fr__contains="a atteint")
    assert reached.exists()
    assert not Action.objects.filter(status="abandoned", status_reason_fr="").exists()


def test_the_demo_has_twenty_indicators_across_the_five_benefits() -> None:
    import datetime
    from decimal import Decimal

    from missa.indicators.models import Indicator
    from missa.indicators.services import refresh_indicator

    load()
    indicators = list(Indicator.objects.all())
    assert len(indicators) == 20
    assert len({indicator.benefit_id for indicator in indicators}) == 5
    population = Indicator.objects.get(slug="population")
    assert population.baseline_value == Decimal(19483)
    assert population.measurements.get(on=datetime.date(2015, 12, 31)).value == Decimal(19483)
    assert "démonstration" in getattr(population, "source_fr", "")
    assert Indicator.objects.filter(is_headline=True).count() == 3
    # What the dashboard shows is what a fresh recount finds.
    for indicator in indicators:
        stored = (indicator.latest_value, indicator.progress, indicator.on_track)
        refresh_indicator(indicator)
        assert (indicator.latest_value, indicator.progress, indicator.on_track) == stored
        assert indicator.latest_value is not None


def test_demo_editorials_quote_the_months_true_figures() -> None:
    load()
    months = ["2017-09-01", "2018-04-01", "2019-06-01"]
    for entry in JournalMonth.objects.filter(month__in=months).values(
        "month", "editorial_fr", "editorial_en"
    ):
        public = Activity.objects.public().filter(month=entry["month"])
        joined = public.filter(kind="joined").count()
        assert joined > 1
        assert f"**{public.count()} activités**" in entry["editorial_fr"]
        assert f"**{joined} nouvelles adhésions**" in entry["editorial_fr"]
        assert f"**{joined} new members**" in entry["editorial_en"]
        # Its first newcomers are named, and its most active sector with its true count.
        first = public.filter(kind="joined").order_by("date", "pk").first()
        assert first is not None and f"**{first.actor.name}**" in entry["editorial_fr"]


def test_each_demo_month_has_its_own_editorial_in_correct_english() -> None:
    load()
    months = list(JournalMonth.objects.values_list("title_fr", "title_en", "editorial_en"))
    assert len({title for title, _en, _text in months}) == len(months) == 44
    english = " ".join(f"{title} {text}" for _fr, title, text in months)
    english += " ".join(filter(None, Activity.objects.values_list("title_en", flat=True)))
    english += " ".join(filter(None, Actor.objects.values_list("description_en", flat=True)))
    # French town names in English sentences (company names may keep theirs).
    for town in ("Venise", "Barcelone", "Genève", "Bruxelles", "Montréal"):
        assert f"in {town}" not in english and f"from {town}" not in english, town
    for mistake in ("A economy", "Started a"):
        assert mistake not in english, mistake
    french = " ".join(Activity.objects.values_list("title_fr", flat=True))
    assert "de Oslo" not in french and "« «" not in french


def test_load_demo_is_idempotent() -> None:
    load()
    actors = Actor.objects.count()
    assert "nothing to load" in load()
    assert Actor.objects.count() == actors


def test_load_demo_is_deterministic() -> None:
    load()
    first = list(Actor.objects.order_by("pk").values_list("name", flat=True)[:50])
    load("--flush")
    assert list(Actor.objects.order_by("pk").values_list("name", flat=True)[:50]) == first


def test_load_demo_refuses_a_silly_scale() -> None:
    with pytest.raises(CommandError):
        load("--scale", "0")


def test_each_app_declares_its_own_share_of_the_demo() -> None:
    from missa.demo.loader import demo_modules

    modules = demo_modules()
    # Found by the loader, in the order of the layers; the loader names none of them.
    assert [module.__name__ for module in modules] == [
        "missa.core.demo",
        "missa.programme.demo",
        "missa.actors.demo",
        "missa.activity.demo",
        "missa.participation.demo",
        "missa.meetings.demo",
        "missa.actions.demo",
        "missa.indicators.demo",
        "missa.journal.demo",
        "missa.charter.demo",
        "missa.press.demo",
        "missa.applications.demo",
        "missa.brandkit.demo",
    ]
    assert all(callable(module.load) and callable(module.flush) for module in modules)


def test_the_demo_grows_with_its_scale() -> None:
    assert "Demo territory loaded" in load("--scale", "2")
    companies = Actor.objects.filter(kind="company")
    assert companies.filter(roles__role="ambassador").count() == 1000
    assert companies.filter(is_public=False, roles__isnull=True).count() == 20
    assert ActorRole.objects.filter(role="committee_member").count() == 27
