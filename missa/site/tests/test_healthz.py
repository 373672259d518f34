from unittest import mock

import pytest
from django.db import DatabaseError, connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_when_the_database_serves(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_answers_503_when_the_database_does_not_answer(client: Client) -> None:
    with mock.patch("missa.site.health.connections") as connections:
        connections.__getitem__.return_value.vendor = "postgresql"
        connections.__getitem__.return_value.cursor.side_effect = DatabaseError("down")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_healthz_answers_503_when_migrations_are_missing(client: Client) -> None:
    MigrationRecorder.Migration.objects.filter(app="journal").order_by("-id")[:1].get().delete()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "not migrated"


def test_healthz_answers_503_when_the_database_cannot_be_written(client: Client) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("SET TRANSACTION READ ONLY")
    try:
        response = client.get("/healthz")
    finally:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA query_only = OFF")
    assert response.status_code == 503
    assert response.json()["database"] == "read-only"


def test_pages_answer_head_requests(client: Client) -> None:
    assert client.head("/").status_code == 200
    assert client.post("/").status_code == 405
