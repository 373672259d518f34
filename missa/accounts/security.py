"""Two-factor authentication, required before any committee or staff action.

Once a person has an authenticator app set up, allauth asks for its code at every sign-in; so
"has two-factor authentication" is enough to know that their session passed it.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _


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


def _set_up_two_factor(request: HttpRequest) -> HttpResponse:
    messages.warning(
        request,
        _(
            "Set up two-factor authentication (an authenticator app) first: it protects the "
            "committee's and the staff's actions."
        ),
    )
    url = reverse("mfa_activate_totp")
    return HttpResponseRedirect(f"{url}?{urlencode({'next': request.get_full_path()})}")


def two_factor_required[**P](
    view: Callable[P, HttpResponse],
) -> Callable[P, HttpResponse]:
    """Send people without two-factor authentication to set it up before using the view."""

    @wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        request = args[0]
        assert isinstance(request, HttpRequest)
        if not has_two_factor(request.user):
            return _set_up_two_factor(request)
        return view(*args, **kwargs)

    return wrapper


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
