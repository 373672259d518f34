"""Editors publish calls, their outcomes and consultations from the admin, through the services."""

import datetime

import pytest
from django.test import Client

from missa.activity.models import Activity
from missa.participation.models import Answer, Call, Consultation

pytestmark = pytest.mark.django_db


def act(client: Client, model: str, action: str, pk: int) -> None:
    response = client.post(
        f"/admin/participation/{model}/", {"action": action, "_selected_action": [pk]}, follow=True
    )
    assert response.status_code == 200


def test_editors_publish_a_call_then_its_outcome(
    client: Client, open_call: Call, editor: object
) -> None:
    client.force_login(editor)  # type: ignore[arg-type]
    draft = Call.objects.create(
        slug="brouillon",
        phase=open_call.phase,
        organiser=open_call.organiser,
        title_fr="Brouillon",
        question_fr="?",
        opens_on=datetime.date(2017, 6, 1),
        closes_on=datetime.date(2017, 6, 30),
    )
    act(client, "call", "publish", draft.pk)
    assert Call.objects.get(pk=draft.pk).published_at is not None
    # No outcome written yet: refused with the reason, nothing recorded.
    act(client, "call", "publish_outcome", draft.pk)
    assert not Activity.objects.filter(kind="closed_call").exists()
    Call.objects.filter(pk=draft.pk).update(outcome_fr="Deux idées retenues.")
    act(client, "call", "publish_outcome", draft.pk)
    assert Activity.objects.filter(kind="closed_call", object_id=draft.pk).exists()


def test_editors_publish_a_consultation_and_free_answers(
    client: Client, open_call: Call, editor: object
) -> None:
    client.force_login(editor)  # type: ignore[arg-type]
    survey = Consultation.objects.create(
        slug="image",
        phase=open_call.phase,
        organiser=open_call.organiser,
        title_fr="Image",
        opens_on=datetime.date(2017, 6, 1),
        closes_on=datetime.date(2017, 6, 30),
    )
    act(client, "consultation", "publish", survey.pk)
    act(client, "consultation", "publish_outcome", survey.pk)
    assert Activity.objects.filter(kind="published_results", object_id=survey.pk).exists()
    assert client.get("/admin/participation/answer/").status_code == 200
    assert not Answer.objects.exists()
