"""Who people are in the programme, written once: the roles behind every permission.

Roles: visitor (anonymous), registered user, ambassador member (member of an actor that is
currently an ambassador), partner member (of an institutional partner or partner territory),
steering-committee member (their own person actor sits on the committee), editor (town staff:
staff account in the editors group), administrator (superuser). Apps combine these predicates
in their own rules.py.
"""

from typing import Any

import rules
from django.conf import settings

from missa.actors.models import ActorRole, Membership

EDITORS_GROUP = getattr(settings, "MISSA_EDITORS_GROUP", "editors")


def _cached(user: Any, key: str, compute: Any) -> bool:
    """Compute a role once per user object (that is, once per request)."""
    cache = user.__dict__.setdefault("_missa_roles", {})
    if key not in cache:
        cache[key] = bool(compute())
    return bool(cache[key])


@rules.predicate
def is_administrator(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


@rules.predicate
def is_editor(user: Any) -> bool:
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return _cached(user, "editor", lambda: user.groups.filter(name=EDITORS_GROUP).exists())


@rules.predicate
def is_committee_member(user: Any) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return _cached(
        user,
        "committee",
        lambda: (
            ActorRole.objects.current()
            .filter(actor__user=user, role=ActorRole.Role.COMMITTEE_MEMBER)
            .exists()
        ),
    )


@rules.predicate
def is_ambassador_member(user: Any) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return _cached(
        user,
        "ambassador",
        lambda: (
            Membership.objects.filter(user=user)
            .of_actors_with_role(ActorRole.Role.AMBASSADOR)
            .exists()
        ),
    )


@rules.predicate
def is_partner_member(user: Any) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return _cached(
        user,
        "partner",
        lambda: (
            Membership.objects.filter(user=user)
            .of_actors_with_role(ActorRole.Role.INSTITUTIONAL_PARTNER)
            .exists()
            or Membership.objects.filter(user=user)
            .of_actors_with_role(ActorRole.Role.PARTNER_TERRITORY)
            .exists()
        ),
    )


is_staff_member = is_editor | is_administrator

rules.add_perm("accounts.use_staff_tools", is_staff_member)
rules.add_perm("accounts.act_for_the_committee", is_committee_member | is_administrator)
