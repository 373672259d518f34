"""Two-factor authentication, required before any committee or staff action.

Once a person has an authenticator app set up, allauth asks for its code at every sign-in; so
"has two-factor authentication" is enough to know that their session passed it. The rule
itself lives in the permissions (accounts.rules); this module says whether a person has it,
and keeps the admin (which Django guards with is_staff alone) behind it.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from .models import User


def has_two_factor(user: Any) -> bool:
    """Return whether user signs in with an authenticator app."""
    if not user.is_authenticated:
        return False
    cache = user.__dict__.setdefault("_missa_roles", {})
    if "two_factor" not in cache:
        cache["two_factor"] = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
    return bool(cache["two_factor"])


NEXT_AFTER_TWO_FACTOR = "missa_next_after_two_factor"


def two_factor_setup_url(next_path: str) -> str:
    """Return the address that sets up two-factor authentication, then goes on to next_path."""
    return f"{reverse('accounts:two-factor')}?{urlencode({'next': next_path})}"


def _set_up_two_factor(request: HttpRequest) -> HttpResponse:
    messages.warning(
        request,
        _(
            "Set up two-factor authentication (an authenticator app) first: it protects the "
            "committee's and the staff's actions."
        ),
    )
    return HttpResponseRedirect(two_factor_setup_url(request.get_full_path()))


class StaffTwoFactorMiddleware:
    """Keep staff out of the admin until they set up two-factor authentication."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and "/admin/" in request.path_info
            and request.path_info.split("/admin/", 1)[0] in {"", "/en"}
            and user.is_authenticated
            and user.is_staff
            and not request.path_info.rstrip("/").endswith("/logout")
            and not has_two_factor(user)
        ):
            return _set_up_two_factor(request)
        return self.get_response(request)


class PrivateResponsesMiddleware:
    """Tell browsers and proxies never to store a page made for a signed-in person.

    Such a page may show personal data (a profile, an application, a data export, even the
    name in the header): `Cache-Control: private, no-store`, whatever the view.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        return response


def signed_in(request: HttpRequest) -> "User":
    """Return the request's person (behind login_required): a User, for the type checker too."""
    from .models import User

    user = request.user
    assert isinstance(user, User)
    return user
