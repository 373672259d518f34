"""Following from a page (a button that works with or without JavaScript) and the list of
what one follows."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from missa.accounts.models import User
from missa.core.pagination import paginate

from .models import Follow
from .services import follow, is_following, stop_following, unfollow
from .targets import FOLLOWABLE, find


@dataclass
class FollowedRow:
    """A line of the follows page: the follow, and what it follows if still public."""

    follow: Follow
    target: models.Model | None


@dataclass
class FollowGroup:
    """What one follows of a kind (actors, sectors…), under its heading."""

    heading: Any
    order: int
    rows: list[FollowedRow] = field(default_factory=list)


def _target(label: str, pk: int) -> models.Model:
    target = find(label, pk)
    if target is None:
        raise Http404("Nothing to follow here.")
    return target


def _button(request: HttpRequest, label: str, target: models.Model) -> HttpResponse:
    return render(
        request,
        "follows/button.html",
        {
            "label": label,
            "target": target,
            "following": is_following(request.user, target),
            "next": request.GET.get("next") or request.POST.get("next") or "",
        },
    )


@require_safe
def button(request: HttpRequest, label: str, pk: int) -> HttpResponse:
    """The follow button of a page, for this person (pages themselves are the same for all)."""
    return _button(request, label, _target(label, pk))


@login_required
def follow_target(request: HttpRequest, label: str, pk: int) -> HttpResponse:
    """Follow or unfollow something: its page's button, or this page without JavaScript."""
    target = _target(label, pk)
    if request.method == "POST":
        if not request.user.has_perm("follows.follow"):
            raise PermissionDenied
        if request.POST.get("action") == "unfollow":
            unfollow(user=request.user, target=target)
            done = _("You no longer follow “%(name)s”.")
        else:
            follow(user=request.user, target=target)
            done = _("You follow “%(name)s”: it is in what you follow.")
        if request.headers.get("HX-Request") == "true":
            return _button(request, label, target)
        messages.success(request, done % {"name": target})
        back = request.POST.get("next", "")
        if back and url_has_allowed_host_and_scheme(
            back, {request.get_host()}, request.is_secure()
        ):
            return redirect(back)
        return redirect("follows:follow", label=label, pk=pk)
    return render(
        request,
        "follows/follow.html",
        {
            "label": label,
            "target": target,
            "following": is_following(request.user, target),
            "next": "",
        },
    )


@login_required
@require_safe
def follow_list(request: HttpRequest) -> HttpResponse:
    """What the person follows, by kind, each with its page and a button to stop."""
    user = request.user
    assert isinstance(user, User)  # login_required
    follows = Follow.objects.filter(user=user).select_related("content_type")
    page = paginate(request, follows.order_by("content_type_id", "-created_at", "-pk"), "follows")
    wanted: dict[ContentType, list[int]] = defaultdict(list)
    for row in page.object_list:
        wanted[row.content_type].append(row.object_id)
    found: dict[tuple[int, int], models.Model] = {}
    for content_type, ids in wanted.items():
        label = f"{content_type.app_label}.{content_type.model}"
        followable = FOLLOWABLE.get(label)
        if followable is None:
            continue
        for target in followable.public().filter(pk__in=ids):
            found[(content_type.pk, target.pk)] = target
    groups: dict[str, FollowGroup] = {}
    for row in page.object_list:
        label = f"{row.content_type.app_label}.{row.content_type.model}"
        followable = FOLLOWABLE.get(label)
        if followable is None:
            continue
        group = groups.setdefault(label, FollowGroup(followable.heading, followable.order))
        group.rows.append(FollowedRow(row, found.get((row.content_type_id, row.object_id))))
    ordered = sorted(groups.values(), key=lambda group: group.order)
    return render(request, "follows/follow_list.html", {"page": page, "groups": ordered})


@login_required
@require_POST
def stop(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop following, from the list (even what is no longer public)."""
    user = request.user
    assert isinstance(user, User)  # login_required
    found = Follow.objects.filter(user=user, pk=pk).first()
    if found is None:
        raise Http404("No such follow.")
    stop_following(user=request.user, follow=found)
    messages.success(request, _("You no longer follow it."))
    return redirect("follows:follow-list")
