"""What the actors app holds about a person: their person actor and its profile history."""

import secrets
from typing import Any

from .models import FORMER_PARTICIPANT_NAME, Actor, ActorRevision


def identifiers(user: Any) -> set[str]:
    """Return the name of the person's own actor (scrubbed from the audit log)."""
    return {str(name) for name in Actor.objects.filter(user=user).values_list("name", flat=True)}


def erase(user: Any) -> None:
    """Keep the public record of what the person did, without their identity."""
    person = Actor.objects.filter(user=user).first()
    if person is None:
        return
    # A name said in each reader's language, an address that no longer spells their name.
    Actor.objects.filter(pk=person.pk).update(
        user=None,
        name=FORMER_PARTICIPANT_NAME,
        slug=f"participant-{secrets.token_hex(6)}",
        search_name="",
        description="",
        description_fr="",
        description_en="",
        website="",
        town="",
        postcode="",
        logo="",
    )
    ActorRevision.objects.filter(actor=person).delete()
