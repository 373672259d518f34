"""The admin's model permissions, held by staff only, once they sign in with a second factor.

Both authentication backends (Django's, and allauth's, which extends it) grant model
permissions — to every superuser, and to staff through their groups; here neither does until
the person has set up two-factor authentication (accounts.rules says why).
"""

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend
from django.db.models import Model

from .security import has_two_factor


def _withheld(user: Any) -> bool:
    # Model permissions open the admin: only staff hold them, and only with the second factor.
    # (For everyone else, no query: their rights come from the rules, accounts.rules.)
    if not (user.is_staff or user.is_superuser):
        return True
    return not has_two_factor(user)


class TwoFactorModelBackend(ModelBackend):
    """Django's model permissions (groups, superuser), withheld until 2FA is set up."""

    def get_user_permissions(self, user_obj: Any, obj: Model | None = None) -> set[str]:
        return set() if _withheld(user_obj) else super().get_user_permissions(user_obj, obj)

    def get_group_permissions(self, user_obj: Any, obj: Model | None = None) -> set[str]:
        return set() if _withheld(user_obj) else super().get_group_permissions(user_obj, obj)

    def get_all_permissions(self, user_obj: Any, obj: Model | None = None) -> set[str]:
        return set() if _withheld(user_obj) else super().get_all_permissions(user_obj, obj)


class TwoFactorAuthenticationBackend(AuthenticationBackend, TwoFactorModelBackend):
    """allauth's sign-in by email, with the same withheld model permissions."""
