"""Who people are in the programme: the roles behind every permission, and the second factor.

Roles: visitor (anonymous), registered user, editor (town staff: a staff account in the
editors group), administrator (superuser) — here; ambassador member, partner member and
steering-committee member are built on actors, in actors/rules.py. Apps combine these
predicates in their own rules.py.

The privileged roles — administrator, editor, committee member — count only once the person
signs in with a second factor: each is made by `privileged()`, so every permission built on
it carries the requirement, whatever path asks (views, admin, services, API). `User.has_perm`
and `accounts.backends` apply the same rule to superusers and to the admin's model permissions.
"""

from collections.abc import Callable
from typing import Any

import rules
from django.conf import settings
from django.utils.functional import LazyObject, empty

from .security import has_two_factor

EDITORS_GROUP = getattr(settings, "MISSA_EDITORS_GROUP", "editors")
# The privileged roles, as held without the second factor (waits_for_two_factor reads them).
_privileged_roles: list[Callable[[Any], bool]] = []


def per_request[T](user: Any, key: str, compute: Callable[[], T]) -> T:
    """Compute something about a person once per user object (that is, once per request)."""
    if isinstance(user, LazyObject):
        # request.user: remember on the user itself, which permission checks receive.
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    cache = user.__dict__.setdefault("_missa_roles", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def cached_role(user: Any, key: str, compute: Callable[[], object]) -> bool:
    """Compute a role once per user object (that is, once per request)."""
    return per_request(user, key, lambda: bool(compute()))


def is_active_person(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


@rules.predicate
def signs_in_with_two_factor(user: Any) -> bool:
    return has_two_factor(user)


def privileged(role: rules.Predicate) -> rules.Predicate:
    """Return "holds role and signs in with a second factor", and remember role as privileged."""
    _privileged_roles.append(role)
    return role & signs_in_with_two_factor


@rules.predicate
def holds_administrator_role(user: Any) -> bool:
    return is_active_person(user) and bool(user.is_superuser)


@rules.predicate
def holds_editor_role(user: Any) -> bool:
    if not (is_active_person(user) and user.is_staff):
        return False
    return cached_role(user, "editor", lambda: user.groups.filter(name=EDITORS_GROUP).exists())


is_administrator = privileged(holds_administrator_role)
is_editor = privileged(holds_editor_role)


def waits_for_two_factor(user: Any) -> bool:
    """Return whether user holds a privileged role that needs a second factor not set up yet."""
    if not is_active_person(user) or has_two_factor(user):
        return False
    return bool(user.is_staff or any(role(user) for role in _privileged_roles))


@rules.predicate
def has_verified_email(user: Any) -> bool:
    """Return whether user confirmed an email address (sign-up asks for it; some accounts, made
    by staff, have none yet)."""
    if not is_active_person(user):
        return False
    from allauth.account.models import EmailAddress

    return cached_role(
        user,
        "verified_email",
        lambda: EmailAddress.objects.filter(user=user, verified=True).exists(),
    )
