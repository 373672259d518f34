"""Who people are in the programme, written once: the roles behind every permission.

Roles: visitor (anonymous), registered user, ambassador member (member of an actor that is
currently an ambassador and in good standing), partner member (of an institutional partner or
partner territory), steering-committee member (their own person actor sits on the committee),
editor (town staff: staff account in the editors group), administrator (superuser). Apps
combine these predicates in their own rules.py.

The privileged roles — committee member, editor, administrator — count only once the person
signs in with a second factor: `is_committee_member`, `is_editor` and `is_administrator` carry
the requirement, so every permission built on them does, whatever path asks (views, admin,
services, API). `User.has_perm` and `accounts.backends` apply the same rule to superusers and
to the admin's model permissions.
"""

from typing import Any

import rules
from django.conf import settings

from missa.actors.models import ActorRole, Membership

from .security import has_two_factor

EDITORS_GROUP = getattr(settings, "MISSA_EDITORS_GROUP", "editors")


def _cached(user: Any, key: str, compute: Any) -> bool:
    """Compute a role once per user object (that is, once per request)."""
    cache = user.__dict__.setdefault("_missa_roles", {})
    if key not in cache:
        cache[key] = bool(compute())
    return bool(cache[key])


def _active(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


@rules.predicate
def signs_in_with_two_factor(user: Any) -> bool:
    return has_two_factor(user)


@rules.predicate
def holds_administrator_role(user: Any) -> bool:
    return _active(user) and bool(user.is_superuser)


@rules.predicate
def holds_editor_role(user: Any) -> bool:
    if not (_active(user) and user.is_staff):
        return False
    return _cached(user, "editor", lambda: user.groups.filter(name=EDITORS_GROUP).exists())


@rules.predicate
def holds_committee_role(user: Any) -> bool:
    if not _active(user):
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


# The privileged roles, which need the second factor (see the module's docstring).
is_administrator = holds_administrator_role & signs_in_with_two_factor
is_editor = holds_editor_role & signs_in_with_two_factor
is_committee_member = holds_committee_role & signs_in_with_two_factor


def waits_for_two_factor(user: Any) -> bool:
    """Return whether user holds a privileged role that needs a second factor not set up yet."""
    if not _active(user) or has_two_factor(user):
        return False
    return bool(
        user.is_staff
        or holds_administrator_role(user)
        or holds_editor_role(user)
        or holds_committee_role(user)
    )


@rules.predicate
def is_ambassador_member(user: Any) -> bool:
    if not _active(user):
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
    if not _active(user):
        return False
    return _cached(
        user,
        "partner",
        lambda: (
            Membership.objects.filter(user=user)
            .of_actors_with_role(
                ActorRole.Role.INSTITUTIONAL_PARTNER, ActorRole.Role.PARTNER_TERRITORY
            )
            .exists()
        ),
    )


is_staff_member = is_editor | is_administrator

rules.add_perm("accounts.use_staff_tools", is_staff_member)
rules.add_perm("accounts.act_for_the_committee", is_committee_member | is_administrator)
