"""Calls for ideas, the ideas, consultations, and the steps people take on them (each through a
service)."""

import csv
from collections import defaultdict
from dataclasses import dataclass

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from missa.accounts.models import User
from missa.accounts.security import signed_in
from missa.actors.models import Actor
from missa.actors.rules import acting_memberships
from missa.core.models import Objective, Sector
from missa.core.pagination import paginate, stored_results
from missa.core.ratelimit import allow
from missa.discussion.views import comments_context

from .charts import consultation_results as consultation_results_of
from .charts import participants_chart
from .forms import AnswerForm, ConsultationForm, IdeaFilterForm, IdeaForm, ProposeForm
from .models import Answer, Call, Consultation, Idea, IdeaEvent, ParticipantCount, Response, Support
from .services import (
    answer_consultation,
    answer_idea,
    edit_idea,
    propose_idea,
    toggle_support,
    withdraw_idea,
)

# What one idea card reads.
CARD_FIELDS = (
    "pk",
    "title",
    "state",
    "support_count",
    "comment_count",
    "created_at",
    "is_hidden",
    "call__slug",
    "call__title_fr",
    "call__title_en",
    "call__opens_on",
    "call__closes_on",
    "call__supports_shown_while_open",
    "actor__name",
    "actor__slug",
    "actor__is_public",
    "author__display_name",
    "author__first_name",
    "author__last_name",
)


def get_call(slug: str) -> Call:
    """Return the published call with this slug, or raise Http404."""
    try:
        return Call.objects.published().select_related("phase", "organiser").get(slug=slug)
    except Call.DoesNotExist as error:
        raise Http404("No such call.") from error


def get_idea(pk: int) -> Idea:
    """Return the idea if anyone may open its page (its call is published), or raise Http404."""
    try:
        return Idea.objects.visible().select_related("call", "actor", "author").get(pk=pk)
    except Idea.DoesNotExist as error:
        raise Http404("No such idea.") from error


def _sectors_of(ideas: list[Idea]) -> dict[int, list[Sector]]:
    """Each idea's sectors, in their order, in one query for a whole page."""
    by_idea: dict[int, list[Sector]] = defaultdict(list)
    through = Idea.sectors.through.objects.filter(idea_id__in=[idea.pk for idea in ideas])
    for row in through.select_related("sector").order_by("sector__order", "sector__slug"):
        by_idea[row.idea_id].append(row.sector)
    return by_idea


@dataclass(frozen=True, slots=True)
class IdeaCard:
    """What a list shows of an idea: the same for every visitor (the lists are shared)."""

    idea: Idea
    sectors: list[Sector]


def idea_cards(ideas: list[Idea]) -> list[IdeaCard]:
    sectors = _sectors_of(ideas)
    return [IdeaCard(idea, sectors[idea.pk]) for idea in ideas]


def _idea_list_context(
    request: HttpRequest, *, call: Call | None
) -> tuple[dict[str, object], str | None]:
    """The filtered, sorted page of ideas (of one call, or of all); a URL to go to instead when
    the random order needs its seed."""
    calls = list(Call.objects.published().only("pk", "slug", "title_fr", "title_en", "idea_count"))
    sectors, objectives = list(Sector.objects.all()), list(Objective.objects.all())
    form = IdeaFilterForm(
        request.GET, calls=calls, sectors=sectors, objectives=objectives, with_call=call is None
    )
    filters = form.filters()
    if filters.get("sort") == "random" and "seed" not in filters:
        query = request.GET.copy()
        query["seed"] = str(IdeaFilterForm.new_seed())
        query.pop("page", None)
        return {}, f"{request.path}?{query.urlencode()}"
    if call is not None:
        filters["call"] = call.slug
        form.calls[call.slug] = call
    ideas: QuerySet[Idea] = (
        Idea.objects.visible().filter(is_hidden=False, state=Idea.State.WITHDRAWN)
        if filters.get("state") == Idea.State.WITHDRAWN
        else Idea.objects.listed()
    )
    ideas = form.apply(ideas, filters)
    chosen = set(filters) - IdeaFilterForm.PRESENTATION - {"call"}
    found = stored_results(ideas, "ideas") if "q" in filters else None
    if found is not None:
        page = paginate(request, found, "ideas")
    else:
        # Unfiltered: the stored figures of the calls, never a count of rows.
        if not chosen:
            count = sum(
                c.idea_count for c in calls if "call" not in filters or c.slug == filters["call"]
            )
        else:
            count = None
        # A page's ids first (a deep page walks an index, not the table), then its ideas.
        page = paginate(request, ideas.values_list("pk", flat=True), "ideas", count)
    wanted = list(page.object_list)
    by_pk = (
        Idea.objects.select_related("call", "actor", "author").only(*CARD_FIELDS).in_bulk(wanted)
    )
    page.object_list = [by_pk[pk] for pk in wanted if pk in by_pk]
    shown = {name: value for name, value in filters.items() if name != "call" or call is None}
    context = {
        "form": IdeaFilterForm(
            initial=shown,
            calls=calls,
            sectors=sectors,
            objectives=objectives,
            with_call=call is None,
        ),
        "filters": filters,
        "chosen": len(chosen - {"q"}),
        "filtered": bool(shown),
        "page": page,
        "cards": idea_cards(list(page.object_list)),
        "today": timezone.localdate(),
    }
    return context, None


@require_safe
def idea_list(request: HttpRequest) -> HttpResponse:
    context, seeded = _idea_list_context(request, call=None)
    if seeded:
        return redirect(seeded)  # the same list, its random order's seed in the address
    # The same for every visitor (core.templatetags.missa): signed-in people get it shared too.
    context["shared_content"] = ""
    template = "participation/idea_list.html"
    if request.headers.get("HX-Request") == "true":
        template += "#ideas"
    return render(request, template, context)


@require_safe
def call_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    calls = Call.objects.published().select_related("phase")
    closed = calls.closed_on(today).order_by("-closes_on", "-pk")
    return render(
        request,
        "participation/call_list.html",
        {
            "open_calls": list(calls.open_on(today).order_by("closes_on", "pk")),
            "upcoming_calls": list(calls.upcoming_on(today).order_by("opens_on", "pk")),
            "page": paginate(request, closed, "calls"),
            "consultations": list(
                Consultation.objects.published().select_related("phase").order_by("-closes_on")[:12]
            ),
            "shared_content": "",
        },
    )


@require_safe
def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_call(slug)
    context, seeded = _idea_list_context(request, call=call)
    if seeded:
        return redirect(seeded)  # the same list, its random order's seed in the address
    counts = list(ParticipantCount.objects.filter(call=call))
    context.update(
        {
            "call": call,
            "sectors_of_call": list(call.sectors.all()),
            "chart": participants_chart(counts, f"call-{call.pk}"),
            "can_propose": request.user.has_perm("participation.propose_idea", call),
            "supports_used": (
                Support.objects.filter(call=call, user=request.user).count()
                if request.user.is_authenticated
                else 0
            ),
        }
    )
    template = "participation/call_detail.html"
    if request.headers.get("HX-Request") == "true":
        template += "#ideas"
    return render(request, template, context)


def _organisations(user: User) -> list[Actor]:
    return [membership.actor for membership in acting_memberships(user)]


@login_required
def propose(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_call(slug)
    if not request.user.has_perm("participation.propose_idea", call):
        raise PermissionDenied
    if not call.is_open:
        messages.error(request, _("This call is not open: ideas cannot be proposed now."))
        return redirect(call)
    user = signed_in(request)
    form = ProposeForm(
        request.POST or None, request.FILES or None, organisations=_organisations(user)
    )
    if request.method == "POST" and form.is_valid():
        if not allow("propose", str(user.pk), limit=10, window=3600):
            messages.error(
                request, _("You have proposed many ideas in the last hour: please wait a little.")
            )
        else:
            data = form.cleaned_data
            image = data.get("image")
            try:
                idea = propose_idea(
                    call=call,
                    author=user,
                    title=data["title"],
                    text=data["text"],
                    sectors=data["sectors"],
                    objectives=data["objectives"],
                    actor=data["actor"],
                    image=image if isinstance(image, ContentFile) else None,
                    image_alt=data["image_alt"],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(call)
            messages.success(request, _("Thank you: your idea is published."))
            return redirect(idea)
    return render(request, "participation/propose.html", {"call": call, "form": form})


@require_safe
def idea_detail(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_idea(pk)
    user = request.user
    sectors = list(idea.sectors.all())
    similar = []
    if not idea.is_hidden:
        similar = (
            list(
                Idea.objects.listed()
                .filter(call_id=idea.call_id, sectors__in=[sector.pk for sector in sectors])
                .exclude(pk=idea.pk)
                .distinct()
                .order_by("-support_count", "-pk")
                .only("pk", "title", "support_count")[:3]
            )
            if sectors
            else []
        )
    context = {
        "idea": idea,
        "call": idea.call,
        "sectors": sectors,
        "objectives": list(idea.objectives.all()),
        "events": list(IdeaEvent.objects.filter(idea=idea).select_related("by")),
        "similar": similar,
        "supported": bool(
            user.is_authenticated and Support.objects.filter(idea=idea, user=user).exists()
        ),
        "can_change": rules.test_rule("participation.change_own_idea", user, idea),
        "can_answer": user.has_perm("participation.answer_idea"),
        **comments_context(request, idea),
    }
    return render(request, "participation/idea_detail.html", context)


def _back_to(request: HttpRequest, idea: Idea) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return redirect(target)
    return redirect(idea)


@login_required
@require_POST
def support(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_idea(pk)
    user = signed_in(request)
    error = ""
    if not allow("support", str(user.pk), limit=60, window=60):
        error = _("Many supports in a minute: please wait a moment.")
    else:
        try:
            supported = toggle_support(idea=idea, user=user)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            if request.headers.get("HX-Request") != "true":
                messages.success(
                    request,
                    _("Your support is counted.") if supported else _("Your support is withdrawn."),
                )
    if request.headers.get("HX-Request") == "true":
        idea.refresh_from_db(fields=["support_count"])
        return render(
            request,
            "participation/support.html",
            {
                "idea": idea,
                "call": idea.call,
                "supported": Support.objects.filter(idea=idea, user=user).exists(),
                "support_error": error,
                "next": request.POST.get("next", ""),
            },
        )
    if error:
        messages.error(request, error)
    return _back_to(request, idea)


def _own_idea(request: HttpRequest, pk: int) -> Idea:
    idea = get_idea(pk)
    if not rules.test_rule("participation.change_own_idea", request.user, idea):
        raise PermissionDenied
    return idea


@login_required
def idea_edit(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _own_idea(request, pk)
    if not idea.is_editable:
        messages.error(
            request, _("This idea can no longer be changed: people have supported or discussed it.")
        )
        return redirect(idea)
    initial = {
        "title": idea.title,
        "text": idea.text,
        "sectors": list(idea.sectors.all()),
        "objectives": list(idea.objectives.all()),
    }
    form = IdeaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = signed_in(request)
        try:
            edit_idea(
                idea=idea,
                by=user,
                title=data["title"],
                text=data["text"],
                sectors=data["sectors"],
                objectives=data["objectives"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your idea is changed; its earlier version is kept."))
        return redirect(idea)
    return render(request, "participation/idea_edit.html", {"idea": idea, "form": form})


@login_required
def idea_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _own_idea(request, pk)
    if request.method == "POST":
        user = signed_in(request)
        try:
            withdraw_idea(idea=idea, by=user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Your idea is withdrawn. It stays readable, marked as withdrawn.")
            )
        return redirect(idea)
    return render(request, "participation/idea_withdraw.html", {"idea": idea})


@login_required
def idea_answer(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("participation.answer_idea"):
        raise PermissionDenied
    idea = get_idea(pk)
    initial = {
        "state": idea.state if idea.state != Idea.State.PUBLISHED else "",
        "answer": idea.answer,
    }
    form = AnswerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        user = signed_in(request)
        try:
            answer_idea(
                idea=idea,
                by=user,
                state=form.cleaned_data["state"],
                answer=form.cleaned_data["answer"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The answer is published and sent to the idea's author."))
            return redirect(idea)
    return render(request, "participation/idea_answer.html", {"idea": idea, "form": form})


# Consultations.


def get_consultation(slug: str) -> Consultation:
    """Return the published consultation with this slug, or raise Http404."""
    try:
        return Consultation.objects.published().select_related("phase").get(slug=slug)
    except Consultation.DoesNotExist as error:
        raise Http404("No such consultation.") from error


def _own_response(request: HttpRequest, consultation: Consultation) -> Response | None:
    if not request.user.is_authenticated:
        return None
    return Response.objects.filter(consultation=consultation, user=request.user).first()


@require_safe
def consultation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = get_consultation(slug)
    return render(
        request,
        "participation/consultation_detail.html",
        {
            "consultation": consultation,
            "questions": list(consultation.questions.all()),
            "response": _own_response(request, consultation),
            "may_answer": request.user.has_perm("participation.take_part"),
        },
    )


@login_required
def consultation_answer(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = get_consultation(slug)
    user = signed_in(request)
    if not user.has_perm("participation.take_part"):
        raise PermissionDenied
    if not consultation.is_open:
        messages.error(request, _("This consultation is not open: it cannot be answered now."))
        return redirect(consultation)
    questions = list(consultation.questions.prefetch_related("options"))
    response = _own_response(request, consultation)
    earlier = list(response.answers.all()) if response else []
    form = ConsultationForm(request.POST or None, questions=questions, earlier=earlier)
    if request.method == "POST" and form.is_valid():
        try:
            answer_consultation(consultation=consultation, user=user, answers=form.answers())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _(
                    "Thank you: your answers are saved. You may change them until the "
                    "consultation closes."
                ),
            )
        return redirect(consultation)
    return render(
        request,
        "participation/consultation_answer.html",
        {"consultation": consultation, "form": form, "response": response},
    )


# Free answers listed per question on the results page.
TEXTS_SHOWN = 50


@require_safe
def consultation_results(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = get_consultation(slug)
    results = []
    if consultation.results_public:
        questions = list(consultation.questions.prefetch_related("options"))
        texts: dict[int, list[str]] = defaultdict(list)
        for question_id, text in (
            # By the questions' ids: the (question, published) index, whatever the answers.
            Answer.objects.filter(question_id__in=[q.pk for q in questions], is_published=True)
            .exclude(text="")
            .order_by("question_id", "pk")
            .values_list("question_id", "text")[: TEXTS_SHOWN * len(questions)]
        ):
            if len(texts[question_id]) < TEXTS_SHOWN:
                texts[question_id].append(text)
        results = consultation_results_of(consultation, questions, texts)
    return render(
        request,
        "participation/consultation_results.html",
        {"consultation": consultation, "results": results, "shared_content": ""},
    )


@login_required
@require_safe
def consultation_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """Every response, anonymised (a number per respondent), for editors."""
    if not request.user.has_perm("participation.export_answers"):
        raise PermissionDenied
    consultation = get_consultation(slug)
    questions = list(consultation.questions.prefetch_related("options"))
    options = {
        option.pk: option.text for question in questions for option in question.options.all()
    }
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{consultation.slug}-answers.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Respondent"), *(question.text for question in questions)])
    rows: dict[int, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for answer in Answer.objects.filter(response__consultation=consultation).order_by(
        "response_id", "question_id", "rank", "pk"
    ):
        value = options.get(answer.option_id or 0) or (
            str(answer.value) if answer.value else answer.text
        )
        rows[answer.response_id][answer.question_id].append(value)
    # Respondents are numbered in an order that says nothing about who they are.
    for number, response_id in enumerate(
        sorted(rows, key=lambda pk: hash((consultation.pk, pk)) % 1_000_003), start=1
    ):
        answers = rows[response_id]
        writer.writerow(
            [number, *(" | ".join(answers.get(question.pk, [])) for question in questions)]
        )
    return response
