"""A person's own profile."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .forms import DeleteAccountForm, ProfileForm
from .models import User
from .rules import waits_for_two_factor
from .security import NEXT_AFTER_TWO_FACTOR, has_two_factor
from .services import delete_account, export_personal_data, set_participant_kind


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    previous_photo = user.photo.name
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=user)
        if form.is_valid():
            form.save()
            # Through the service: the figures of participants follow.
            set_participant_kind(user=user, kind=form.cleaned_data["participant_kind"])
            if previous_photo and previous_photo != user.photo.name:
                # A replaced or removed photo is deleted, not kept around.
                user.photo.storage.delete(previous_photo)
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(instance=user)
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "waits_for_two_factor": waits_for_two_factor(user)},
    )


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    """Explain what is kept; on POST, download it all as JSON."""
    user = request.user
    assert isinstance(user, User)
    if request.method == "POST":
        response = JsonResponse(
            export_personal_data(user=user), json_dumps_params={"indent": 2, "ensure_ascii": False}
        )
        response["Content-Disposition"] = 'attachment; filename="missa-my-data.json"'
        return response
    return render(request, "accounts/my_data.html")


def _safe_next(request: HttpRequest, value: str | None) -> str | None:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return None


@login_required
@require_safe
def two_factor(request: HttpRequest) -> HttpResponse:
    """Set up two-factor authentication, then go on to where the person was going."""
    next_path = _safe_next(request, request.GET.get("next"))
    if has_two_factor(request.user):
        return redirect(next_path or "mfa_index")
    if next_path:
        request.session[NEXT_AFTER_TWO_FACTOR] = next_path
    return redirect("mfa_activate_totp")


@login_required
@require_safe
def two_factor_done(request: HttpRequest) -> HttpResponse:
    """After the set-up (and the recovery codes), go on to where the person was going."""
    next_path = _safe_next(request, request.session.pop(NEXT_AFTER_TWO_FACTOR, None))
    return redirect(next_path or "accounts:profile")


@login_required
def delete(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        logout(request)
        delete_account(user=user)
        messages.success(request, _("Your account and your personal data are deleted."))
        return redirect("site:home")
    return render(request, "accounts/delete.html", {"form": form})
