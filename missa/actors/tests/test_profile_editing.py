import io

import pytest
from django.test import Client
from PIL import Image

from missa.accounts.models import User
from missa.actors.models import Actor, ActorRevision
from missa.core.models import Sector

pytestmark = pytest.mark.django_db


def form(all_sectors: dict[str, Sector], **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "description_fr": "Un atelier de verre soufflé au bord de l'eau.",
        "description_en": "A glass-blowing workshop by the water.",
        "website": "https://atelier-alice.example.org",
        "town": "L'Isle-sur-la-Sorgue",
        "postcode": "84800",
        "sectors": [all_sectors["tourisme"].pk, all_sectors["economique"].pk],
    }
    data.update(changes)
    return data


def test_members_edit_their_page_and_it_is_public_at_once(
    client: Client, member: User, sectors: dict[str, Sector]
) -> None:
    assert client.get("/actors/atelier-alice/edit/").status_code == 200
    response = client.post("/actors/atelier-alice/edit/", form(sectors))
    assert response.status_code == 302
    html = client.get("/actors/atelier-alice/").content.decode()
    assert "verre soufflé" in html
    assert "https://atelier-alice.example.org" in html
    revision = ActorRevision.objects.get()
    assert revision.user == member
    assert revision.before["description_fr"] == "Un atelier au bord de l'eau."
    assert set(revision.changed_fields) >= {"description_fr", "website", "sectors"}


def test_a_logo_is_checked_and_saving_without_changes_records_nothing(
    client: Client, member: User, sectors: dict[str, Sector]
) -> None:
    fake = io.BytesIO(b"not an image")
    fake.name = "logo.png"
    response = client.post("/actors/atelier-alice/edit/", form(sectors, logo=fake))
    assert response.status_code == 200
    assert "pas une image lisible" in response.content.decode()
    good = io.BytesIO()
    Image.new("RGB", (40, 40), "#123456").save(good, format="PNG")
    good.seek(0)
    good.name = "logo.png"
    client.post("/actors/atelier-alice/edit/", form(sectors, logo=good))
    client.post("/actors/atelier-alice/edit/", form(sectors))
    assert ActorRevision.objects.count() == 1
    assert Actor.objects.get(slug="atelier-alice").logo


def test_bad_input_gets_the_form_again(
    client: Client, member: User, sectors: dict[str, Sector]
) -> None:
    response = client.post(
        "/actors/atelier-alice/edit/", form(sectors, website="javascript:alert(1)", sectors=[])
    )
    assert response.status_code == 200
    assert "Choisissez au moins un secteur." in response.content.decode()
    assert not ActorRevision.objects.exists()


def test_others_cannot_edit(client: Client, member: User, sectors: dict[str, Sector]) -> None:
    assert client.get("/actors/cci-sorgueville/edit/").status_code == 403
    assert client.post("/actors/cci-sorgueville/edit/", form(sectors)).status_code == 403
    assert client.get("/actors/dave-discret/edit/").status_code == 404


def test_editors_undo_a_change(
    client: Client, member: User, sectors: dict[str, Sector], admin_client: Client
) -> None:
    client.post("/actors/atelier-alice/edit/", form(sectors))
    revision = ActorRevision.objects.get()
    assert client.post(f"/actors/atelier-alice/history/{revision.pk}/revert/").status_code == 403
    assert (
        "Historique de la page"
        in admin_client.get("/actors/atelier-alice/history/").content.decode()
    )
    response = admin_client.post(f"/actors/atelier-alice/history/{revision.pk}/revert/")
    assert response.status_code == 302
    alice = Actor.objects.get(slug="atelier-alice")
    assert alice.description == "Un atelier au bord de l'eau."
    assert list(alice.sectors.values_list("slug", flat=True)) == ["tourisme"]
    undo = ActorRevision.objects.latest("pk")
    assert undo.reverts == revision
    assert admin_client.post("/actors/atelier-alice/history/999999/revert/").status_code == 404
