"""A person's notifications: the list, opening one, marking them read, the email choices."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from missa.accounts.security import signed_in
from missa.core.pagination import paginate

from .forms import EmailChoicesForm
from .models import EmailChoice, Notification
from .services import choose_emails, mark_read, unread_count


@login_required
@require_safe
def notification_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    notifications = Notification.objects.filter(user=user)
    return render(
        request,
        "notifications/list.html",
        {"page": paginate(request, notifications, "notifications"), "unread": unread_count(user)},
    )


@login_required
@require_safe
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification read and go where it points (a path on this site)."""
    user = signed_in(request)
    try:
        notification = Notification.objects.get(pk=pk, user=user)
    except Notification.DoesNotExist as error:
        raise Http404("No such notification.") from error
    mark_read(user=user, notification=notification)
    if url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None):
        return redirect(notification.url)
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    mark_read(user=signed_in(request))
    messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:list")


@login_required
def email_settings(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    refused = set(
        EmailChoice.objects.filter(user=user, by_email=False).values_list("kind", flat=True)
    )
    initial = {"kinds": [kind for kind in Notification.Kind.values if kind not in refused]}
    form = EmailChoicesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        choose_emails(user=user, kinds=set(form.cleaned_data["kinds"]))
        messages.success(request, _("Your choices are saved."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form})
