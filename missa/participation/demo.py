"""Co-construction's share of the demo territory: the 2017–2018 calls for ideas, their ideas,
supports and answers, and the 1,674 participants counted in 2018 (× scale).

Rows are written in bulk (30,000 ideas and 1.2 million supports at --scale 100); the stored
figures are then recounted by `services.recount`, and the ledger receives, through
`record_activities`, what the services would have written.
"""

import datetime
import itertools
import random
from collections import defaultdict
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from missa.accounts.models import ParticipantKind, User
from missa.activity.models import Activity
from missa.activity.services import ActivityRecord, record_activities, titles_in_both
from missa.actors.demo import INSTITUTIONS
from missa.actors.demo_names import FIRST_NAMES, LAST_NAMES
from missa.actors.models import Actor, ActorRole, normalize_for_search
from missa.core.models import Objective, Sector
from missa.core.seeding import DemoContext
from missa.discussion.models import Comment, Report
from missa.programme.models import Phase

from .demo_ideas import (
    ANSWERS,
    CALLS,
    COMMENTS,
    DESCRIPTION,
    DESCRIPTION_EN,
    FREE_ANSWERS,
    IDEAS,
    REPLIES,
    SURVEY,
    TEXT_CLOSINGS,
    TEXT_OPENINGS,
    TEXT_REASONS,
    VARIANTS,
)
from .models import (
    Answer,
    Call,
    Consultation,
    Idea,
    IdeaEvent,
    Option,
    Participant,
    Question,
    Response,
    Support,
)
from .services import (
    answer_titles,
    call_titles,
    idea_titles,
    publish_consultation_results,
    recount,
    recount_consultation,
    results_titles,
)

USERNAME_PREFIX = "demo-participant-"
# The 2018 figures: 1,674 people mobilised — 570 economic and tourism "clients", 44
# influencers, 1,060 inhabitants of whom 583 local actors (companies, associations,
# institutions).
PARTICIPANTS = {
    ParticipantKind.INHABITANT: 477,
    ParticipantKind.COMPANY: 400,
    ParticipantKind.ASSOCIATION: 150,
    ParticipantKind.INSTITUTION: 33,
    ParticipantKind.VISITOR: 570,
    ParticipantKind.PERSONALITY: 44,
}
IDEAS_PER_CALL = 40
SURVEY_ANSWERS = 1000
COMMENT_COUNT = 1600  # and a quarter as many replies: 2,000
SUPPORTS = 12_000
# Of the ideas of a closed call: (state, share).
OUTCOMES = [("in_plan", 0.06), ("retained", 0.08), ("not_retained", 0.10), ("under_study", 0.06)]


def _aware(day: datetime.date, rng: random.Random) -> datetime.datetime:
    moment = datetime.datetime.combine(day, datetime.time(rng.randint(7, 22), rng.randint(0, 59)))
    return timezone.make_aware(moment)


def _between(start: datetime.date, end: datetime.date, rng: random.Random) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, max((end - start).days, 0)))


@transaction.atomic
def load(demo: DemoContext) -> dict[str, int]:
    rng = random.Random(f"participation-{demo.seed}")
    scale = demo.scale
    organiser = Actor.objects.get(name=INSTITUTIONS[0][0])
    phases = {phase.slug: phase for phase in Phase.objects.all()}
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    objective_ids = list(Objective.objects.values_list("pk", flat=True))
    today = timezone.localdate()

    # The people: accounts without a password or an address (they cannot sign in).
    password = make_password(None)
    kinds = [kind for kind, count in PARTICIPANTS.items() for _ in range(count * scale)]
    rng.shuffle(kinds)
    users = User.objects.bulk_create(
        [
            User(
                username=f"{USERNAME_PREFIX}{number:07d}",
                password=password,
                display_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)[0]}.",
                participant_kind=kind,
                language="en" if kind == ParticipantKind.VISITOR and rng.random() < 0.3 else "fr",
            )
            for number, kind in enumerate(kinds, start=1)
        ],
        batch_size=5000,
    )
    companies = list(
        Actor.objects.with_role(ActorRole.Role.AMBASSADOR)
        .filter(kind=Actor.Kind.COMPANY, is_public=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:200]
    )

    # The calls, and one open now so that visitors can try (the programme goes on).
    calls = []
    for slug, _sector, phase, opens, closes, title, title_en, question, question_en in CALLS:
        calls.append(
            Call(
                slug=slug,
                phase=phases[phase],
                organiser=organiser,
                title_fr=title,
                title_en=title_en,
                question_fr=question,
                question_en=question_en,
                description_fr=DESCRIPTION,
                description_en=DESCRIPTION_EN,
                opens_on=datetime.date(*opens),
                closes_on=datetime.date(*closes),
                supports_per_person=10,
                published_at=_aware(datetime.date(*opens), rng),
            )
        )
    last_phase = max(phases.values(), key=lambda phase: phase.end_month)
    calls.append(
        Call(
            slug="vos-idees-maintenant",
            phase=last_phase,
            organiser=organiser,
            title_fr="Vos idées pour la suite",
            title_en="Your ideas for what comes next",
            question_fr="Que devrait faire le réseau des ambassadeurs dans les mois qui viennent ?",
            question_en="What should the ambassadors' network do in the months to come?",
            description_fr=DESCRIPTION,
            description_en=DESCRIPTION_EN,
            opens_on=today - datetime.timedelta(days=14),
            closes_on=today + datetime.timedelta(days=60),
            supports_per_person=10,
            published_at=timezone.now() - datetime.timedelta(days=14),
        )
    )
    calls = Call.objects.bulk_create(calls)
    sector_slugs = [str(row[1]) for row in CALLS] + ["residentiel"]
    sector_of_call: dict[int, list[Sector]] = {}
    for call, sector_slug in zip(calls, sector_slugs, strict=True):
        sector_of_call[call.pk] = [sectors[sector_slug]] if sector_slug else []
        if sector_slug:
            call.sectors.add(sectors[sector_slug])

    # The ideas: most from inhabitants, some for a company of the network.
    ideas: list[Idea] = []
    idea_sectors: list[tuple[int, int]] = []
    for call, sector_slug in zip(calls, sector_slugs, strict=True):
        base = IDEAS[sector_slug]
        if call.slug == "vos-idees-maintenant":
            base = [title for titles in IDEAS.values() for title in titles][:60]
            count = 12 * scale
        else:
            count = IDEAS_PER_CALL * scale
        end = min(call.closes_on, today)
        for _ in range(count):
            author = rng.choice(users)
            title = rng.choice(base) + (
                rng.choice(VARIANTS) if call.slug != "nom-de-la-marque" else ""
            )
            text = " ".join(
                part
                for part in (
                    rng.choice(TEXT_OPENINGS).format(title=title[0].lower() + title[1:]),
                    rng.choice(TEXT_REASONS),
                    rng.choice(TEXT_REASONS),
                    rng.choice(TEXT_CLOSINGS),
                )
                if part
            )
            actor_id = (
                rng.choice(companies)
                if companies
                and author.participant_kind == ParticipantKind.COMPANY
                and rng.random() < 0.4
                else None
            )
            ideas.append(
                Idea(
                    call=call,
                    author=author,
                    actor_id=actor_id,
                    title=title[:150],
                    search_text=normalize_for_search(title[:150]),
                    text=text,
                    created_at=_aware(_between(call.opens_on, end, rng), rng),
                )
            )
    for idea in ideas:
        idea.state_changed_at = idea.created_at
    ideas = Idea.objects.bulk_create(ideas, batch_size=5000)
    objectives_through: Any = Idea.objectives.through
    objective_rows = []
    for idea in ideas:
        for sector in sector_of_call[idea.call_id] or [rng.choice(list(sectors.values()))]:
            idea_sectors.append((idea.pk, sector.pk))
        objective_rows.append(
            objectives_through(idea_id=idea.pk, objective_id=rng.choice(objective_ids))
        )
    Idea.sectors.through.objects.bulk_create(
        [
            Idea.sectors.through(idea_id=idea_id, sector_id=sector_id)
            for idea_id, sector_id in idea_sectors
        ],
        batch_size=5000,
    )
    objectives_through.objects.bulk_create(objective_rows, batch_size=5000)
    IdeaEvent.objects.bulk_create(
        [
            IdeaEvent(idea=idea, state=Idea.State.PUBLISHED, by=idea.author, at=idea.created_at)
            for idea in ideas
        ],
        batch_size=5000,
    )

    # Supports: a few ideas draw most of them; each person supports at least one idea.
    by_call: dict[int, list[Idea]] = defaultdict(list)
    for idea in ideas:
        by_call[idea.call_id].append(idea)
    weights = {
        call_id: [1 / (rank + 1) ** 0.8 for rank in range(len(group))]
        for call_id, group in by_call.items()
    }
    for group in by_call.values():
        rng.shuffle(group)
    call_ids = list(by_call)
    call_weights = [len(by_call[call_id]) for call_id in call_ids]
    # Cumulative weights, computed once: each draw is then a bisection (1.2 million at ×100).
    call_cumulative = list(itertools.accumulate(call_weights))
    cumulative = {call_id: list(itertools.accumulate(w)) for call_id, w in weights.items()}
    calls_by_pk = {call.pk: call for call in calls}
    given: set[tuple[int, int]] = set()
    used: dict[tuple[int, int], int] = defaultdict(int)
    supports: list[Support] = []
    target = SUPPORTS * scale
    queue = list(users)
    rng.shuffle(queue)
    attempts = 0
    while len(supports) < target and attempts < target * 4:
        attempts += 1
        user = queue.pop() if queue else rng.choice(users)
        call_id = rng.choices(call_ids, cum_weights=call_cumulative)[0]
        idea = rng.choices(by_call[call_id], cum_weights=cumulative[call_id])[0]
        if (
            (idea.pk, user.pk) in given
            or idea.author_id == user.pk
            or used[(call_id, user.pk)] >= 10
        ):
            continue
        call = calls_by_pk[call_id]
        given.add((idea.pk, user.pk))
        used[(call_id, user.pk)] += 1
        last = min(call.closes_on, today)
        day = _between(max(timezone.localdate(idea.created_at), call.opens_on), last, rng)
        supports.append(Support(idea=idea, call_id=call_id, user=user, created_at=_aware(day, rng)))
    Support.objects.bulk_create(supports, batch_size=5000)

    # Comments: most on the popular ideas, a quarter of them replies.
    idea_type = ContentType.objects.get_for_model(Idea)
    comments: list[Comment] = []
    for _ in range(COMMENT_COUNT * scale):
        call_id = rng.choices(call_ids, cum_weights=call_cumulative)[0]
        idea = rng.choices(by_call[call_id], cum_weights=cumulative[call_id])[0]
        call = calls_by_pk[call_id]
        day = _between(timezone.localdate(idea.created_at), min(call.closes_on, today), rng)
        comments.append(
            Comment(
                content_type=idea_type,
                object_id=idea.pk,
                author=rng.choice(users),
                text=rng.choice(COMMENTS),
                created_at=max(_aware(day, rng), idea.created_at),
            )
        )
    comments = Comment.objects.bulk_create(comments, batch_size=5000)
    replies = []
    for comment in rng.sample(comments, len(comments) // 4):
        replies.append(
            Comment(
                content_type=idea_type,
                object_id=comment.object_id,
                parent=comment,
                author=rng.choice(users),
                text=rng.choice(REPLIES),
                created_at=comment.created_at + datetime.timedelta(hours=rng.randint(1, 72)),
            )
        )
    Comment.objects.bulk_create(replies, batch_size=5000)

    # Taking part: in each call where they proposed, supported or commented, and once overall.
    taking_part: dict[tuple[int, int], datetime.datetime] = {}
    for idea in ideas:
        key = (idea.call_id, idea.author_id or 0)
        taking_part[key] = min(taking_part.get(key, idea.created_at), idea.created_at)
    for support in supports:
        key = (support.call_id, support.user_id)
        taking_part[key] = min(taking_part.get(key, support.created_at), support.created_at)
    call_of_idea = {idea.pk: idea.call_id for idea in ideas}
    for comment in [*comments, *replies]:
        key = (call_of_idea[comment.object_id], comment.author_id or 0)
        taking_part[key] = min(taking_part.get(key, comment.created_at), comment.created_at)
    kind_of = {user.pk: user.participant_kind for user in users}
    first: dict[int, datetime.datetime] = {}
    for (_, user_id), moment in taking_part.items():
        first[user_id] = min(first.get(user_id, moment), moment)
    # Everyone counted in 2018 took part somewhere (the survey, a workshop…): at least overall.
    for user in users:
        first.setdefault(user.pk, _aware(datetime.date(2017, 6, 1), rng))
    Participant.objects.bulk_create(
        [
            Participant(call_id=call_id, user_id=user_id, kind=kind_of[user_id], first_at=moment)
            for (call_id, user_id), moment in taking_part.items()
        ]
        + [
            Participant(call=None, user_id=user_id, kind=kind_of[user_id], first_at=moment)
            for user_id, moment in first.items()
        ],
        batch_size=5000,
    )

    # The answers, for the closed calls.
    answered = []
    for idea in ideas:
        call = calls_by_pk[idea.call_id]
        if call.closes_on >= today:
            continue
        roll, state = rng.random(), ""
        for name, share in OUTCOMES:
            if roll < share:
                state = name
                break
            roll -= share
        if not state:
            continue
        day = _between(
            call.closes_on + datetime.timedelta(days=7),
            call.closes_on + datetime.timedelta(days=60),
            rng,
        )
        idea.state, idea.answer = state, ANSWERS[state]
        idea.answered_at = idea.state_changed_at = _aware(day, rng)
        answered.append(idea)
    Idea.objects.bulk_update(
        answered, ["state", "answer", "answered_at", "state_changed_at"], batch_size=5000
    )
    IdeaEvent.objects.bulk_create(
        [
            IdeaEvent(idea=idea, state=idea.state, at=idea.state_changed_at, answer=idea.answer)
            for idea in answered
        ],
        batch_size=5000,
    )
    for call in calls:
        if call.closes_on < today:
            retained = sum(1 for idea in by_call[call.pk] if idea.state in {"retained", "in_plan"})
            call.outcome_fr = (  # type: ignore[attr-defined]
                f"{retained} idées retenues : elles ont nourri la stratégie d'attractivité "
                "puis le plan d'actions 2018–2020. Chaque idée porte la réponse du comité."
            )
            call.outcome_en = (  # type: ignore[attr-defined]
                f"{retained} ideas retained: they fed the attractiveness strategy, then the "
                "2018–2020 action plan. Each idea carries the committee's answer."
            )
            call.results_published_on = call.closes_on + datetime.timedelta(days=61)
    Call.objects.bulk_update(calls, ["outcome_fr", "outcome_en", "results_published_on"])
    recount()
    _record(calls, ideas, answered, sector_of_call, companies)
    responses = _survey(rng, scale, organiser, phases["etudes"], users)
    return {
        "calls": len(calls),
        "ideas": len(ideas),
        "supports": len(supports),
        "comments": len(comments) + len(replies),
        "survey answers": responses,
        "participants": len(users),
    }


def _survey(
    rng: random.Random, scale: int, organiser: Actor, phase: Phase, users: list[User]
) -> int:
    """The 2017 survey of the town's image: 1,000 people (× scale) answered it."""
    survey = Consultation.objects.create(
        slug="image-de-la-ville",
        phase=phase,
        organiser=organiser,
        title_fr="L'image de L'Isle-sur-la-Sorgue",
        title_en="The image of L'Isle-sur-la-Sorgue",
        description_fr=(
            "Comment voyez-vous la ville, et comment la voient ceux qui la visitent ? Vos réponses "
            "nourrissent le diagnostic d'attractivité."
        ),
        description_en=(
            "How do you see the town, and how do its visitors see it? Your answers feed the "
            "attractiveness diagnosis."
        ),
        opens_on=datetime.date(2017, 6, 1),
        closes_on=datetime.date(2017, 6, 30),
        published_at=_aware(datetime.date(2017, 5, 31), rng),
    )
    questions: list[tuple[Question, list[Option]]] = []
    for number, (kind, text_fr, text_en, choices) in enumerate(SURVEY, start=1):
        question = Question.objects.create(
            consultation=survey,
            order=number,
            kind=kind,
            text_fr=text_fr,
            text_en=text_en,
            required=kind != "long_text",
        )
        made = Option.objects.bulk_create(
            [
                Option(question=question, order=place, text_fr=fr, text_en=en)
                for place, (fr, en) in enumerate(choices, start=1)
            ]
        )
        questions.append((question, made))
    people = rng.sample(users, min(len(users), SURVEY_ANSWERS * scale))
    responses = Response.objects.bulk_create(
        [
            Response(
                consultation=survey,
                user=person,
                created_at=_aware(_between(survey.opens_on, survey.closes_on, rng), rng),
            )
            for person in people
        ],
        batch_size=5000,
    )
    answers: list[Answer] = []
    published: set[str] = set()
    for response in responses:
        for question, options in questions:
            # Each option's appeal differs: the first ones draw more answers.
            weights = [len(options) - index for index in range(len(options))]
            if question.kind == "single":
                answers.append(
                    Answer(
                        response=response,
                        question=question,
                        option=rng.choices(options, weights)[0],
                    )
                )
            elif question.kind == "multiple":
                for option in rng.sample(options, rng.randint(1, 3)):
                    answers.append(Answer(response=response, question=question, option=option))
            elif question.kind == "ranking":
                # A weighted order: the first options tend to come first.
                keys = [rng.random() ** (1 / weight) for weight in weights]
                ranked = [
                    option
                    for _, option in sorted(
                        zip(keys, options, strict=True), key=lambda pair: pair[0], reverse=True
                    )
                ]
                for rank, option in enumerate(ranked[: rng.randint(1, len(options))], start=1):
                    answers.append(
                        Answer(response=response, question=question, option=option, rank=rank)
                    )
            elif question.kind == "scale":
                answers.append(
                    Answer(
                        response=response,
                        question=question,
                        value=rng.choices(range(1, 6), [1, 2, 4, 6, 4])[0],
                    )
                )
            elif rng.random() < 0.3:
                text = rng.choice(FREE_ANSWERS)
                # The team published each idea once.
                first_time = text not in published
                published.add(text)
                answers.append(
                    Answer(response=response, question=question, text=text, is_published=first_time)
                )
    Answer.objects.bulk_create(answers, batch_size=5000)
    recount_consultation(survey)
    survey.refresh_from_db()
    publish_consultation_results(consultation=survey, on=datetime.date(2017, 7, 10))
    # Its respondents are among the 1,674 people already counted as participants overall.
    return len(responses)


def _record(
    calls: list[Call],
    ideas: list[Idea],
    answered: list[Idea],
    sector_of_call: dict[int, list[Sector]],
    companies: list[int],
) -> None:
    """Write to the ledger what the services would have: openings, ideas, answers, results."""
    records = []
    for call in calls:
        sector_ids = [sector.pk for sector in sector_of_call[call.pk]]
        records.append(
            ActivityRecord(
                actor_id=call.organiser_id,
                kind=Activity.Kind.OPENED_CALL,
                **titles_in_both(call_titles, call),
                date=call.opens_on,
                sector_ids=sector_ids,
                related=call,
            )
        )
        if call.results_published_on:
            retained = Idea.objects.filter(call=call, state__in=["retained", "in_plan"]).count()
            records.append(
                ActivityRecord(
                    actor_id=call.organiser_id,
                    kind=Activity.Kind.CLOSED_CALL,
                    **titles_in_both(results_titles, call, retained),
                    date=call.results_published_on,
                    sector_ids=sector_ids,
                    related=call,
                )
            )
    organiser_of = {call.pk: call.organiser_id for call in calls}
    for idea in ideas:
        sector_ids = [sector.pk for sector in sector_of_call[idea.call_id]]
        kind = Activity.Kind.CONTRIBUTED_IDEA if idea.actor_id else Activity.Kind.RECEIVED_IDEA
        records.append(
            ActivityRecord(
                actor_id=idea.actor_id or organiser_of[idea.call_id],
                kind=kind,
                **titles_in_both(idea_titles, idea, kind),
                date=timezone.localdate(idea.created_at),
                sector_ids=sector_ids,
                related=idea,
            )
        )
    for idea in answered:
        if idea.state == Idea.State.UNDER_STUDY or idea.answered_at is None:
            continue
        records.append(
            ActivityRecord(
                actor_id=organiser_of[idea.call_id],
                kind=Activity.Kind.ANSWERED_IDEA,
                **titles_in_both(answer_titles, idea),
                date=timezone.localdate(idea.answered_at),
                sector_ids=[sector.pk for sector in sector_of_call[idea.call_id]],
                related=idea,
            )
        )
    record_activities(records)


def flush() -> None:
    Consultation.objects.all().delete()
    # Comments and reports point to ideas without a foreign key: they go first.
    idea_type = ContentType.objects.get_for_model(Idea)
    Comment.objects.filter(content_type=idea_type).delete()
    Report.objects.filter(content_type=idea_type).delete()
    Call.objects.all().delete()
    User.objects.filter(username__startswith=USERNAME_PREFIX).delete()
