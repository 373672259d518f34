"""Applying to the network, following one's applications, and the committee's review queue."""

from collections import defaultdict
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from missa.accounts.models import User
from missa.actors.figures import MEMBER_ROLES, network_figures
from missa.actors.models import Actor, ActorRole, monogram_colours
from missa.charter.models import CharterVersion
from missa.core.pagination import paginate
from missa.core.ratelimit import allow

from . import services
from .forms import ApplicationForm, QueueFilterForm, ReasonForm
from .models import Application, Question

# Applications sent (valid or not) per person and hour.
APPLY_LIMIT = 10
APPLY_WINDOW = 3600


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _get_own_application(request: HttpRequest, pk: int) -> Application:
    """Return the signed-in user's application, or raise Http404 (never someone else's)."""
    try:
        return Application.objects.select_related("charter_version", "actor").get(
            pk=pk, applicant=_user(request)
        )
    except Application.DoesNotExist as error:
        raise Http404("No such application.") from error


def reviewer_required[**P](view: Callable[P, HttpResponse]) -> Callable[P, HttpResponse]:
    """The committee's review: sign in first, then the permission (which needs 2FA)."""
    checked = permission_required("applications.review_application", raise_exception=True)(view)
    return login_required(checked)


def _get_application_to_review(pk: int) -> Application:
    """Return an application for a reviewer (access is checked by reviewer_required), or 404."""
    try:
        return Application.objects.select_related(
            "applicant", "charter_version", "actor", "decided_by"
        ).get(pk=pk)
    except Application.DoesNotExist as error:
        raise Http404("No such application.") from error


@require_safe
def join(request: HttpRequest) -> HttpResponse:
    """Become an ambassador: what one commits to, receives, pays, how long review takes, FAQ."""
    charter = CharterVersion.objects.current()
    commitments = list(charter.commitments.order_by("order", "pk")) if charter else []
    context = {
        "charter": charter,
        "required": [commitment for commitment in commitments if commitment.is_required],
        "optional": [commitment for commitment in commitments if not commitment.is_required],
        "questions": list(Question.objects.all()),
        "apply_url": reverse("applications:apply"),
        # The same for every visitor, and for every signed-in person (the way to apply differs).
        "shared_content": "signed-in" if request.user.is_authenticated else "",
    }
    return render(request, "applications/join.html", context)


@login_required
def apply(request: HttpRequest) -> HttpResponse:
    charter = CharterVersion.objects.current()
    if charter is None:
        return render(request, "applications/apply.html", {"form": None})
    form = ApplicationForm(
        request.POST or None,
        request.FILES or None,
        applicant=_user(request),
        charter_version=charter,
    )
    if request.method == "POST" and not allow(
        "apply", str(request.user.pk), limit=APPLY_LIMIT, window=APPLY_WINDOW
    ):
        return render(request, "429.html", status=429)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.submit_application(
                application=form.save(),
                sectors=form.cleaned_data["sectors"],
                commitments=form.cleaned_data["commitments"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Your application is submitted: you will receive an email at each step.")
            )
            return redirect(application)
    return render(
        request,
        "applications/apply.html",
        {
            "form": form,
            "charter": charter,
            "required": charter.commitments.filter(is_required=True),
        },
    )


@login_required
@require_safe
def my_applications(request: HttpRequest) -> HttpResponse:
    applications = Application.objects.filter(applicant=_user(request)).order_by(
        "-created_at", "-pk"
    )
    page = paginate(request, applications, "my_applications")
    return render(request, "applications/my_applications.html", {"page": page})


@login_required
@require_safe
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_own_application(request, pk)
    events = application.events.order_by("at", "pk")
    return render(
        request,
        "applications/application_detail.html",
        {"application": application, "events": events},
    )


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_own_application(request, pk)
    try:
        services.withdraw_application(application=application, applicant=_user(request))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Done: your application is withdrawn."))
    return redirect(application)


@reviewer_required
@require_safe
def review_queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET)
    filters = form.filters()
    applications = Application.objects.select_related("applicant")
    if "status" in filters:
        applications = applications.filter(status=filters["status"])
    else:
        applications = applications.open()
    if "kind" in filters:
        applications = applications.filter(kind=filters["kind"])
    page = paginate(request, applications.order_by("created_at", "pk"), "review_queue")
    return render(
        request,
        "applications/review_queue.html",
        {
            "form": QueueFilterForm(initial=filters),
            "filters": filters,
            "chosen": len(filters),
            "page": page,
        },
    )


@reviewer_required
@require_safe
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application_to_review(pk)
    return render(request, "applications/review_detail.html", _review_context(application))


def _review_context(
    application: Application, reason_form: ReasonForm | None = None
) -> dict[str, object]:
    return {
        "application": application,
        "sectors": list(application.sectors.all()),
        "commitments": list(application.commitments.order_by("order", "pk")),
        "events": list(application.events.select_related("by").order_by("at", "pk")),
        "reason_form": reason_form or ReasonForm(for_status=application.status),
    }


def _decided(
    request: HttpRequest, application: Application, decide: Callable[[], object], done: str
) -> HttpResponse:
    """Take one decision; a refusal by the service (already decided…) comes back as a message."""
    try:
        decide()
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, done)
    return redirect("applications:review-detail", pk=application.pk)


@reviewer_required
@require_POST
def review_start(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application_to_review(pk)
    return _decided(
        request,
        application,
        lambda: services.start_review(application=application, reviewer=_user(request)),
        _("The applicant is told that you are reviewing it."),
    )


@reviewer_required
@require_POST
def review_approve(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application_to_review(pk)
    return _decided(
        request,
        application,
        lambda: services.approve_application(application=application, reviewer=_user(request)),
        _("Approved: the actor is now in the network."),
    )


def _decided_with_reason(
    request: HttpRequest,
    application: Application,
    decide: Callable[[str], object],
    done: str,
) -> HttpResponse:
    """A decision that needs a reason: without one, the page again with the form's error."""
    form = ReasonForm(request.POST, for_status=application.status)
    if not form.is_valid():
        return render(
            request, "applications/review_detail.html", _review_context(application, form)
        )
    return _decided(request, application, lambda: decide(form.cleaned_data["reason"]), done)


@reviewer_required
@require_POST
def review_reject(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application_to_review(pk)
    return _decided_with_reason(
        request,
        application,
        lambda reason: services.reject_application(
            application=application, reviewer=_user(request), reason=reason
        ),
        _("Rejected: the applicant is told why."),
    )


@reviewer_required
@require_POST
def review_suspend(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application_to_review(pk)
    return _decided_with_reason(
        request,
        application,
        lambda reason: services.suspend_membership(
            application=application, reviewer=_user(request), reason=reason
        ),
        _("Suspended: the member is told why."),
    )


@require_safe
def register(request: HttpRequest) -> HttpResponse:
    figures = network_figures()
    members = Actor.objects.public().with_role(*MEMBER_ROLES).order_by("name", "pk")
    # The count is the home page's: the same stored figure, never a second count.
    page = paginate(
        request, members.only("pk", "name", "slug", "logo"), "register", figures.members
    )
    roles: dict[int, list[ActorRole]] = defaultdict(list)
    for role in (
        ActorRole.objects.current()
        .filter(actor_id__in=[actor.pk for actor in page.object_list], role__in=MEMBER_ROLES)
        .order_by("start_date", "pk")
    ):
        roles[role.actor_id].append(role)
    colours = monogram_colours([actor.pk for actor in page.object_list])
    rows = [(actor, roles[actor.pk], colours.get(actor.pk, "")) for actor in page.object_list]
    return render(
        request,
        "applications/register.html",
        {"page": page, "rows": rows, "figures": figures, "shared_content": ""},
    )
