"""A discussion under any discussed object, the steps on comments, reports, and the
moderators' queue."""

from typing import Any

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from missa.accounts.models import User
from missa.accounts.security import signed_in
from missa.core.pagination import paginate
from missa.core.ratelimit import allow

from .forms import CommentForm, ReasonForm
from .models import Comment, Report
from .registry import DISCUSSED, REPORTED, label
from .services import delete_comment, dismiss, edit_comment, hide, post_comment, report

ORDERS = {"oldest": ("created_at", "pk"), "newest": ("-created_at", "-pk")}


def comment_order(request: HttpRequest) -> str:
    order = request.GET.get("comments", "")
    return order if order in ORDERS else "oldest"


def comments_context(request: HttpRequest, target: Any) -> dict[str, object]:
    """The first (or asked) page of a discussion, with its replies: for the target's page."""
    order = comment_order(request)
    threads = Comment.objects.on(target).filter(parent=None).select_related("author")
    page = paginate(request, threads.order_by(*ORDERS[order]), "comments")
    top = list(page.object_list)
    replies: dict[int, list[Comment]] = {comment.pk: [] for comment in top}
    if any(comment.reply_count for comment in top):
        for reply in (
            Comment.objects.filter(parent__in=[c.pk for c in top if c.reply_count])
            .select_related("author")
            .order_by("created_at", "pk")
        ):
            replies[reply.parent_id or 0].append(reply)
    page.object_list = top
    user = request.user
    return {
        "discussion": {
            "target": target,
            "label": label(target),
            "page": page,
            "threads": [(comment, replies[comment.pk]) for comment in top],
            "order": order,
            "open": target.discussion_open(),
            "may_comment": user.has_perm("discussion.comment"),
            "now": timezone.now(),
            "form": CommentForm(),
        }
    }


def _target(target_label: str, pk: int, registry: dict[str, type[Model]]) -> Any:
    model = registry.get(target_label)
    if model is None:
        raise Http404("Nothing to discuss here.")
    found = model._default_manager.filter(pk=pk).first()
    if found is None:
        raise Http404("No such object.")
    return found


def _thread_url(target: Any, comment: Comment, order: str) -> str:
    """The target's page at the page of comment's thread, anchored on it."""
    thread = comment.parent or comment
    earlier = Comment.objects.on(target).filter(parent=None)
    if order == "newest":
        earlier = earlier.filter(created_at__gt=thread.created_at)
    else:
        earlier = earlier.filter(created_at__lt=thread.created_at)
    number = earlier.count() // settings.MISSA_PAGE_SIZES["comments"] + 1
    return f"{target.get_absolute_url()}?comments={order}&page={number}#comment-{comment.pk}"


@login_required
@require_POST
def comment_post(request: HttpRequest, target_label: str, pk: int) -> HttpResponse:
    target = _target(target_label, pk, DISCUSSED)
    user = signed_in(request)
    if not user.has_perm("discussion.comment"):
        raise PermissionDenied
    order = request.POST.get("comments", "")
    order = order if order in ORDERS else "oldest"
    form = CommentForm(request.POST)
    parent = None
    if request.POST.get("parent", "").isdigit():
        parent = Comment.objects.filter(pk=int(request.POST["parent"])).first()
    error, comment = "", None
    if not allow("comment", str(user.pk), limit=10, window=60):
        error = _("Many comments in a minute: please wait a moment.")
    elif not form.is_valid():
        error = " ".join(str(message) for message in form.errors.get("text", [])) or _(
            "Write your comment."
        )
    else:
        try:
            comment = post_comment(
                target=target, author=user, text=form.cleaned_data["text"], parent=parent
            )
        except ValidationError as refused:
            error = " ".join(refused.messages)
    if request.headers.get("HX-Request") == "true":
        context = comments_context(request, target)
        context["discussion"]["error"] = error  # type: ignore[index]
        context["discussion"]["posted"] = comment  # type: ignore[index]
        return render(request, "discussion/comments.html", context)
    if error:
        messages.error(request, error)
        return redirect(target.get_absolute_url() + "#comments")
    assert comment is not None
    messages.success(request, _("Your comment is published."))
    return redirect(_thread_url(target, comment, order))


def _own_comment(request: HttpRequest, pk: int) -> Comment:
    try:
        comment = Comment.objects.get(pk=pk)
    except Comment.DoesNotExist as error:
        raise Http404("No such comment.") from error
    if not rules.test_rule("discussion.change_own_comment", request.user, comment):
        raise PermissionDenied
    return comment


@login_required
def comment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _own_comment(request, pk)
    target = comment.target
    if not comment.is_editable_on(timezone.now()):
        messages.error(
            request, _("A comment can be changed in the 15 minutes after it is written.")
        )
        return redirect(comment.get_absolute_url())
    form = CommentForm(request.POST or None, initial={"text": comment.text})
    if request.method == "POST" and form.is_valid():
        try:
            edit_comment(comment=comment, by=signed_in(request), text=form.cleaned_data["text"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your comment is changed."))
        return redirect(_thread_url(target, comment, "oldest"))
    return render(
        request, "discussion/edit.html", {"comment": comment, "target": target, "form": form}
    )


@login_required
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _own_comment(request, pk)
    target = comment.target
    if request.method == "POST":
        delete_comment(comment=comment, by=signed_in(request))
        messages.success(request, _("Your comment is deleted."))
        return redirect(_thread_url(target, comment, "oldest"))
    return render(request, "discussion/delete.html", {"comment": comment, "target": target})


@login_required
def report_content(request: HttpRequest, target_label: str, pk: int) -> HttpResponse:
    if target_label == label(Comment):
        target = _target(target_label, pk, {target_label: Comment})
    else:
        target = _target(target_label, pk, REPORTED)
    user = signed_in(request)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not allow("report", str(user.pk), limit=10, window=3600):
            messages.error(
                request, _("You have sent many reports in the last hour: please wait a little.")
            )
        else:
            try:
                report(target=target, reporter=user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Thank you: the moderators will look at it."))
            return redirect(target.get_absolute_url())
    return render(request, "discussion/report.html", {"target": target, "form": form})


def _moderator(request: HttpRequest) -> User:
    user = signed_in(request)
    if not user.has_perm("discussion.moderate"):
        raise PermissionDenied
    return user


@login_required
@require_safe
def moderation_queue(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    decided = request.GET.get("status") == "decided"
    reports = Report.objects.select_related("reporter", "decided_by", "content_type")
    reports = (
        reports.exclude(status=Report.Status.OPEN).order_by("-decided_at", "-pk")
        if decided
        else reports.filter(status=Report.Status.OPEN).order_by("created_at", "pk")
    )
    page = paginate(request, reports, "reports")
    listed = list(page.object_list)
    # The reported contents, one query per kind of content on the page.
    wanted: dict[int, list[int]] = {}
    for item in listed:
        wanted.setdefault(item.content_type_id, []).append(item.object_id)
    contents: dict[tuple[int, int], Any] = {}
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is not None:
            found = model._default_manager.filter(pk__in=ids)
            if model is Comment:
                found = found.prefetch_related("target")  # where each is, for its link
            for obj in found:
                contents[(type_id, obj.pk)] = obj
    page.object_list = [
        (item, contents.get((item.content_type_id, item.object_id))) for item in listed
    ]
    return render(
        request,
        "discussion/queue.html",
        {"page": page, "decided": decided, "form": ReasonForm()},
    )


def _report(pk: int) -> Report:
    try:
        return Report.objects.get(pk=pk)
    except Report.DoesNotExist as error:
        raise Http404("No such report.") from error


@login_required
def moderation_hide(request: HttpRequest, pk: int) -> HttpResponse:
    user = _moderator(request)  # the permission, then the method
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    decided = _report(pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why it is hidden: its author will read it."))
    else:
        try:
            hide(report=decided, by=user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Hidden; its author is told why."))
    return redirect("discussion:moderation")


@login_required
def moderation_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    user = _moderator(request)  # the permission, then the method
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        dismiss(report=_report(pk), by=user, reason=request.POST.get("reason", "")[:1000])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Dismissed: the content stays as it is."))
    return redirect("discussion:moderation")
