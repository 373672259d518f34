"""Every step of co-construction goes through its service, with the same rules on every path."""

import datetime
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from missa.accounts.models import User
from missa.accounts.services import delete_account, set_participant_kind
from missa.activity.models import Activity
from missa.actors.models import Actor, Membership
from missa.notifications.models import Notification
from missa.participation.models import Call, Idea, IdeaRevision, ParticipantCount, Support
from missa.participation.services import (
    answer_idea,
    edit_idea,
    propose_idea,
    publish_call,
    publish_results,
    toggle_support,
    withdraw_idea,
)

TEXT = "Des bancs et de l'ombre le long des quais, pour les familles."


def propose(call: Call, author: User, **extra: Any) -> Idea:
    return propose_idea(
        call=call, author=author, title="Des bancs sur les quais", text=TEXT, **extra
    )


def titles(entry: Activity) -> tuple[str, str]:
    """An entry's title in French and in English."""
    return Activity.objects.values_list("title_fr", "title_en").get(pk=entry.pk)


def kinds(call: Call | None) -> dict[str, int]:
    return dict(
        ParticipantCount.objects.filter(call=call).exclude(count=0).values_list("kind", "count")
    )


def test_an_idea_is_counted_and_reaches_the_journal_under_the_calls_organiser(
    open_call: Call, lea: User
) -> None:
    idea = propose(open_call, lea)
    open_call.refresh_from_db()
    assert (open_call.idea_count, open_call.participant_count) == (1, 1)
    assert kinds(open_call) == {"inhabitant": 1} == kinds(None)
    entry = Activity.objects.get(object_id=idea.pk, kind=Activity.Kind.RECEIVED_IDEA)
    assert entry.actor == open_call.organiser
    assert titles(entry) == (
        "Nouvelle idée d'un habitant : Des bancs sur les quais",
        "New idea from an inhabitant: Des bancs sur les quais",
    )
    assert [event.state for event in idea.events.all()] == ["published"]


def test_an_idea_for_an_organisation_is_the_organisations_in_the_journal(
    open_call: Call, lea: User, cast: dict[str, Actor]
) -> None:
    Membership.objects.create(user=lea, actor=cast["alice"])
    idea = propose(open_call, lea, actor=cast["alice"])
    entry = Activity.objects.get(object_id=idea.pk, kind=Activity.Kind.CONTRIBUTED_IDEA)
    assert entry.actor == cast["alice"]


def test_nobody_proposes_for_an_organisation_they_do_not_act_for(
    open_call: Call, lea: User, cast: dict[str, Actor]
) -> None:
    with pytest.raises(PermissionDenied):
        propose(open_call, lea, actor=cast["alice"])
    assert not Idea.objects.exists()


def test_an_unconfirmed_address_cannot_propose(open_call: Call, make_person: Any) -> None:
    with pytest.raises(PermissionDenied):
        propose(open_call, make_person("newcomer", verified=False))


@pytest.mark.parametrize(("opens", "closes", "code"), [(3, 10, "upcoming"), (-10, -1, "closed")])
def test_ideas_come_only_while_the_call_is_open(
    open_call: Call, lea: User, opens: int, closes: int, code: str
) -> None:
    today = timezone.localdate()
    Call.objects.filter(pk=open_call.pk).update(
        opens_on=today + datetime.timedelta(days=opens),
        closes_on=today + datetime.timedelta(days=closes),
    )
    open_call.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        propose(open_call, lea)
    assert refused.value.code == code


def test_a_members_only_call_refuses_others(open_call: Call, lea: User, owner: User) -> None:
    Call.objects.filter(pk=open_call.pk).update(proposers=Call.Proposers.MEMBERS)
    open_call.refresh_from_db()
    with pytest.raises(PermissionDenied):
        propose(open_call, lea)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=owner, email=owner.email, verified=True, primary=True)
    assert propose(open_call, owner).pk


def test_the_author_edits_until_the_first_support_and_every_version_is_kept(
    open_call: Call, lea: User, marc: User
) -> None:
    idea = propose(open_call, lea)
    edit_idea(idea=idea, by=lea, title="Des bancs à l'ombre", text=TEXT + " Et des arbres.")
    idea.refresh_from_db()
    assert idea.title == "Des bancs à l'ombre" and idea.edited_at is not None
    assert IdeaRevision.objects.get(idea=idea).title == "Des bancs sur les quais"
    with pytest.raises(PermissionDenied):
        edit_idea(idea=idea, by=marc, title="Autre", text=TEXT)
    toggle_support(idea=idea, user=marc)
    with pytest.raises(ValidationError) as refused:
        edit_idea(idea=idea, by=lea, title="Encore", text=TEXT)
    assert refused.value.code == "not_editable"


def test_supports_are_counted_limited_and_withdrawn(open_call: Call, lea: User, marc: User) -> None:
    first, second, third = (propose(open_call, lea) for _ in range(3))
    assert toggle_support(idea=first, user=marc) is True
    assert toggle_support(idea=second, user=marc) is True
    with pytest.raises(ValidationError) as refused:
        toggle_support(idea=third, user=marc)
    assert refused.value.code == "limit"
    assert toggle_support(idea=first, user=marc) is False  # clicked again: withdrawn
    assert toggle_support(idea=third, user=marc) is True
    open_call.refresh_from_db()
    assert open_call.support_count == 2 == Support.objects.count()
    assert [Idea.objects.get(pk=i.pk).support_count for i in (first, second, third)] == [0, 1, 1]
    assert kinds(open_call) == {"inhabitant": 1, "visitor": 1}


def test_nobody_supports_their_own_idea_nor_a_closed_calls(
    open_call: Call, lea: User, marc: User
) -> None:
    idea = propose(open_call, lea)
    with pytest.raises(ValidationError):
        toggle_support(idea=idea, user=lea)
    Call.objects.filter(pk=open_call.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError) as refused:
        toggle_support(idea=idea, user=marc)
    assert refused.value.code == "closed"


def test_the_database_refuses_a_second_support(open_call: Call, lea: User, marc: User) -> None:
    from django.db import IntegrityError, transaction

    idea = propose(open_call, lea)
    Support.objects.create(idea=idea, call=open_call, user=marc)
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(idea=idea, call=open_call, user=marc)


def test_withdrawing_takes_the_idea_out_of_the_figures(
    open_call: Call, lea: User, marc: User
) -> None:
    idea = propose(open_call, lea)
    toggle_support(idea=idea, user=marc)
    withdraw_idea(idea=idea, by=lea)
    open_call.refresh_from_db()
    assert (open_call.idea_count, open_call.support_count) == (0, 0)
    assert Idea.objects.get(pk=idea.pk).state == Idea.State.WITHDRAWN
    with pytest.raises(ValidationError):
        withdraw_idea(idea=idea, by=lea)


def test_an_answer_is_shown_recorded_and_emailed_in_the_authors_language(
    open_call: Call, marc: User, committee_member: User
) -> None:
    idea = propose(open_call, marc)
    answer_idea(idea=idea, by=committee_member, state=Idea.State.RETAINED, answer="Retenue, merci.")
    idea.refresh_from_db()
    assert (idea.state, idea.answer, idea.answered_by) == (
        "retained",
        "Retenue, merci.",
        committee_member,
    )
    entry = Activity.objects.get(object_id=idea.pk, kind=Activity.Kind.ANSWERED_IDEA)
    assert titles(entry)[1] == "Answered the idea “Des bancs sur les quais”: Retained"
    [notice] = Notification.objects.filter(user=marc)
    assert notice.title == "Your idea “Des bancs sur les quais” has an answer: Retained"  # English
    assert User.objects.get(pk=marc.pk).unread_notifications == 1
    [email] = mail.outbox  # sent (its text is not kept once sent)
    assert email.to == [marc.email]
    assert "has an answer" in email.subject
    assert "Retenue, merci." in email.body and f"/ideas/{idea.pk}/" in email.body


def test_only_the_committee_and_editors_answer_and_with_a_text(
    open_call: Call, lea: User, marc: User, editor: User
) -> None:
    idea = propose(open_call, lea)
    with pytest.raises(PermissionDenied):
        answer_idea(idea=idea, by=marc, state=Idea.State.RETAINED, answer="Oui")
    with pytest.raises(ValidationError):
        answer_idea(idea=idea, by=editor, state=Idea.State.NOT_RETAINED, answer=" ")
    answer_idea(idea=idea, by=editor, state=Idea.State.UNDER_STUDY, answer="")
    assert Idea.objects.get(pk=idea.pk).state == Idea.State.UNDER_STUDY
    assert not Activity.objects.filter(kind=Activity.Kind.ANSWERED_IDEA).exists()


def test_participants_follow_the_kind_people_say(open_call: Call, lea: User) -> None:
    propose(open_call, lea)
    set_participant_kind(user=lea, kind="company")
    assert kinds(open_call) == {"company": 1} == kinds(None)


def test_a_deleted_account_leaves_the_figures_and_its_ideas_stay_without_a_name(
    open_call: Call, lea: User, marc: User
) -> None:
    idea = propose(open_call, lea)
    toggle_support(idea=idea, user=marc)
    delete_account(user=marc)
    delete_account(user=lea)
    open_call.refresh_from_db()
    idea.refresh_from_db()
    assert (open_call.support_count, open_call.participant_count, idea.support_count) == (0, 0, 0)
    assert kinds(open_call) == {} == kinds(None)
    assert idea.author is None and open_call.idea_count == 1


def test_publishing_a_call_and_its_results_reach_the_journal(open_call: Call, lea: User) -> None:
    draft = Call.objects.create(
        slug="brouillon",
        phase=open_call.phase,
        organiser=open_call.organiser,
        title_fr="Brouillon",
        question_fr="?",
        opens_on=datetime.date(2017, 6, 1),
        closes_on=datetime.date(2017, 6, 30),
        outcome_fr="Deux idées retenues.",
    )
    publish_call(call=draft)
    opened = Activity.objects.get(kind=Activity.Kind.OPENED_CALL)
    assert opened.date == datetime.date(2017, 6, 1)
    assert titles(opened)[0] == "Appel à idées : Brouillon"
    with pytest.raises(ValidationError):
        publish_call(call=draft)
    publish_results(call=draft)
    assert Activity.objects.filter(kind=Activity.Kind.CLOSED_CALL, object_id=draft.pk).exists()
    with pytest.raises(ValidationError) as refused:
        publish_results(call=open_call)
    assert refused.value.code == "open"
