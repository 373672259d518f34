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


def test_an_editor_records_an_activity_for_a_partner_and_the_month_counts_it(
    client: Client, cast: dict[str, Actor], editor: object, sectors: dict[str, object]
) -> None:
    client.force_login(editor)  # type: ignore[arg-type]
    form = client.get("/admin/activity/activity/add/")
    assert form.status_code == 200
    html = form.content.decode()
    assert 'value="hosted_event"' in html
    assert 'value="joined"' not in html  # joining is recorded by an approved application
    carol = cast["carol"]
    response = client.post(
        "/admin/activity/activity/add/",
        {
            "actor": carol.pk,
            "kind": "published_document",
            "date": "2017-06-28",
            "title_fr": "Étude sur les commerces du centre",
            "title_en": "Study of the town-centre shops",
            "text_fr": "",
            "text_en": "",
            "link": "",
            "is_public": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    recorded = Activity.objects.get(title_fr="Étude sur les commerces du centre")
    assert (recorded.actor, recorded.month) == (carol, JUNE)
    # No sector chosen: the partner's own.
    assert list(recorded.sectors.values_list("slug", flat=True)) == ["economique"]
    assert june().activity_count == 4
    assert june().kind_counts["published_document"] == 2
    assert "Étude sur les commerces du centre" in client.get("/journal/2017/06/").content.decode()
    # A "joined" entry cannot be slipped in, and the form says why.
    refused = client.post(
        "/admin/activity/activity/add/",
        {"actor": carol.pk, "kind": "joined", "date": "2017-06-28", "title_fr": "Adhésion"},
    )
    assert refused.status_code == 200
    assert not Activity.objects.filter(title_fr="Adhésion").exists()


def test_a_member_cannot_record_activities_in_the_admin(client: Client, member: object) -> None:
    assert client.get("/admin/activity/activity/add/").status_code == 302
