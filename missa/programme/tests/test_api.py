"""The API's programme: phases with their status today and their deliverables."""

import datetime

import pytest
from django.test import Client

from missa.programme.models import Deliverable, Phase

pytestmark = pytest.mark.django_db


def test_phases_in_order_with_status_and_deliverables(
    client: Client, programme: list[Phase]
) -> None:
    first = programme[0]
    Deliverable.objects.create(
        phase=first,
        title_fr="Diagnostic",
        title_en="Diagnosis",
        date=datetime.date(2017, 7, 1),
        link="https://example.org/diagnostic.pdf",
    )
    body = client.get("/api/v1/phases/").json()
    assert [phase["slug"] for phase in body] == [phase.slug for phase in programme]
    today = datetime.date.today()
    assert [phase["status"] for phase in body] == [phase.status_on(today) for phase in programme]
    assert body[0]["start_month"] == first.start_month.isoformat()
    assert body[0]["url"].endswith(f"/programme/#phase-{first.slug}")
    [deliverable] = [
        item for item in body[0]["deliverables"] if item["title"]["fr"] == "Diagnostic"
    ]
    assert len(body[0]["deliverables"]) == first.deliverables.count()
    assert deliverable["title"] == {"fr": "Diagnostic", "en": "Diagnosis"}
    assert deliverable["link"] == "https://example.org/diagnostic.pdf"
    assert deliverable["file"] == {"fr": None, "en": None}
