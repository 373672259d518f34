"""The data version advances with every committed write, whatever code made it."""

import pytest
from django.core.signals import request_finished
from django.db import connection, transaction

from missa.actors.models import Actor
from missa.core.models import Sector
from missa.core.versioning import data_version, is_data_write


@pytest.mark.parametrize(
    ("sql", "writes"),
    [
        ('INSERT INTO "actors_actor" ("name") VALUES (%s)', True),
        ('UPDATE "activity_monthsummary" SET "activity_count" = 3', True),
        ('DELETE FROM "core_sector" WHERE "id" = 1', True),
        ('SELECT * FROM "actors_actor"', False),
        ('UPDATE "django_session" SET "expire_date" = %s', False),
        ('INSERT INTO "audit_auditentry" ("action") VALUES (%s)', False),
        ("SAVEPOINT s1", False),
    ],
)
def test_writes_are_recognised(sql: str, writes: bool) -> None:
    assert is_data_write(sql) is writes


@pytest.mark.django_db
def test_any_write_advances_the_version_before_the_next_read(sectors: dict[str, Sector]) -> None:
    before = data_version()
    assert data_version() == before  # reading does not advance it
    Sector.objects.filter(slug="tourisme").update(icon="☀")  # a bulk update: no model signal
    after = data_version()
    assert after > before
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert data_version() == after


@pytest.mark.django_db(transaction=True)
def test_a_committed_transaction_advances_the_version_once(territory: object) -> None:
    start = data_version()
    with transaction.atomic():
        for number in range(3):
            Actor.objects.create(kind="company", name=f"A{number}", slug=f"a{number}")
    # Committed: advanced once, and not again at the next read.
    assert data_version() == start + 1
    assert data_version() == start + 1


@pytest.mark.django_db(transaction=True)
def test_an_autocommit_write_advances_the_version_when_the_request_ends(
    territory: object,
) -> None:
    from django.core.cache import cache

    from missa.core.versioning import VERSION_KEY

    start = data_version()
    Sector.objects.create(slug="tourisme", name_fr="Tourisme")
    request_finished.send(sender=None)
    # Read straight from the cache, as another server would.
    assert cache.get(VERSION_KEY) > start
