"""Every step of co-construction, and the only way it happens: publishing a call, proposing,
editing, withdrawing and answering an idea, supporting it, taking part. Each step keeps the
stored figures in step and writes to the ledger what the journal should say.
"""

import datetime
from collections.abc import Iterable

import rules
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from missa.accounts.models import User
from missa.activity.models import Activity
from missa.activity.services import record_activity, titles_in_both
from missa.actors.models import Actor
from missa.core.counting import count_by
from missa.core.models import Objective, Sector
from missa.discussion.models import Comment
from missa.notifications.models import Notification
from missa.notifications.services import notify

from .models import (
    ANSWER_STATES,
    ANSWERED_STATES,
    Answer,
    Call,
    Consultation,
    Idea,
    IdeaEvent,
    IdeaRevision,
    Participant,
    ParticipantCount,
    Question,
    Response,
    Support,
)

# The site's first language: every translated text has it (modeltranslation's fallback).
FIRST_LANGUAGE = settings.LANGUAGE_CODE


def _today(on: datetime.date | None) -> datetime.date:
    return on or timezone.localdate()


# Calls.


@transaction.atomic
def publish_call(*, call: Call, on: datetime.date | None = None) -> Call:
    """Publish a call: its page opens, and the journal says its organiser opened it (on the
    day it opens, or today when it is announced ahead)."""
    locked = Call.objects.select_for_update().get(pk=call.pk)
    if locked.published_at is not None:
        raise ValidationError(_("This call is already published."), code="published")
    locked.published_at = timezone.now()
    locked.save(update_fields=["published_at"])
    record_activity(
        actor=locked.organiser,
        kind=Activity.Kind.OPENED_CALL,
        **titles_in_both(call_titles, locked),
        date=min(locked.opens_on, _today(on)),
        sectors=list(locked.sectors.all()),
        related=locked,
    )
    call.published_at = locked.published_at
    return locked


def call_titles(language: str, call: Call) -> str:
    title = getattr(call, f"title_{language}") or getattr(call, f"title_{FIRST_LANGUAGE}")
    return _("Call for ideas: %(title)s") % {"title": title}


def results_titles(language: str, call: Call, count: int) -> str:
    title = getattr(call, f"title_{language}") or getattr(call, f"title_{FIRST_LANGUAGE}")
    return _("Results of the call “%(title)s”: %(count)s ideas retained") % {
        "title": title,
        "count": count,
    }


def idea_titles(language: str, idea: Idea, kind: str) -> str:
    if kind == Activity.Kind.CONTRIBUTED_IDEA:
        return _("Idea: %(title)s") % {"title": idea.title}
    return _("New idea from an inhabitant: %(title)s") % {"title": idea.title}


def answer_titles(language: str, idea: Idea) -> str:
    return _("Answered the idea “%(title)s”: %(state)s") % {
        "title": idea.title,
        "state": Idea.State(idea.state).label,
    }


@transaction.atomic
def publish_results(*, call: Call, on: datetime.date | None = None) -> Call:
    """Publish what a closed call retained (its outcome): the journal records the closing."""
    locked = Call.objects.select_for_update().get(pk=call.pk)
    day = _today(on)
    if locked.published_at is None:
        raise ValidationError(_("Publish the call first."), code="draft")
    if day <= locked.closes_on:
        raise ValidationError(
            _("The call is still open: its results come once it has closed."), code="open"
        )
    if locked.results_published_on is not None:
        raise ValidationError(_("Its results are already published."), code="published")
    if not (getattr(locked, f"outcome_{FIRST_LANGUAGE}") or "").strip():
        raise ValidationError(_("Say what the call retained before publishing it."), code="empty")
    locked.results_published_on = day
    locked.save(update_fields=["results_published_on"])
    retained = locked.ideas.listed().filter(state__in=[Idea.State.RETAINED, Idea.State.IN_PLAN])
    record_activity(
        actor=locked.organiser,
        kind=Activity.Kind.CLOSED_CALL,
        **titles_in_both(results_titles, locked, retained.count()),
        date=day,
        sectors=list(locked.sectors.all()),
        related=locked,
    )
    return locked


# Taking part: counted once per call and once overall, under the kind the person says.


def _bump(call_id: int | None, kind: str, delta: int) -> None:
    """Add delta to the stored count of participants of a kind (in a call, or overall)."""
    counts = ParticipantCount.objects.filter(Q(call_id=call_id), kind=kind)
    if counts.update(count=F("count") + delta):
        return
    try:
        with transaction.atomic():
            ParticipantCount.objects.create(call_id=call_id, kind=kind, count=max(delta, 0))
    except IntegrityError:  # created meanwhile by another request
        counts.update(count=F("count") + delta)


def take_part(*, user: User, call: Call | None) -> None:
    """Count user among the participants of call (if any), and of the programme, the first
    time."""
    for call_id in (call.pk, None) if call is not None else (None,):
        created = not Participant.objects.filter(Q(call_id=call_id), user=user).exists()
        if created:
            try:
                with transaction.atomic():
                    Participant.objects.create(
                        call_id=call_id, user=user, kind=user.participant_kind
                    )
            except IntegrityError:  # counted meanwhile by the same person's other request
                created = False
        if created:
            _bump(call_id, user.participant_kind, 1)
            if call_id is not None:
                Call.objects.filter(pk=call_id).update(participant_count=F("participant_count") + 1)


def forget_participant(*, user: User) -> None:
    """Take user out of the figures (their account is being deleted): their supports go, and
    they are no longer counted among the participants."""
    for support in Support.objects.filter(user=user).select_related("idea"):
        support.delete()
        _count_support(support.idea, -1)
    for call_id, kind in Participant.objects.filter(user=user).values_list("call_id", "kind"):
        _bump(call_id, kind, -1)
        if call_id is not None:
            Call.objects.filter(pk=call_id).update(participant_count=F("participant_count") - 1)
    Participant.objects.filter(user=user).delete()


def kind_changed(*, user: User, old: str, new: str) -> None:
    """Count user under their new kind wherever they took part."""
    rows = list(Participant.objects.filter(user=user, kind=old).values_list("call_id", flat=True))
    Participant.objects.filter(user=user, kind=old).update(kind=new)
    for call_id in rows:
        _bump(call_id, old, -1)
        _bump(call_id, new, 1)


# Ideas.


def _check_open(call: Call | Consultation, on: datetime.date | None = None) -> None:
    consultation = isinstance(call, Consultation)
    if call.published_at is None:
        raise ValidationError(
            _("This consultation is not published.")
            if consultation
            else _("This call is not published."),
            code="draft",
        )
    status = call.status_on(_today(on))
    if status == Call.Status.UPCOMING:
        day = call.opens_on.isoformat()
        raise ValidationError(
            (
                _("This consultation opens on %(day)s.")
                if consultation
                else _("This call opens on %(day)s.")
            )
            % {"day": day},
            code="upcoming",
        )
    if status == Call.Status.CLOSED:
        raise ValidationError(
            _("This consultation is closed.") if consultation else _("This call is closed."),
            code="closed",
        )


@transaction.atomic
def propose_idea(
    *,
    call: Call,
    author: User,
    title: str,
    text: str,
    sectors: Iterable[Sector] = (),
    objectives: Iterable[Objective] = (),
    actor: Actor | None = None,
    image: File | None = None,
    image_alt: str = "",
) -> Idea:
    """Publish an idea in an open call, in its author's name or for an organisation they act
    for; the call counts it and its author, and the journal records it."""
    if not author.has_perm("participation.propose_idea", call):
        raise PermissionDenied
    if actor is not None and not author.has_perm("participation.propose_for_actor", actor):
        raise PermissionDenied
    _check_open(call)
    idea = Idea(
        call=call,
        author=author,
        actor=actor,
        title=title,
        text=text,
        image_alt=image_alt if image is not None else "",
    )
    if image is not None:
        idea.image = image
    idea.save()
    sector_list = list(sectors)
    idea.sectors.set(sector_list)
    idea.objectives.set(list(objectives))
    IdeaEvent.objects.create(idea=idea, state=Idea.State.PUBLISHED, by=author, at=idea.created_at)
    Call.objects.filter(pk=call.pk).update(idea_count=F("idea_count") + 1)
    take_part(user=author, call=call)
    _record_idea(idea, sector_list or list(call.sectors.all()))
    return idea


def _idea_actor(idea: Idea) -> tuple[Actor, str]:
    """Return who the journal says proposed idea, and the kind of entry."""
    if idea.actor is not None:
        return idea.actor, Activity.Kind.CONTRIBUTED_IDEA
    person = (
        Actor.objects.filter(user_id=idea.author_id, is_public=True).first()
        if idea.author_id
        else None
    )
    if person is not None:
        return person, Activity.Kind.CONTRIBUTED_IDEA
    # An inhabitant without a page of their own: the call's organiser received it.
    return idea.call.organiser, Activity.Kind.RECEIVED_IDEA


def _record_idea(idea: Idea, sectors: list[Sector]) -> None:
    actor, kind = _idea_actor(idea)
    record_activity(
        actor=actor,
        kind=kind,
        **titles_in_both(idea_titles, idea, kind),
        date=timezone.localdate(idea.created_at),
        sectors=sectors,
        related=idea,
    )


@transaction.atomic
def edit_idea(
    *,
    idea: Idea,
    by: User,
    title: str,
    text: str,
    sectors: Iterable[Sector] = (),
    objectives: Iterable[Objective] = (),
) -> Idea:
    """Change an idea before anyone supported or commented it; the version before is kept."""
    locked = Idea.objects.select_for_update().get(pk=idea.pk)
    if not rules.test_rule("participation.change_own_idea", by, locked):
        raise PermissionDenied
    if not locked.is_editable:
        raise ValidationError(
            _("This idea can no longer be changed: people have supported or discussed it."),
            code="not_editable",
        )
    IdeaRevision.objects.create(
        idea=locked,
        title=locked.title,
        text=locked.text,
        sector_ids=sorted(locked.sectors.values_list("pk", flat=True)),
        objective_ids=sorted(locked.objectives.values_list("pk", flat=True)),
    )
    locked.title, locked.text, locked.edited_at = title, text, timezone.now()
    locked.save(update_fields=["title", "text", "search_text", "edited_at"])
    locked.sectors.set(list(sectors))
    locked.objectives.set(list(objectives))
    return locked


def _unlist(idea: Idea) -> None:
    """Take an idea out of its call's list and figures (withdrawn, or hidden by moderation)."""
    Idea.objects.filter(pk=idea.pk).update(is_listed=False)
    Call.objects.filter(pk=idea.call_id).update(
        idea_count=F("idea_count") - 1,
        support_count=F("support_count") - idea.support_count,
        comment_count=F("comment_count") - idea.comment_count,
    )


@transaction.atomic
def withdraw_idea(*, idea: Idea, by: User) -> Idea:
    """Withdraw one's own idea (before it is answered): it stays readable, marked withdrawn."""
    locked = Idea.objects.select_for_update().get(pk=idea.pk)
    if not rules.test_rule("participation.change_own_idea", by, locked):
        raise PermissionDenied
    if locked.state not in {Idea.State.PUBLISHED, Idea.State.UNDER_STUDY}:
        raise ValidationError(
            _("An idea that has been answered or withdrawn cannot be withdrawn."),
            code="answered",
        )
    _set_state(locked, Idea.State.WITHDRAWN, by)
    if locked.is_listed:
        _unlist(locked)
    return locked


def _set_state(idea: Idea, state: str, by: User | None, answer: str = "") -> None:
    idea.state, idea.state_changed_at = state, timezone.now()
    fields = ["state", "state_changed_at"]
    if state in ANSWER_STATES:
        idea.answer, idea.answered_by, idea.answered_at = answer, by, idea.state_changed_at
        fields += ["answer", "answered_by", "answered_at"]
    idea.save(update_fields=fields)
    IdeaEvent.objects.create(idea=idea, state=state, by=by, at=idea.state_changed_at, answer=answer)


@transaction.atomic
def answer_idea(*, idea: Idea, by: User, state: str, answer: str) -> Idea:
    """Give an idea its official answer (under study, retained, in the plan, not retained):
    shown on the idea, emailed to its author, written to the journal."""
    if not by.has_perm("participation.answer_idea"):
        raise PermissionDenied
    locked = (
        Idea.objects.select_for_update(of=("self",))
        .select_related("call__organiser", "author")
        .get(pk=idea.pk)
    )
    if state not in ANSWER_STATES:
        raise ValidationError(_("Choose what becomes of the idea."), code="state")
    if locked.state == Idea.State.WITHDRAWN:
        raise ValidationError(_("Its author withdrew this idea."), code="withdrawn")
    if locked.state == state and locked.answer == answer:
        raise ValidationError(_("The idea is already in this state with this answer."), code="same")
    if state in ANSWERED_STATES and not answer.strip():
        raise ValidationError(
            _("Write the answer that its author and everyone will read."), code="answer"
        )
    _set_state(locked, state, by, answer)
    if state in ANSWERED_STATES:
        record_activity(
            actor=locked.call.organiser,
            kind=Activity.Kind.ANSWERED_IDEA,
            **titles_in_both(answer_titles, locked),
            date=timezone.localdate(),
            sectors=list(locked.sectors.all()) or list(locked.call.sectors.all()),
            related=locked,
        )
    if locked.author is not None and locked.author.is_active:
        _notify_author(locked)
    return locked


def _notify_author(idea: Idea) -> None:
    author = idea.author
    assert author is not None
    with translation.override(author.language):
        title = _("Your idea “%(title)s” has an answer: %(state)s") % {
            "title": idea.title,
            "state": Idea.State(idea.state).label,
        }
        url = idea.get_absolute_url()
    notify(
        user=author, kind=Notification.Kind.IDEA_ANSWERED, title=title, text=idea.answer, url=url
    )


# Its discussion (discussion.services calls these through the idea).


def count_comments(idea: Idea, delta: int, author: User | None) -> None:
    """Keep the idea's and its call's comment counts; a commenter takes part in the call."""
    Idea.objects.filter(pk=idea.pk).update(comment_count=F("comment_count") + delta)
    if Idea.objects.filter(pk=idea.pk, is_listed=True).exists():
        Call.objects.filter(pk=idea.call_id).update(comment_count=F("comment_count") + delta)
    if author is not None and delta > 0:
        take_part(user=author, call=idea.call)


def hide_idea(idea: Idea, reason: str) -> None:
    """Hide an idea (moderation): a trace stays on its page, it leaves the lists and figures."""
    locked = Idea.objects.select_for_update().get(pk=idea.pk)
    if locked.is_hidden:
        return
    Idea.objects.filter(pk=locked.pk).update(is_hidden=True, hidden_reason=reason)
    if locked.is_listed:
        _unlist(locked)


# Supports.


@transaction.atomic
def toggle_support(*, idea: Idea, user: User) -> bool:
    """Support the idea, or withdraw the support given; return whether user supports it now.

    Only while its call is open, within the call's number of supports per person; a database
    constraint keeps one support per person whatever the clicks.
    """
    if not user.has_perm("participation.take_part"):
        raise PermissionDenied
    # One person's supports are decided one at a time (the limit holds under double clicks).
    User.objects.select_for_update().filter(pk=user.pk).first()
    idea = Idea.objects.select_related("call").get(pk=idea.pk)
    call = idea.call
    _check_open(call)
    if idea.state in {Idea.State.WITHDRAWN} or idea.is_hidden:
        raise ValidationError(_("This idea can no longer be supported."), code="unlisted")
    existing = Support.objects.filter(idea=idea, user=user)
    if existing.exists():
        existing.delete()
        _count_support(idea, -1)
        return False
    if idea.author_id == user.pk:
        raise ValidationError(_("You cannot support your own idea."), code="own")
    limit = call.supports_per_person
    if limit and Support.objects.filter(call=call, user=user).count() >= limit:
        raise ValidationError(
            _(
                "You have used your %(limit)s supports in this call: withdraw one to support "
                "this idea."
            )
            % {"limit": limit},
            code="limit",
        )
    try:
        with transaction.atomic():
            Support.objects.create(idea=idea, call=call, user=user)
    except IntegrityError:
        return True  # given meanwhile by the same person's other click
    _count_support(idea, 1)
    take_part(user=user, call=call)
    return True


def _count_support(idea: Idea, delta: int) -> None:
    Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + delta)
    if idea.is_listed:
        Call.objects.filter(pk=idea.call_id).update(support_count=F("support_count") + delta)


# Recounting: the stored figures again from the rows (repairs, tests).


def recount(calls: Iterable[Call] | None = None) -> None:
    """Recount the stored figures of calls (all by default) and the participants overall."""
    chosen = list(calls) if calls is not None else list(Call.objects.all())
    idea_type = ContentType.objects.get_for_model(Idea)
    supports = Support.objects.filter(idea=OuterRef("pk")).order_by().values("idea")
    comments = (
        Comment.objects.filter(
            content_type=idea_type,
            object_id=OuterRef("pk"),
            deleted_at__isnull=True,
            hidden_at__isnull=True,
        )
        .order_by()
        .values("object_id")
    )
    Idea.objects.update(
        is_listed=ExpressionWrapper(
            ~Q(state=Idea.State.WITHDRAWN) & Q(is_hidden=False), output_field=BooleanField()
        ),
        support_count=Coalesce(Subquery(supports.annotate(n=Count("pk")).values("n")), 0),
        comment_count=Coalesce(Subquery(comments.annotate(n=Count("pk")).values("n")), 0),
    )
    replies = Comment.objects.filter(parent=OuterRef("pk")).order_by().values("parent")
    Comment.objects.filter(content_type=idea_type, parent__isnull=True).update(
        reply_count=Coalesce(Subquery(replies.annotate(n=Count("pk")).values("n")), 0)
    )
    for call in chosen:
        listed = Idea.objects.listed().filter(call=call) if call.published_at else call.ideas.none()
        figures = listed.aggregate(
            ideas=Count("pk"),
            supports=Sum("support_count"),
            comments=Sum("comment_count"),
        )
        Call.objects.filter(pk=call.pk).update(
            idea_count=figures["ideas"] or 0,
            support_count=figures["supports"] or 0,
            comment_count=figures["comments"] or 0,
            participant_count=Participant.objects.filter(call=call).count(),
        )
        _recount_kinds(call.pk)
    _recount_kinds(None)


def _recount_kinds(call_id: int | None) -> None:
    counts = count_by(Participant.objects.filter(Q(call_id=call_id)), "kind")
    ParticipantCount.objects.filter(Q(call_id=call_id)).exclude(kind__in=list(counts)).delete()
    for kind, count in counts.items():
        updated = ParticipantCount.objects.filter(Q(call_id=call_id), kind=kind).update(count=count)
        if not updated:
            ParticipantCount.objects.create(call_id=call_id, kind=kind, count=count)


# Consultations.


def _contributions(answers: Iterable[Answer]) -> tuple[dict[int, dict[str, int]], set[int]]:
    """What answers add to their questions' stored results, and which questions they answer."""
    tallies: dict[int, dict[str, int]] = {}
    answered: set[int] = set()
    for answer in answers:
        tally = tallies.setdefault(answer.question_id, {})
        if answer.option_id is not None:
            points = RANKING_POINTS - (answer.rank or 1) + 1 if answer.rank else 1
            key = str(answer.option_id)
            tally[key] = tally.get(key, 0) + points
        elif answer.value is not None:
            tally[str(answer.value)] = tally.get(str(answer.value), 0) + 1
        answered.add(answer.question_id)
    return tallies, answered


# A ranking's first place is worth 5 points, its fifth 1.
RANKING_POINTS = 5


def _apply(questions: dict[int, Question], answers: Iterable[Answer], sign: int) -> None:
    tallies, answered = _contributions(answers)
    for question_id in answered:
        question = questions[question_id]
        for key, amount in tallies.get(question_id, {}).items():
            question.tally[key] = question.tally.get(key, 0) + sign * amount
            if not question.tally[key]:
                del question.tally[key]
        question.answered += sign


@transaction.atomic
def publish_consultation(*, consultation: Consultation) -> Consultation:
    locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if locked.published_at is not None:
        raise ValidationError(_("This consultation is already published."), code="published")
    locked.published_at = timezone.now()
    locked.save(update_fields=["published_at"])
    return locked


@transaction.atomic
def answer_consultation(
    *, consultation: Consultation, user: User, answers: list[Answer]
) -> Response:
    """Record user's answers (replacing their earlier ones) while the consultation is open; its
    stored results follow, and the person counts among the programme's participants."""
    if not user.has_perm("participation.take_part"):
        raise PermissionDenied
    locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _check_open(locked)
    questions = {question.pk: question for question in locked.questions.all()}
    if any(answer.question_id not in questions for answer in answers):
        raise ValidationError(_("These answers are for another consultation."), code="elsewhere")
    response, created = Response.objects.get_or_create(consultation=locked, user=user)
    if not created:
        _apply(questions, list(response.answers.all()), -1)
        response.answers.all().delete()
        response.updated_at = timezone.now()
        response.save(update_fields=["updated_at"])
    for answer in answers:
        answer.response = response
    Answer.objects.bulk_create(answers)
    _apply(questions, answers, 1)
    Question.objects.bulk_update(questions.values(), ["tally", "answered"])
    if created:
        Consultation.objects.filter(pk=locked.pk).update(response_count=F("response_count") + 1)
    take_part(user=user, call=None)
    return response


@transaction.atomic
def publish_consultation_results(
    *, consultation: Consultation, on: datetime.date | None = None
) -> Consultation:
    """Say in the journal that the consultation's results are out (once it has closed)."""
    locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
    day = _today(on)
    if locked.published_at is None or day <= locked.closes_on:
        raise ValidationError(
            _("The results are published once the consultation has closed."), code="open"
        )
    if locked.results_recorded_on is not None:
        raise ValidationError(_("Its results are already published."), code="published")
    locked.results_recorded_on = day
    locked.save(update_fields=["results_recorded_on"])
    record_activity(
        actor=locked.organiser,
        kind=Activity.Kind.PUBLISHED_RESULTS,
        date=day,
        related=locked,
        **titles_in_both(consultation_titles, locked),
    )
    return locked


def consultation_titles(language: str, consultation: Consultation) -> str:
    title = getattr(consultation, f"title_{language}") or getattr(
        consultation, f"title_{FIRST_LANGUAGE}"
    )
    return _("Results of the consultation “%(title)s”: %(count)s answers") % {
        "title": title,
        "count": consultation.response_count,
    }


def recount_consultation(consultation: Consultation) -> None:
    """Rebuild a consultation's stored results from its answers (the demo, repairs)."""
    questions = {question.pk: question for question in consultation.questions.all()}
    for question in questions.values():
        question.tally, question.answered = {}, 0
    _apply(questions, Answer.objects.filter(question__consultation=consultation), 1)
    # _apply counted one per answer row; a question is answered once per response.
    for question in questions.values():
        question.answered = (
            Answer.objects.filter(question=question).values("response").distinct().count()
        )
    Question.objects.bulk_update(questions.values(), ["tally", "answered"])
    Consultation.objects.filter(pk=consultation.pk).update(
        response_count=consultation.responses.count()
    )
