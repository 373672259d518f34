"""Every email goes through the queue: safe headers, delivered in the background, retried."""

import datetime
from collections.abc import Callable

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from missa.mail import services
from missa.mail.models import OutgoingEmail
from missa.mail.services import MAX_ATTEMPTS, queue_email

DOWN = {"default": {"BACKEND": "missa.mail.tests.backends.DownBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db
def test_headers_are_safe_whatever_the_data() -> None:
    email = queue_email(
        to="lea@example.org",
        subject="Bienvenue\r\nBcc: victim@example.org\x00 à la Sorgue",
        body="Bonjour\r\nLéa\x07",
    )
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    [sent] = mail.outbox
    assert sent.subject == "Bienvenue Bcc: victim@example.org à la Sorgue"
    assert sent.to == ["lea@example.org"]
    assert sent.bcc == []
    assert sent.body == "Bonjour\nLéa"
    # Once sent, the text is not kept: it may hold a sign-in link.
    assert OutgoingEmail.objects.get().body == ""


@pytest.mark.django_db
def test_an_address_that_is_not_one_fails_without_raising() -> None:
    email = queue_email(to="lea@example.org\nBcc: x@example.org", subject="S", body="B")
    assert email.status == OutgoingEmail.Status.FAILED
    assert mail.outbox == []


@pytest.mark.django_db
@override_settings(MAILERS=DOWN)
def test_a_mail_server_that_fails_is_retried_then_given_up() -> None:
    email = queue_email(to="lea@example.org", subject="S", body="B")
    email.refresh_from_db()
    # The immediate test queue cannot wait: it gives up at once, with the reason.
    assert email.status == OutgoingEmail.Status.FAILED
    assert "Connection unexpectedly closed" in OutgoingEmail.objects.get().last_error


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_worker_delivers_the_queue_and_plans_retries() -> None:
    from django_tasks_db.models import DBTaskResult

    email = queue_email(to="lea@example.org", subject="Bienvenue", body="Bonjour")
    # Queued with the step; nothing is sent in the request.
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert [message.subject for message in mail.outbox] == ["Bienvenue"]

    with override_settings(MAILERS=DOWN):
        failing = queue_email(to="eve@example.org", subject="Rappel", body="…")
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
        failing.refresh_from_db()
        assert (failing.status, failing.attempts) == (OutgoingEmail.Status.QUEUED, 1)
        assert failing.next_attempt_at is not None
        assert failing.next_attempt_at > timezone.now() + datetime.timedelta(seconds=50)
        # The retry waits for its time: the worker leaves it alone until then.
        retry = DBTaskResult.objects.order_by("-enqueued_at").first()
        assert retry is not None and retry.run_after == failing.next_attempt_at
        for _attempt in range(MAX_ATTEMPTS - 1):
            services.deliver(failing.pk)
        failing.refresh_from_db()
        assert (failing.status, failing.attempts) == (OutgoingEmail.Status.FAILED, MAX_ATTEMPTS)


@pytest.mark.django_db
def test_editors_see_failed_emails_and_send_them_again(
    client: Client, totp_code: Callable[[object], str]
) -> None:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.models import Group

    from missa.accounts.models import User

    editor = User.objects.create_user("ed", "ed@example.org", "pw-sorgue-2017", is_staff=True)
    editor.groups.add(Group.objects.get(name="editors"))
    TOTP.activate(editor, generate_totp_secret())
    client.force_login(editor)
    with override_settings(MAILERS=DOWN):
        failed = queue_email(to="lea@example.org", subject="Votre candidature", body="…")
    mail.outbox.clear()
    page = client.get("/admin/mail/outgoingemail/?status__exact=failed")
    assert page.status_code == 200
    html = page.content.decode()
    assert "lea@example.org" in html
    assert "SMTPServerDisconnected" in html
    response = client.post(
        "/admin/mail/outgoingemail/",
        {"action": "send_again", "_selected_action": [failed.pk], "index": 0},
    )
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == OutgoingEmail.Status.SENT
    assert [message.subject for message in mail.outbox] == ["Votre candidature"]
