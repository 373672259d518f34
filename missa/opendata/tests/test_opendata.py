"""Open data: every dataset as CSV and JSON, valid against its Table Schema (frictionless),
row counts that match a recount, files made in the background and served as files."""

import csv
import datetime
import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import frictionless
import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from missa.accounts.models import User
from missa.activity.models import Activity
from missa.actors.models import Actor, ActorRole
from missa.opendata.models import Release
from missa.opendata.services import KEPT, ROOT, all_datasets, publish_open_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_each(cast: dict[str, Actor], sectors: dict[str, Any]) -> None:
    """A decision, an action, an indicator with values, a call with ideas: every dataset holds
    a row to check."""
    from missa.actions.models import Action, Plan
    from missa.core.models import Benefit
    from missa.indicators.models import Indicator, Measurement
    from missa.meetings.models import Decision, Meeting
    from missa.participation.models import Call, Idea
    from missa.programme.models import Phase

    now = timezone.now()
    meeting = Meeting.objects.create(
        slug="copil",
        kind=Meeting.Kind.COMMITTEE,
        title_fr="Comité",
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now - datetime.timedelta(days=3, hours=-2),
        organiser=cast["carol"],
        published_at=now - datetime.timedelta(days=10),
    )
    decision = Decision.objects.create(
        number=1,
        meeting=meeting,
        decided_on=meeting.starts_at.date(),
        title_fr="Lancer la marque",
        text_fr="Texte.",
        method=Decision.Method.VOTE,
        votes_for=20,
        votes_against=2,
        abstentions=1,
    )
    decision.sectors.add(sectors["tourisme"])
    plan = Plan.objects.create(
        slug="plan",
        title_fr="Plan",
        starts_on=datetime.date(2018, 5, 1),
        ends_on=datetime.date(2020, 12, 31),
        published_at=now,
    )
    action = Action.objects.create(
        plan=plan,
        number=1,
        title_fr="Des bancs",
        lead=cast["alice"],
        starts_on=datetime.date(2018, 6, 1),
        ends_on=datetime.date(2019, 6, 1),
        decision=decision,
    )
    action.sectors.add(sectors["tourisme"])
    benefit = Benefit.objects.create(slug="economiques", name_fr="Retombées économiques")
    indicator = Indicator.objects.create(
        slug="population",
        name_fr="Population municipale",
        definition_fr="Les habitants.",
        unit_fr="habitants",
        source_fr="INSEE",
        frequency=Indicator.Frequency.YEARLY,
        benefit=benefit,
        baseline_value=Decimal(19483),
        baseline_on=datetime.date(2015, 12, 31),
    )
    Measurement.objects.create(
        indicator=indicator, on=datetime.date(2016, 12, 31), value=Decimal("19512.5")
    )
    call = Call.objects.create(
        slug="bien-vivre",
        phase=Phase.objects.order_by("order")[0],
        organiser=cast["carol"],
        title_fr="Bien vivre",
        question_fr="Quoi ?",
        opens_on=datetime.date(2017, 6, 1),
        closes_on=datetime.date(2017, 7, 1),
        published_at=now,
    )
    author = User.objects.create_user("lea", "lea@example.org", "pw", display_name="Léa")
    Idea.objects.create(call=call, author=author, title="Des bancs, vite", text="…")


def unpack(release: Release, into: Path) -> Path:
    """Copy a release's files from the storage to a folder; return its datapackage.json."""
    names = [resource["path"] for resource in release.package["resources"]]
    for name in [*names, "datapackage.json"]:
        with default_storage.open(f"{ROOT}/{release.folder}/{name}") as stored:
            (into / name).write_bytes(stored.read())
    return into / "datapackage.json"


def test_every_file_is_valid_against_its_schema(
    cast: dict[str, Actor], grow: Callable[[int], None], one_of_each: None, tmp_path: Path
) -> None:
    grow(5)
    release = publish_open_data()
    package = unpack(release, tmp_path)
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # Every dataset, as CSV and as JSON, with the licence.
    names = {dataset.name for dataset in all_datasets()}
    assert {
        "actors",
        "actor-roles",
        "activities",
        "journal-months",
        "decisions",
        "actions",
        "indicators",
        "indicator-values",
        "calls",
        "ideas",
    } <= names
    # Every dataset holds rows here: each was checked against its schema.
    assert all(count > 0 for count in release.rows.values()), release.rows
    assert "lea@example.org" not in "".join(path.read_text() for path in tmp_path.iterdir())
    described = json.loads(package.read_text())
    assert {resource["path"] for resource in described["resources"]} == {
        f"{name}.{fmt}" for name in names for fmt in ("csv", "json")
    }
    assert described["licenses"][0]["name"] == "etalab-2.0"


def test_row_counts_match_a_recount(cast: dict[str, Actor], tmp_path: Path) -> None:
    release = publish_open_data()
    unpack(release, tmp_path)
    public = Actor.objects.filter(is_public=True)
    expected = {
        "actors": public.count(),
        "actor-roles": ActorRole.objects.filter(actor__in=public).count(),
        "activities": Activity.objects.filter(is_public=True, actor__in=public).count(),
    }
    for name, count in expected.items():
        with (tmp_path / f"{name}.csv").open(newline="", encoding="utf-8") as table:
            assert len(list(csv.DictReader(table))) == count == release.rows[name], name
        assert len(json.loads((tmp_path / f"{name}.json").read_text())) == count, name


def test_nothing_private_is_in_the_files(cast: dict[str, Actor], tmp_path: Path) -> None:
    unpack(publish_open_data(), tmp_path)
    everything = "".join(path.read_text() for path in tmp_path.iterdir())
    assert "Dave Discret" not in everything and "dave-discret" not in everything
    assert "Réunion privée de Dave" not in everything and "Brouillon d'Alice" not in everything


def test_csv_is_comma_separated_utf8_with_iso_dates(cast: dict[str, Actor], tmp_path: Path) -> None:
    unpack(publish_open_data(), tmp_path)
    raw = (tmp_path / "activities.csv").read_bytes()
    text = raw.decode("utf-8")
    header = text.splitlines()[0]
    assert header.startswith("id,date,kind,actor,") and ";" not in header
    row = next(csv.DictReader(io.StringIO(text)))
    assert len(row["date"]) == 10 and row["date"][4] == "-"
    actors = list(csv.DictReader(io.StringIO((tmp_path / "actors.csv").read_text())))
    alice = next(actor for actor in actors if actor["slug"] == "atelier-alice")
    assert alice["url"] == "http://127.0.0.1:8000/actors/atelier-alice/"


def test_only_the_last_releases_keep_their_files(cast: dict[str, Actor]) -> None:
    releases = [publish_open_data() for _ in range(KEPT + 2)]
    assert Release.objects.count() == KEPT
    oldest = releases[0]
    assert not default_storage.exists(f"{ROOT}/{oldest.folder}/actors.csv")
    assert default_storage.exists(f"{ROOT}/{releases[-1].folder}/actors.csv")


def test_the_page_lists_each_dataset_with_its_counts_and_dictionary(
    client: Client, cast: dict[str, Actor]
) -> None:
    release = publish_open_data()
    html = client.get("/open-data/").content.decode()
    assert "Licence Ouverte / Open Licence version 2.0" in html
    assert f"{release.rows['actors']} lignes" in html
    assert 'href="/open-data/actors.csv"' in html and 'href="/open-data/actors.json"' in html
    assert 'href="/open-data/datapackage.json"' in html
    assert "Colonnes de actors" in html
    english = client.get("/en/open-data/").content.decode()
    assert "Open data" in english and "Columns of actors" in english
    # The datasets' titles in the reader's language, whatever the package's.
    assert "<h2" in english and ">Actors</h2>" in english and ">Acteurs</h2>" in html


def test_stable_addresses_lead_to_the_current_files(client: Client, cast: dict[str, Actor]) -> None:
    publish_open_data()
    response = client.get("/open-data/actors.csv")
    release = Release.objects.current()
    assert release is not None and response.status_code == 302
    assert response["Location"].endswith(f"/{ROOT}/{release.folder}/actors.csv")
    assert client.get("/open-data/datapackage.json")["Location"].endswith("datapackage.json")
    assert client.get("/open-data/nothing.csv").status_code == 404


@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
)
def test_the_page_never_builds_files_it_asks_the_worker(
    client: Client, cast: dict[str, Actor], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get("/open-data/")
    assert "Les fichiers sont en préparation" in response.content.decode()
    assert not Release.objects.exists()
    assert DBTaskResult.objects.filter(task_path__endswith="publish_open_data_task").count() == 1
    # Asked once: more visits within minutes ask nothing more.
    client.get("/open-data/")
    client.get("/open-data/actors.csv")
    assert DBTaskResult.objects.count() == 1


def test_the_page_runs_the_same_queries_at_two_sizes(
    client: Client,
    one_of_each: None,
    grow: Callable[[int], None],
    count_queries: Callable[[Callable[[], object]], int],
) -> None:
    from django.core.cache import cache

    from missa.core.freshness import mark_fresh
    from missa.opendata.tasks import FRESHNESS

    def visit() -> int:
        # Measure the page itself: not kept in the page cache, its files just made.
        cache.clear()
        mark_fresh(FRESHNESS)
        return count_queries(lambda: client.get("/open-data/"))

    publish_open_data()
    small = visit()
    grow(60)
    release = publish_open_data()
    large = visit()
    assert small == large <= 8, f"{small} queries, then {large} with more data"
    assert release.rows["actors"] == Actor.objects.public().count()
