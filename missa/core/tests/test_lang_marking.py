"""Text that falls back to French on English pages says it is French (lang="fr")."""

import pytest
from django.test import Client
from django.utils.html import escape

from missa.actors.models import Actor


@pytest.mark.django_db
def test_french_text_shown_on_english_pages_is_marked_as_french(
    client: Client, cast: dict[str, Actor]
) -> None:
    from missa.activity.models import Activity

    alice = cast["alice"]
    Actor.objects.filter(pk=alice.pk).update(
        description_fr="Verre soufflé au bord de l'eau.", description_en=""
    )
    activity = Activity.objects.public().filter(actor=alice).first()
    assert activity is not None
    Activity.objects.filter(pk=activity.pk).update(title_en="", text_en="")
    english = client.get("/en/actors/atelier-alice/").content.decode()
    assert '<div class="prose" lang="fr">' in english
    title = escape(activity.title_fr)
    assert f'lang="fr">{title}</a>' in english
    french = client.get("/actors/atelier-alice/").content.decode()
    assert '<div class="prose" lang="fr">' not in french and f'lang="fr">{title}' not in french
    # Translated, it is not marked.
    Actor.objects.filter(pk=alice.pk).update(description_en="Glass blown by the water.")
    assert '<div class="prose">' in client.get("/en/actors/atelier-alice/").content.decode()
