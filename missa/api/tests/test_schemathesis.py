"""The API against its own schema, with schemathesis: every operation called with generated
parameters (valid and not), and each answer checked — no server error, a status, content type,
headers and body that the schema allows, malformed parameters refused.

One check is left out: "a request the schema allows is accepted". A slug or a cursor is any
text for the schema, but one that names nothing here is a 400 that says so (a misspelt sector
must not read as "no results"), which that check counts as a failure.
"""

from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test.utils import override_settings
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from missa.actors.models import Actor
from missa.api.main import api

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = WSGIHandler()

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keep_the_test_connection() -> Any:
    """Keep the test's database connection through each call: schemathesis calls the WSGI
    handler itself, whose "request finished" closes a connection in a transaction (the test's,
    on PostgreSQL); Django's test client unhooks that signal the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=30,
    # The same cases on every run: a failure is one that a change brought, and it reproduces.
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# The rate limit is the API's answer to too many requests; here it would answer most.
@override_settings(MISSA_API_REQUESTS_PER_MINUTE=10**9)
def test_every_operation_answers_as_its_schema_says(case: Any, cast: dict[str, Actor]) -> None:
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
