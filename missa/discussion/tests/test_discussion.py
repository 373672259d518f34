"""Comments and replies on an idea, their author's changes, reports and the moderators'
decisions: every step through its service, and the pages that take them."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from missa.accounts.models import User
from missa.discussion.models import Comment, Report
from missa.discussion.services import (
    delete_comment,
    dismiss,
    edit_comment,
    hide,
    post_comment,
    report,
)
from missa.notifications.models import Notification
from missa.participation.models import Call, Idea, Participant
from missa.participation.services import propose_idea

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(open_call: Call, lea: User) -> Idea:
    return propose_idea(
        call=open_call, author=lea, title="Des bancs", text="Des bancs à l'ombre sur les quais."
    )


def counts(idea: Idea) -> tuple[int, int]:
    idea.refresh_from_db()
    idea.call.refresh_from_db()
    return idea.comment_count, idea.call.comment_count


def test_a_comment_and_a_reply_are_counted_and_the_replied_person_is_told(
    idea: Idea, lea: User, marc: User
) -> None:
    first = post_comment(target=idea, author=marc, text="Très *bonne* idée")
    reply = post_comment(target=idea, author=lea, text="Merci !", parent=first)
    # Replying to a reply joins its thread: one level only.
    again = post_comment(target=idea, author=marc, text="De rien", parent=reply)
    assert again.parent == first and reply.parent == first
    assert counts(idea) == (3, 3)
    assert Comment.objects.get(pk=first.pk).reply_count == 2
    told = Notification.objects.get(user=marc, kind="reply")
    assert told.title == "Lea replied to your comment" or "a répondu" in told.title
    assert told.url.endswith(f"#comment-{reply.pk}")
    # Commenting is taking part in the call.
    assert Participant.objects.filter(user=marc, call=idea.call).exists()


def test_comments_need_a_confirmed_address_and_an_open_discussion(
    idea: Idea, make_person: Any, marc: User
) -> None:
    with pytest.raises(PermissionDenied):
        post_comment(target=idea, author=make_person("nobody", verified=False), text="Hé")
    with pytest.raises(ValidationError):
        post_comment(target=idea, author=marc, text="   ")
    with pytest.raises(ValidationError):
        post_comment(target=idea, author=marc, text="x" * 2001)
    Call.objects.filter(pk=idea.call_id).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    idea = Idea.objects.get(pk=idea.pk)
    with pytest.raises(ValidationError) as refused:
        post_comment(target=idea, author=marc, text="Trop tard")
    assert refused.value.code == "closed"


def test_its_author_changes_a_comment_for_15_minutes_and_deletes_it(
    idea: Idea, lea: User, marc: User
) -> None:
    comment = post_comment(target=idea, author=marc, text="Premier jet")
    with pytest.raises(PermissionDenied):
        edit_comment(comment=comment, by=lea, text="Pas à moi")
    assert edit_comment(comment=comment, by=marc, text="Version propre").edited_at is not None
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=16)
    )
    with pytest.raises(ValidationError):
        edit_comment(comment=Comment.objects.get(pk=comment.pk), by=marc, text="Trop tard")
    delete_comment(comment=comment, by=marc)
    deleted = Comment.objects.get(pk=comment.pk)
    assert deleted.deleted_at is not None and deleted.text == ""
    assert counts(idea) == (0, 0)
    # An idea discussed can no longer be changed by its author.
    assert Idea.objects.get(pk=idea.pk).is_editable is True  # no visible comment left


def test_a_report_hides_a_comment_with_a_reason_its_author_reads(
    idea: Idea, lea: User, marc: User, editor: User
) -> None:
    comment = post_comment(target=idea, author=marc, text="Propos insultant")
    first = report(target=comment, reporter=lea, reason="Insulte")
    with pytest.raises(ValidationError):
        report(target=comment, reporter=lea, reason="Encore")  # once while open
    with pytest.raises(PermissionDenied):
        hide(report=first, by=lea, reason="Non")
    hide(report=first, by=editor, reason="Insulte envers une personne.")
    hidden = Comment.objects.get(pk=comment.pk)
    assert hidden.hidden_at is not None and hidden.hidden_reason == "Insulte envers une personne."
    assert counts(idea) == (0, 0)
    assert Report.objects.get(pk=first.pk).status == Report.Status.HIDDEN
    assert Notification.objects.get(user=marc, kind="hidden").text == "Insulte envers une personne."
    with pytest.raises(ValidationError):
        hide(report=first, by=editor, reason="Deux fois")


def test_an_idea_reported_and_hidden_leaves_the_lists_and_a_trace(
    client: Client, idea: Idea, marc: User, editor: User
) -> None:
    hide(
        report=report(target=idea, reporter=marc, reason="Publicité"),
        by=editor,
        reason="Publicité.",
    )
    idea.refresh_from_db()
    assert idea.is_hidden and idea.call.ideas.listed().count() == 0
    assert Call.objects.get(pk=idea.call_id).idea_count == 0
    html = client.get(f"/ideas/{idea.pk}/").content.decode()
    assert "Masquée par la modération" in html and "Des bancs à l" not in html


def test_a_dismissed_report_keeps_the_content(idea: Idea, marc: User, editor: User) -> None:
    dismiss(report=report(target=idea, reporter=marc, reason="Bof"), by=editor)
    assert not Idea.objects.get(pk=idea.pk).is_hidden
    assert Report.objects.get().status == Report.Status.DISMISSED


def test_commenting_works_without_javascript_and_with_htmx(
    client: Client, idea: Idea, marc: User
) -> None:
    client.force_login(marc)
    url = f"/comments/on/participation.idea/{idea.pk}/"
    response = client.post(url, {"text": "Bonne idée", "comments": "oldest"})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ideas/{idea.pk}/?comments=oldest&page=1#comment-{comment.pk}"
    response = client.post(
        url, {"text": "Et une réponse", "parent": comment.pk}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'id="comments"' in html and "Et une réponse" in html
    # Bad inputs: too long, an unknown target, a kind of object nobody discusses.
    html = client.post(url, {"text": "x" * 2001}, headers={"HX-Request": "true"}).content.decode()
    assert "message-error" in html
    assert client.post("/comments/on/participation.idea/999999/", {"text": "x"}).status_code == 404
    assert client.post("/comments/on/accounts.user/1/", {"text": "x"}).status_code == 404


def test_the_moderation_queue_is_for_editors(
    client: Client, idea: Idea, marc: User, editor: User
) -> None:
    comment = post_comment(target=idea, author=marc, text="Hors sujet")
    assert idea.author is not None
    report(target=comment, reporter=idea.author, reason="Hors sujet")
    client.force_login(marc)
    assert client.get("/moderation/").status_code == 403
    client.force_login(editor)
    response = client.get("/moderation/")
    assert "Hors sujet" in response.content.decode()
    pk = Report.objects.get().pk
    assert client.post(f"/moderation/{pk}/hide/", {"reason": ""}).status_code == 302
    assert Comment.objects.get().hidden_at is None  # a reason is needed
    client.post(f"/moderation/{pk}/hide/", {"reason": "Hors sujet."})
    assert Comment.objects.get().hidden_at is not None
    assert "Hors sujet." in client.get("/moderation/?status=decided").content.decode()


def test_reporting_from_the_page(client: Client, idea: Idea, marc: User) -> None:
    client.force_login(marc)
    url = f"/report/participation.idea/{idea.pk}/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": ""}).status_code == 200  # the form again, with its error
    assert client.post(url, {"reason": "Publicité"}).status_code == 302
    assert Report.objects.get().reason == "Publicité"
    assert client.get("/report/accounts.user/1/").status_code == 404


@pytest.mark.parametrize("signed_in", [False, True])
def test_an_idea_page_with_its_discussion_runs_the_same_queries_at_two_sizes(
    client: Client,
    idea: Idea,
    marc: User,
    count_queries: Callable[[Callable[[], object]], int],
    signed_in: bool,
) -> None:
    def discuss(n: int) -> None:
        for number in range(n):
            first = post_comment(target=idea, author=marc, text=f"Commentaire {number}")
            post_comment(target=idea, author=marc, text="Réponse", parent=first)

    if signed_in:
        client.force_login(marc)
    discuss(2)
    cache.clear()
    small = count_queries(lambda: client.get(f"/ideas/{idea.pk}/"))
    discuss(25)
    cache.clear()
    large = count_queries(lambda: client.get(f"/ideas/{idea.pk}/"))
    assert small == large <= (20 if signed_in else 12), (small, large)


def test_the_moderation_queue_runs_the_same_queries_at_two_sizes(
    client: Client,
    idea: Idea,
    marc: User,
    editor: User,
    count_queries: Callable[[Callable[[], object]], int],
) -> None:
    def reported(n: int) -> None:
        for number in range(n):
            comment = post_comment(target=idea, author=marc, text=f"Hors sujet {number}")
            report(target=comment, reporter=editor, reason="Hors sujet")

    client.force_login(editor)
    reported(2)
    small = count_queries(lambda: client.get("/moderation/"))
    reported(20)
    large = count_queries(lambda: client.get("/moderation/"))
    assert small == large <= 20
