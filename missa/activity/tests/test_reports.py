import datetime
import io

import pytest
from django.test import Client
from PIL import Image

from missa.accounts.models import User
from missa.activity.models import Activity, MonthSummary
from missa.actors.models import Actor, Membership

pytestmark = pytest.mark.django_db
JUNE = datetime.date(2017, 6, 1)


def photo() -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (30, 30), "#f1c232").save(buffer, format="JPEG")
    buffer.seek(0)
    buffer.name = "salon.jpg"
    return buffer


def report(client: Client, **changes: object) -> object:
    data: dict[str, object] = {
        "kind": "promoted_brand",
        "title": "La marque au salon de Lyon",
        "date": "2017-06-20",
        "text": "Un stand aux couleurs de la marque.",
        "link": "https://example.org/salon",
    }
    data.update(changes)
    return client.post("/actors/atelier-alice/report/", data)


def test_a_member_reports_an_action_that_is_public_at_once(
    client: Client, member: User, cast: dict[str, Actor]
) -> None:
    response = report(client, photo=photo(), photo_alt="Le stand aux couleurs de la marque")
    assert response.status_code == 302  # type: ignore[attr-defined]
    activity = Activity.objects.get(title_fr="La marque au salon de Lyon")
    assert activity.reported_by == member
    assert activity.photo
    assert activity.photo_alt == "Le stand aux couleurs de la marque"
    assert list(activity.sectors.values_list("slug", flat=True)) == ["tourisme"]
    assert "La marque au salon de Lyon" in client.get("/actors/atelier-alice/").content.decode()
    assert "La marque au salon de Lyon" in client.get("/journal/2017/06/").content.decode()
    assert MonthSummary.objects.get(month=JUNE).activity_count == 4


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": "2099-01-01"}, "ne peut pas être dans le futur"),
        ({"kind": "joined"}, "Sélectionnez un choix valide"),
        ({"title": ""}, "Ce champ est obligatoire"),
        ({"link": "javascript:alert(1)"}, "URL valide"),
        ({"photo": "photo"}, "Dites en une phrase ce que montre la photo"),
    ],
)
def test_bad_reports_get_the_form_again(
    client: Client, member: User, changes: dict[str, object], message: str
) -> None:
    if changes.get("photo") == "photo":
        changes = {**changes, "photo": photo()}  # a photo without its description
    response = report(client, **changes)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert message in response.content.decode()  # type: ignore[attr-defined]
    assert not Activity.objects.filter(reported_by=member).exists()


def test_only_members_report_for_their_organisation(
    client: Client, member: User, cast: dict[str, Actor]
) -> None:
    assert client.get("/actors/cci-sorgueville/report/").status_code == 403
    assert client.post("/actors/cci-sorgueville/report/", {}).status_code == 403
    assert client.get("/actors/dave-discret/report/").status_code == 404
    client.logout()
    assert client.get("/actors/atelier-alice/report/").status_code == 302


def test_an_editor_hides_a_report_and_its_author_sees_why(
    client: Client, member: User, admin_client: Client
) -> None:
    report(client)
    activity = Activity.objects.get(reported_by=member)
    url = f"/actors/atelier-alice/reports/{activity.pk}/hide/"
    assert client.get(url).status_code == 403
    assert admin_client.post(url, {"reason": ""}).status_code == 200
    assert admin_client.post(url, {"reason": "Hors du territoire."}).status_code == 302
    activity.refresh_from_db()
    assert not activity.is_public
    assert "La marque au salon de Lyon" not in client.get("/journal/2017/06/").content.decode()
    assert MonthSummary.objects.get(month=JUNE).activity_count == 3
    html = client.get("/actors/atelier-alice/reports/").content.decode()
    assert "Hors du territoire." in html


@pytest.mark.parametrize("how", ["suspended", "departed", "hidden"])
def test_members_of_an_organisation_out_of_the_network_no_longer_act_for_it(
    client: Client, member: User, cast: dict[str, Actor], how: str
) -> None:
    from missa.actors.models import ActorRole

    alice = cast["alice"]
    assert client.get("/actors/atelier-alice/report/").status_code == 200
    assert client.get("/actors/atelier-alice/edit/").status_code == 200
    if how == "hidden":
        Actor.objects.filter(pk=alice.pk).update(is_public=False)
    else:
        # Suspension and departure both end the role (applications.services._end_role).
        ActorRole.objects.filter(actor=alice).update(end_date=datetime.date(2018, 1, 1))
    # A hidden organisation's pages are not found at all; the others refuse.
    refused = 404 if how == "hidden" else 403
    assert report(client).status_code == refused  # type: ignore[attr-defined]
    assert client.post("/actors/atelier-alice/edit/", {}).status_code == refused
    assert not member.has_perm("brandkit.download_gated_assets")
    # Their account and their history stay.
    assert Membership.objects.filter(user=member, actor=alice).exists()


def test_a_report_is_one_insert_with_its_author_and_photo(
    owner: User, cast: dict[str, Actor]
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from missa.activity.services import report_activity

    upload = SimpleUploadedFile("salon.jpg", photo().read(), content_type="image/jpeg")
    with CaptureQueriesContext(connection) as queries:
        activity = report_activity(
            actor=cast["alice"],
            user=owner,
            kind="promoted_brand",
            title="La marque au salon de Lyon",
            date=JUNE,
            photo=upload,
        )
    writes = [q["sql"] for q in queries if '"activity_activity"' in q["sql"].split("WHERE")[0]]
    assert [sql.split()[0] for sql in writes if not sql.startswith("SELECT")] == ["INSERT"]
    stored = Activity.objects.get(pk=activity.pk)
    assert stored.reported_by == owner
    assert (stored.photo.name or "").startswith("activity/photos/salon")
