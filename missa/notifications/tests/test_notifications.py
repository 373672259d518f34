"""A person is told in the site (the bell's count is stored) and by email for the kinds they
chose; they read, open and mark their notifications."""

from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client

from missa.accounts.models import User
from missa.notifications.models import Notification
from missa.notifications.services import choose_emails, mark_read, notify


def unread_count(user: User) -> int:
    """The stored number, as the next request reads it."""
    return User.objects.get(pk=user.pk).unread_notifications


pytestmark = pytest.mark.django_db

KIND = Notification.Kind.REPLY


@pytest.fixture
def lea(db: object) -> User:
    return User.objects.create_user("lea", "lea@example.org", "pw-sorgue-2017", display_name="Léa")


def tell(user: User, title: str = "Marc vous a répondu") -> Notification:
    notification = notify(user=user, kind=KIND, title=title, url="/ideas/1/", text="Bonne idée !")
    assert notification is not None
    return notification


def test_a_notification_is_listed_counted_and_emailed(client: Client, lea: User) -> None:
    tell(lea)
    assert unread_count(lea) == 1
    [email] = mail.outbox
    assert email.to == ["lea@example.org"] and email.subject == "Marc vous a répondu"
    assert "/notifications/settings/" in email.body and "Bonjour Léa" in email.body
    client.force_login(lea)
    html = client.get("/notifications/").content.decode()
    assert "Marc vous a répondu" in html
    # The bell in the header says it too.
    assert '<span class="menu-count">1<span class="visually-hidden"> non lues</span>' in html


def test_people_choose_which_kinds_come_by_email(client: Client, lea: User) -> None:
    client.force_login(lea)
    response = client.post("/notifications/settings/", {"kinds": ["idea_answered"]})
    assert response.status_code == 302
    tell(lea)
    assert mail.outbox == [] and unread_count(lea) == 1
    form = client.get("/notifications/settings/").context["form"]
    assert form.initial["kinds"] == ["idea_answered"]


def test_opening_one_marks_it_read_and_goes_where_it_points(client: Client, lea: User) -> None:
    first, second = tell(lea), tell(lea, "Autre")
    client.force_login(lea)
    response = client.get(f"/notifications/{first.pk}/")
    assert response.status_code == 302 and response["Location"] == "/ideas/1/"
    assert unread_count(lea) == 1
    client.post("/notifications/read/")
    assert unread_count(lea) == 0
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert second.pk


def test_nobody_opens_someone_elses(client: Client, lea: User) -> None:
    notification = tell(lea)
    other = User.objects.create_user("marc", "marc@example.org", "pw-sorgue-2017")
    client.force_login(other)
    assert client.get(f"/notifications/{notification.pk}/").status_code == 404
    assert client.get("/notifications/abc/").status_code == 404
    assert unread_count(lea) == 1


def test_the_stored_count_equals_the_unread_notifications(lea: User) -> None:
    notes = [tell(lea) for _ in range(5)]
    mark_read(user=lea, notification=notes[0])
    mark_read(user=lea, notification=notes[0])  # twice: counted once
    choose_emails(user=lea, kinds=set())
    tell(lea)
    unread = Notification.objects.filter(user=lea, read_at__isnull=True).count()
    assert unread_count(lea) == unread == 5


def test_an_inactive_account_is_not_notified(lea: User) -> None:
    User.objects.filter(pk=lea.pk).update(is_active=False)
    lea.refresh_from_db()
    assert notify(user=lea, kind=KIND, title="x", url="/") is None


def test_the_list_runs_the_same_queries_at_two_sizes(
    client: Client, lea: User, count_queries: Callable[[Callable[[], object]], int]
) -> None:
    client.force_login(lea)
    tell(lea)
    small = count_queries(lambda: client.get("/notifications/"))
    for _ in range(30):
        tell(lea)
    large = count_queries(lambda: client.get("/notifications/"))
    assert small == large <= 20
