"""What may be followed, and how each is found when public (follows are made only to those)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from missa.actions.models import Action
from missa.actors.models import Actor
from missa.core.models import Sector
from missa.participation.models import Call, Idea


@dataclass(frozen=True)
class Followable:
    model: type[models.Model]
    public: Callable[[], Any]  # the queryset of those anyone may follow
    heading: Any  # the heading of their group on the follows page
    order: int


FOLLOWABLE: dict[str, Followable] = {
    "actors.actor": Followable(Actor, Actor.objects.public, _("Actors"), 1),
    "core.sector": Followable(Sector, Sector.objects.all, _("Sectors"), 2),
    "participation.call": Followable(Call, Call.objects.published, _("Calls for ideas"), 3),
    "participation.idea": Followable(
        Idea, lambda: Idea.objects.visible().filter(is_hidden=False), _("Ideas"), 4
    ),
    "actions.action": Followable(
        Action, lambda: Action.objects.filter(plan__published_at__isnull=False), _("Actions"), 5
    ),
}


def label_of(instance: models.Model) -> str:
    return f"{instance._meta.app_label}.{instance._meta.model_name}"


def find(label: str, pk: int) -> models.Model | None:
    """Return the public object label and pk name, or None (unknown kind, id or not public)."""
    followable = FOLLOWABLE.get(label)
    if followable is None:
        return None
    found: models.Model | None = followable.public().filter(pk=pk).first()
    return found
