from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from missa.actors.models import Actor
from missa.charter.models import CharterVersion, Commitment
from missa.charter.services import publish_charter_version

pytestmark = pytest.mark.django_db


def draft(title: str = "Charte", commitments: int = 2) -> CharterVersion:
    version = CharterVersion.objects.create(
        title_fr=title,
        title_en=f"{title} (en)",
        text_fr="Le **texte**.",
        text_en="The **text**.",
        benefits_fr="- le kit de marque",
        benefits_en="- the brand kit",
    )
    for order in range(commitments):
        Commitment.objects.create(
            version=version,
            order=order,
            text_fr=f"Engagement {order}",
            text_en=f"Commitment {order}",
            is_required=order == 0,
        )
    return version


def test_versions_are_numbered_in_order(db: None) -> None:
    assert [draft().number, draft().number] == [1, 2]


def test_charter_page_shows_the_current_version_and_its_commitments(
    client: Client, territory: object
) -> None:
    publish_charter_version(version=draft("Première"))
    publish_charter_version(version=draft("Seconde"))
    draft("Brouillon")
    html = client.get("/charter/").content.decode()
    assert "Seconde" in html
    assert "Version 2, publiée le" in html
    assert "<strong>texte</strong>" in html
    assert "Engagement 0" in html
    assert "facultatif" in html
    assert "le kit de marque" in html
    assert 'href="/charter/v1/"' in html
    assert "Brouillon" not in html


def test_earlier_versions_stay_readable_and_say_they_were_replaced(
    client: Client, territory: object
) -> None:
    publish_charter_version(version=draft("Première"))
    publish_charter_version(version=draft("Seconde"))
    html = client.get("/charter/v1/").content.decode()
    assert "Première" in html
    assert "remplacée" in html
    english = client.get("/en/charter/v1/").content.decode()
    assert "Première (en)" in english
    assert "Commitment 0" in english


def test_drafts_and_unknown_versions_are_404(client: Client, territory: object) -> None:
    draft()
    assert client.get("/charter/v1/").status_code == 404
    assert client.get("/charter/v99/").status_code == 404
    assert client.get("/charter/vabc/").status_code == 404


def test_charter_page_without_a_published_version_says_so(
    client: Client, territory: object
) -> None:
    draft()
    assert "La charte n'a pas encore été publiée." in client.get("/charter/").content.decode()


def test_a_published_version_cannot_be_changed(db: None) -> None:
    version = publish_charter_version(version=draft())
    version.title = "Réécrite"
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        Commitment.objects.create(version=version, text_fr="Ajout")
    commitment = version.commitments.first()
    assert commitment is not None
    commitment.text = "Changé"
    with pytest.raises(ValidationError):
        commitment.save()


def test_publishing_needs_a_draft_with_commitments(db: None) -> None:
    with pytest.raises(ValidationError):
        publish_charter_version(version=draft(commitments=0))
    version = publish_charter_version(version=draft())
    with pytest.raises(ValidationError):
        publish_charter_version(version=version)


def test_published_versions_are_read_only_in_the_admin(admin_client: Client) -> None:
    version = publish_charter_version(version=draft())
    response = admin_client.get(f"/admin/charter/charterversion/{version.pk}/change/")
    assert response.status_code == 200
    assert 'name="title_fr"' not in response.content.decode()
    response = admin_client.post(
        f"/admin/charter/charterversion/{version.pk}/change/", {"title_fr": "Réécrite"}
    )
    assert response.status_code == 403
    version.refresh_from_db()
    assert version.title != "Réécrite"


def test_charter_page_runs_the_same_queries_at_two_sizes(
    cast: dict[str, Actor], assert_constant_queries: Callable[[str], None]
) -> None:
    publish_charter_version(version=draft())
    publish_charter_version(version=draft())
    assert_constant_queries("/charter/")
