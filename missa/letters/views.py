"""The letter's public pages (subscribe, confirm, unsubscribe in one click) and the editors'
(each month's letter previewed, sent, and how it went)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from missa.accounts.models import User
from missa.core.freshness import refresh_when_stale
from missa.core.pagination import paginate
from missa.core.ratelimit import allow
from missa.journal.models import journal_span
from missa.mail.identity import site_identity

from .forms import SubscribeForm
from .models import Letter, Subscription
from .services import (
    ExpiredLinkError,
    confirm,
    last_month,
    letter_content,
    letter_months,
    render_letter,
    send_when_due,
    subscribe,
    subscription_for_token,
    unsubscribe,
)
from .tasks import FRESHNESS, count_letters_task, send_letter_task


def subscribe_page(request: HttpRequest) -> HttpResponse:
    """Anyone asks for the letter with an email address (double opt-in)."""
    form = SubscribeForm(request.POST or None, initial={"language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        client = str(request.META.get("REMOTE_ADDR", ""))
        if not allow("letter-subscribe", client, limit=10, window=3600):
            form.add_error(None, _("Many requests from here: please try again in an hour."))
        else:
            subscribe(email=form.cleaned_data["email"], language=form.cleaned_data["language"])
            # The same answer whether the address was known or not: it tells nobody else.
            return render(
                request, "letters/check_inbox.html", {"email": form.cleaned_data["email"]}
            )
    return render(request, "letters/subscribe.html", {"form": form})


@require_safe
def confirm_page(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscription = subscription_for_token(token)
    except ExpiredLinkError:
        return render(request, "letters/expired.html", status=400)
    if subscription is None:
        raise Http404("No such confirmation link.")
    confirm(subscription)
    return render(request, "letters/confirmed.html", {"subscription": subscription})


@csrf_exempt  # a mail program's one-click POST carries no CSRF token (RFC 8058)
def unsubscribe_page(request: HttpRequest, key: str) -> HttpResponse:
    """GET: a button; POST (the button, or a mail program's one click): done."""
    subscription = Subscription.objects.filter(key=key).first()
    if subscription is None:
        raise Http404("No such subscription.")
    if request.method == "POST":
        unsubscribe(subscription)
        return render(request, "letters/unsubscribed.html", {"subscription": subscription})
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405)
    return render(request, "letters/unsubscribe.html", {"subscription": subscription})


def _editor(request: HttpRequest) -> None:
    if not request.user.has_perm("letters.manage_letters"):
        raise PermissionDenied


def _month(month: str) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(f"{month}-01")
    except ValueError:
        raise Http404("No such month.") from None
    if not journal_span().contains(day):
        raise Http404("No such month.")
    return day


@login_required
@require_safe
def letter_list(request: HttpRequest) -> HttpResponse:
    """Each month's letter: sent or not, how many copies, sent, failed, and who left since."""
    _editor(request)
    send_when_due(send_letter_task.enqueue)
    # The figures are counted in the background when the data move (the mail queue's too).
    refresh_when_stale(FRESHNESS, count_letters_task.enqueue)
    page = paginate(request, letter_months(), "letters")
    months = list(page.object_list)
    letters = {letter.month: letter for letter in Letter.objects.filter(month__in=months)}
    receiving = Subscription.objects.receiving().count()
    left = Subscription.objects.filter(unsubscribed_at__isnull=False).count()
    return render(
        request,
        "letters/letter_list.html",
        {
            "page": page,
            "rows": [(month, letters.get(month)) for month in months],
            "receiving": receiving,
            "left": left,
            "due": last_month(),
        },
    )


@login_required
@require_safe
def letter_preview(request: HttpRequest, month: str) -> HttpResponse:
    """A month's letter as the editor would receive it (in their language, with what they
    follow)."""
    _editor(request)
    day = _month(month)
    user = request.user
    assert isinstance(user, User)
    sample = Subscription(
        email=user.email, user=user, language=translation.get_language(), key="preview"
    )
    content = letter_content(day, sample)
    subject, text, _html = render_letter(day, sample, content)
    sent = Letter.objects.filter(month=day).first()
    return render(
        request,
        "letters/preview.html",
        {
            **site_identity(),
            "month": day,
            "subject": subject,
            "text": text,
            "letter": content,
            "sent": sent,
            "sendable": sent is None and day <= last_month(),
        },
    )


@login_required
@require_POST
def letter_send(request: HttpRequest, month: str) -> HttpResponse:
    _editor(request)
    day = _month(month)
    if day > last_month():
        messages.error(request, _("A month's letter goes once the month is over."))
    elif Letter.objects.filter(month=day, finished_at__isnull=False).exists():
        messages.error(request, _("This month's letter was sent already."))
    else:
        send_letter_task.enqueue(day.isoformat())
        messages.success(request, _("The letter is being sent, in the background."))
    return redirect("letters:letter-list")
