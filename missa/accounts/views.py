"""A person's own profile."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import DeleteAccountForm, ProfileForm
from .models import User
from .services import delete_account, export_personal_data


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    previous_photo = user.photo.name
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=user)
        if form.is_valid():
            form.save()
            if previous_photo and previous_photo != user.photo.name:
                # A replaced or removed photo is deleted, not kept around.
                user.photo.storage.delete(previous_photo)
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(instance=user)
    return render(request, "accounts/profile.html", {"form": form})


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


@login_required
def delete(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        logout(request)
        delete_account(user=user)
        messages.success(request, _("Your account and your personal data are deleted."))
        return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})
