"""The API's participation: calls for ideas, their ideas with their comments, and the results
of consultations once public (missa.api). What a visitor sees on the site, no more: no
address of a participant, nothing hidden by moderation, supports only where the call shows
them, free answers only those the editors published."""

import datetime
from collections import defaultdict
from typing import Annotated, Any, Literal

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from missa.core.models import Objective, Sector
from missa.core.rest import (
    Page,
    PageQuery,
    SearchText,
    SlugFilter,
    Text,
    absolute,
    known,
    one_of,
    page_of,
    responses,
    texts,
)
from missa.discussion.models import Comment

from .forms import IdeaFilterForm
from .models import Answer, Call, Consultation, Idea, Option, PeriodStatus, Question

router = Router(tags=["participation"])

# Free answers shown per question, as on the results page.
TEXTS_SHOWN = 50


class CallOut(Schema):
    slug: str
    title: Text
    question: Text
    description: Text = Field(description="Markdown.")
    opens_on: datetime.date
    closes_on: datetime.date = Field(description="The last day to take part.")
    status: Annotated[str, one_of(PeriodStatus)]
    organiser: str = Field(description="The organising actor's name.")
    sectors: list[str] = Field(description="Slugs of its sectors.")
    objectives: list[str] = Field(description="Slugs of its objectives.")
    idea_count: int
    support_count: int | None = Field(
        description="null while the call is open if it shows supports only once closed."
    )
    comment_count: int
    participant_count: int
    outcome: Text = Field(description="What was retained and where it went, once closed.")
    outcome_link: str | None
    url: str


class CallPage(Page):
    results: list[CallOut]


class ProposedBy(Schema):
    actor: str | None = Field(description="The organisation's slug, when public.")
    name: str = Field(description="The organisation's name or the person's public name.")


class IdeaOut(Schema):
    id: int
    call: str = Field(description="The call's slug (see /calls/{slug}/).")
    hidden: bool = Field(description="Hidden by moderation: its title and text are not shown.")
    title: str | None
    text: str | None = Field(description="Markdown; null when hidden.")
    state: Annotated[str, one_of(Idea.State)]
    proposed_by: ProposedBy | None = Field(description="null for a former participant.")
    proposed_at: datetime.datetime
    sectors: list[str]
    objectives: list[str]
    support_count: int | None = Field(description="null where its call hides supports yet.")
    comment_count: int
    answer: str | None = Field(description="The official answer (Markdown), once given.")
    answered_at: datetime.datetime | None
    url: str


class IdeaPage(Page):
    results: list[IdeaOut]


class IdeaFilters(Schema):
    q: SearchText = Field(None, max_length=100, description="Words of the title.")
    call: SlugFilter = Field(None, description="A call's slug.")
    sector: SlugFilter = Field(None, description="A sector's slug.")
    objective: SlugFilter = Field(None, description="An objective's slug.")
    state: Annotated[str, one_of(Idea.State)] | None = None
    sort: Literal["supported", "discussed", "newest"] | None = Field(
        None, description="The most supported first unless told."
    )


class CommentOut(Schema):
    id: int
    author: str | None = Field(description="The person's public name; null for a former one.")
    text: str | None = Field(description="null when deleted by its author or hidden.")
    state: Literal["shown", "deleted", "hidden"]
    written_at: datetime.datetime
    edited_at: datetime.datetime | None
    replies: list["CommentOut"] = Field(description="Its replies, oldest first (one level).")


class CommentPage(Page):
    results: list[CommentOut]


class OptionResult(Schema):
    text: Text
    count: int = Field(description="People who chose it; points for a ranking (5 for a first…).")


class QuestionResult(Schema):
    number: int
    kind: Annotated[str, one_of(Question.Kind)]
    text: Text
    answered: int = Field(description="People who answered it.")
    options: list[OptionResult] = Field(description="For choices and rankings.")
    scale: list[int] = Field(description="For a scale: how many answered 1, 2, 3, 4 and 5.")
    texts: list[str] = Field(
        description=f"Free answers the editors published (at most {TEXTS_SHOWN})."
    )


class ConsultationOut(Schema):
    slug: str
    title: Text
    description: Text
    opens_on: datetime.date
    closes_on: datetime.date
    status: Annotated[str, one_of(PeriodStatus)]
    response_count: int
    results_public: bool
    url: str


class ConsultationPage(Page):
    results: list[ConsultationOut]


class ConsultationResults(ConsultationOut):
    questions: list[QuestionResult] | None = Field(
        description="null until the results are public (when it closes, or while open if it "
        "says so)."
    )


def _calls() -> Any:
    return (
        Call.objects.published()
        .select_related("organiser")
        .prefetch_related(
            Prefetch("sectors", queryset=Sector.objects.only("pk", "slug")),
            Prefetch("objectives", queryset=Objective.objects.only("pk", "slug")),
        )
    )


def _call(request: HttpRequest, call: Call) -> dict[str, Any]:
    return {
        "slug": call.slug,
        **{name: texts(call, name) for name in ("title", "question", "description", "outcome")},
        "opens_on": call.opens_on,
        "closes_on": call.closes_on,
        "status": call.status,
        "organiser": call.organiser.name,
        "sectors": [term.slug for term in call.sectors.all()],
        "objectives": [term.slug for term in call.objectives.all()],
        "idea_count": call.idea_count,
        "support_count": call.support_count if call.shows_supports else None,
        "comment_count": call.comment_count,
        "participant_count": call.participant_count,
        "outcome_link": call.outcome_link or None,
        "url": absolute(request, call.get_absolute_url()),
    }


@router.get("/calls/", response=responses(CallPage), summary="Calls for ideas")
def list_calls(request: HttpRequest, paging: Query[PageQuery]) -> dict[str, Any]:
    """The calls for ideas put to everyone, the latest opened first, with their stored figures."""
    calls = _calls().order_by("-opens_on", "-pk")
    return page_of(request, calls, paging, lambda rows: [_call(request, row) for row in rows])


@router.get("/calls/{slug}/", response=responses(CallOut), summary="A call for ideas")
def get_call(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One call for ideas, with its figures and, once closed, its outcome."""
    call = _calls().filter(slug=slug).first()
    if call is None:
        raise Http404
    return _call(request, call)


def _ideas() -> Any:
    return Idea.objects.select_related("call", "actor", "author").prefetch_related(
        Prefetch("sectors", queryset=Sector.objects.only("pk", "slug")),
        Prefetch("objectives", queryset=Objective.objects.only("pk", "slug")),
    )


def _proposed_by(idea: Idea) -> dict[str, Any] | None:
    if idea.actor is not None:
        return {"actor": idea.actor.slug if idea.actor.is_public else None, "name": idea.actor.name}
    if idea.author is not None:
        return {"actor": None, "name": idea.author.greeting_name or str(_("A participant"))}
    return None


def _idea(request: HttpRequest, idea: Idea) -> dict[str, Any]:
    hidden = idea.is_hidden
    return {
        "id": idea.pk,
        "call": idea.call.slug,
        "hidden": hidden,
        "title": None if hidden else idea.title,
        "text": None if hidden else idea.text,
        "state": idea.state,
        "proposed_by": _proposed_by(idea),
        "proposed_at": idea.created_at,
        "sectors": [term.slug for term in idea.sectors.all()],
        "objectives": [term.slug for term in idea.objectives.all()],
        "support_count": idea.support_count if idea.call.shows_supports else None,
        "comment_count": idea.comment_count,
        "answer": (idea.answer or None) if idea.is_answered else None,
        "answered_at": idea.answered_at if idea.is_answered else None,
        "url": absolute(request, idea.get_absolute_url()),
    }


@router.get("/ideas/", response=responses(IdeaPage), summary="Ideas")
def list_ideas(
    request: HttpRequest, filters: Query[IdeaFilters], paging: Query[PageQuery]
) -> dict[str, Any]:
    """The ideas of every published call (or of one), the most supported first, filtered as
    the ideas' page filters them. Withdrawn ideas only with state=withdrawn."""
    calls = list(Call.objects.published().only("pk", "slug", "idea_count", "published_at"))
    form = IdeaFilterForm(
        calls=calls, sectors=list(Sector.objects.all()), objectives=list(Objective.objects.all())
    )
    chosen = filters.dict(exclude_none=True)
    for name, terms in (
        ("call", form.calls),
        ("sector", form.sectors),
        ("objective", form.objectives),
    ):
        if name in chosen:
            known(name, chosen[name], terms)
    if not str(chosen.get("q", "")).strip():
        chosen.pop("q", None)
    ideas: QuerySet[Idea] = (
        Idea.objects.visible().filter(is_hidden=False, state=Idea.State.WITHDRAWN)
        if chosen.get("state") == Idea.State.WITHDRAWN
        else Idea.objects.listed()
    )
    ids = form.apply(ideas, chosen).values_list("pk", flat=True)
    # Unfiltered: the calls' stored figures, never a count of rows.
    count = None
    if not set(chosen) - {"sort", "call"}:
        count = sum(c.idea_count for c in calls if chosen.get("call") in (None, c.slug))

    def serialize(page_ids: list[int]) -> list[dict[str, Any]]:
        by_pk = _ideas().in_bulk(page_ids)
        return [_idea(request, by_pk[pk]) for pk in page_ids if pk in by_pk]

    # A page's ids first (a deep page walks an index, not the table), then its ideas.
    return page_of(request, ids, paging, serialize, count)


def _visible_idea(idea_id: int) -> Idea:
    idea = _ideas().filter(pk=idea_id, call__published_at__isnull=False).first()
    if idea is None:
        raise Http404
    return idea


@router.get("/ideas/{idea_id}/", response=responses(IdeaOut), summary="An idea")
def get_idea(request: HttpRequest, idea_id: int) -> dict[str, Any]:
    """One idea, with its state and the official answer once given. An idea hidden by
    moderation keeps its place without its title and text."""
    return _idea(request, _visible_idea(idea_id))


def _comment(comment: Comment, replies: list[Comment]) -> dict[str, Any]:
    state = "hidden" if comment.hidden_at else "deleted" if comment.deleted_at else "shown"
    author = comment.author
    return {
        "id": comment.pk,
        "author": (author.greeting_name or str(_("A participant"))) if author else None,
        "text": comment.text if state == "shown" else None,
        "state": state,
        "written_at": comment.created_at,
        "edited_at": comment.edited_at,
        "replies": [_comment(reply, []) for reply in replies],
    }


@router.get(
    "/ideas/{idea_id}/comments/", response=responses(CommentPage), summary="An idea's comments"
)
def list_idea_comments(
    request: HttpRequest, idea_id: int, paging: Query[PageQuery]
) -> dict[str, Any]:
    """The discussion of an idea: its comments, oldest first, each with its replies. A comment
    deleted or hidden keeps its place without its text."""
    idea = _visible_idea(idea_id)
    threads = Comment.objects.on(idea).filter(parent=None).select_related("author")

    def serialize(top: list[Comment]) -> list[dict[str, Any]]:
        replies: dict[int, list[Comment]] = defaultdict(list)
        with_replies = [comment.pk for comment in top if comment.reply_count]
        if with_replies:
            for reply in (
                Comment.objects.filter(parent__in=with_replies)
                .select_related("author")
                .order_by("created_at", "pk")
            ):
                replies[reply.parent_id or 0].append(reply)
        return [_comment(comment, replies[comment.pk]) for comment in top]

    return page_of(request, threads.order_by("created_at", "pk"), paging, serialize)


def _consultation(request: HttpRequest, consultation: Consultation) -> dict[str, Any]:
    return {
        "slug": consultation.slug,
        "title": texts(consultation, "title"),
        "description": texts(consultation, "description"),
        "opens_on": consultation.opens_on,
        "closes_on": consultation.closes_on,
        "status": consultation.status,
        "response_count": consultation.response_count,
        "results_public": consultation.results_public,
        "url": absolute(request, consultation.get_absolute_url()),
    }


@router.get("/consultations/", response=responses(ConsultationPage), summary="Consultations")
def list_consultations(request: HttpRequest, paging: Query[PageQuery]) -> dict[str, Any]:
    """The published consultations, the latest closing first."""
    consultations = Consultation.objects.published().order_by("-closes_on", "-pk")
    return page_of(
        request, consultations, paging, lambda rows: [_consultation(request, row) for row in rows]
    )


def _question(number: int, question: Question, published: list[str]) -> dict[str, Any]:
    tally = question.tally
    options: list[Option] = list(question.options.all()) if question.has_options else []
    return {
        "number": number,
        "kind": question.kind,
        "text": texts(question, "text"),
        "answered": question.answered,
        "options": [
            {"text": texts(option, "text"), "count": int(tally.get(str(option.pk), 0))}
            for option in options
        ],
        "scale": (
            [int(tally.get(str(value), 0)) for value in range(1, 6)]
            if question.kind == Question.Kind.SCALE
            else []
        ),
        "texts": published,
    }


@router.get(
    "/consultations/{slug}/results/",
    response=responses(ConsultationResults),
    summary="A consultation's results",
)
def get_consultation_results(request: HttpRequest, slug: str) -> dict[str, Any]:
    """A consultation's stored results, question by question, once they are public (when it
    closes, or while open if it says so)."""
    consultation = Consultation.objects.published().filter(slug=slug).first()
    if consultation is None:
        raise Http404
    public = consultation.results_public
    if not public:
        return {**_consultation(request, consultation), "questions": None}
    questions = list(consultation.questions.prefetch_related("options"))
    published: dict[int, list[str]] = defaultdict(list)
    if questions:
        for question_id, text in (
            Answer.objects.filter(question_id__in=[q.pk for q in questions], is_published=True)
            .exclude(text="")
            .order_by("question_id", "pk")
            .values_list("question_id", "text")[: TEXTS_SHOWN * len(questions)]
        ):
            if len(published[question_id]) < TEXTS_SHOWN:
                published[question_id].append(text)
    return {
        **_consultation(request, consultation),
        "questions": [
            _question(number, question, published[question.pk])
            for number, question in enumerate(questions, start=1)
        ],
    }
