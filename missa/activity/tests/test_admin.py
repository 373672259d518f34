"""The admin's writes to actors and activities keep the month counts right."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory

from missa.activity.models import Activity, MonthSummary
from missa.actors.models import Actor

pytestmark = pytest.mark.django_db
JUNE = datetime.date(2017, 6, 1)


def june() -> MonthSummary:
    return MonthSummary.objects.get(month=JUNE)


def test_the_admins_visibility_toggle_recounts_the_actors_months(
    cast: dict[str, Actor], admin_user: object
) -> None:
    dave = cast["dave"]
    assert june().activity_count == 3
    model_admin = admin.site._registry[Actor]
    request = RequestFactory().post("/admin/")
    request.user = admin_user  # type: ignore[assignment]
    dave.is_public = True
    model_admin.save_model(request, dave, SimpleNamespace(changed_data=["is_public"]), True)
    assert june().activity_count == 4
    assert Activity.objects.public().filter(month=JUNE).count() == 4


def test_deleting_an_actor_or_an_activity_in_the_admin_recounts(
    admin_client: Client, cast: dict[str, Actor]
) -> None:
    carol = cast["carol"]
    response = admin_client.post(f"/admin/actors/actor/{carol.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert (june().activity_count, june().actor_count) == (2, 2)
    activity = Activity.objects.get(title="Portes ouvertes de l'atelier")
    response = admin_client.post(f"/admin/activity/activity/{activity.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert (june().activity_count, june().kind_counts) == (1, {"attended_meeting": 1})
