from typing import Any

import rules

from missa.accounts.rules import (
    cached_role,
    is_active_person,
    is_administrator,
    is_editor,
    privileged,
)

from .models import ActorRole, Membership


@rules.predicate
def holds_committee_role(user: Any) -> bool:
    """Return whether user's own person actor sits on the steering committee today."""
    if not is_active_person(user):
        return False
    return cached_role(
        user,
        "committee",
        lambda: (
            ActorRole.objects.current()
            .filter(actor__user=user, role=ActorRole.Role.COMMITTEE_MEMBER)
            .exists()
        ),
    )


# A privileged role: it counts only with the second factor (accounts.rules).
is_committee_member = privileged(holds_committee_role)


@rules.predicate
def is_ambassador_member(user: Any) -> bool:
    """Return whether user acts for an organisation that is an ambassador today."""
    if not is_active_person(user):
        return False
    return cached_role(
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
    """Return whether user acts for an institutional partner or a partner territory today."""
    if not is_active_person(user):
        return False
    return cached_role(
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


@rules.predicate
def is_member_of(user: Any, actor: Any) -> bool:
    """Return whether user acts for actor (owner or editor of it) and actor is in the network.

    Rights follow the organisation's standing: once suspended or departed, its members no
    longer publish or edit for it.
    """
    if not (user.is_authenticated and user.is_active) or actor is None:
        return False
    return Membership.objects.filter(user=user, actor=actor).in_good_standing().exists()


@rules.predicate
def acts_for_an_organisation(user: Any) -> bool:
    """Return whether user acts for at least one organisation that is in the network today."""
    if not is_active_person(user):
        return False
    return cached_role(
        user,
        "member",
        lambda: Membership.objects.filter(user=user).in_good_standing().exists(),
    )


def acting_memberships(user: Any) -> list[Membership]:
    """user's memberships of organisations in the network today, read once: the menu's "My
    organisation" (acts_for_an_organisation) then knows its answer for this request."""
    memberships = list(
        Membership.objects.filter(user=user).in_good_standing().select_related("actor")
    )
    cached_role(user, "member", lambda: memberships)
    return memberships


rules.add_perm("actors.act_for_an_organisation", acts_for_an_organisation)
rules.add_perm("actors.report_for_actor", is_member_of | is_administrator)
rules.add_perm("actors.see_actor_reports", is_member_of | is_editor | is_administrator)

rules.add_perm("actors.edit_actor_profile", is_member_of | is_editor | is_administrator)
rules.add_perm("actors.revert_actor_profile", is_editor | is_administrator)
