"""Sending email: queued in the same transaction as the step that sends it, delivered by a task.

A step that saves data and sends an email never fails because of the email: the email is a row
written with the step, delivered by the background worker, retried when the mail server does
not answer, and shown to editors when it could not be sent. Whatever the data, the headers are
safe: control characters never reach a subject or an address.
"""

import datetime
import logging
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.tasks import default_task_backend
from django.utils import timezone

from .models import OutgoingEmail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
# Waits before the 2nd, 3rd, 4th and 5th attempts.
RETRY_DELAYS = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=3),
]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
SUBJECT_LENGTH = OutgoingEmail._meta.get_field("subject").max_length or 255


def safe_subject(text: str) -> str:
    """Return text as one line: line breaks and control characters become single spaces."""
    return " ".join(_CONTROL.sub(" ", text).split())[:SUBJECT_LENGTH]


def safe_body(text: str) -> str:
    """Return text without control characters other than line breaks and tabs."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


@transaction.atomic
def queue_email(
    *, to: str, subject: str, body: str, html_body: str = "", headers: dict[str, str] | None = None
) -> OutgoingEmail:
    """Queue an email to one recipient; the background worker delivers it."""
    email = OutgoingEmail.objects.create(
        to=to.strip()[:254],
        subject=safe_subject(subject),
        body=safe_body(body),
        html_body=safe_body(html_body),
        headers={name: safe_subject(value) for name, value in (headers or {}).items()},
    )
    try:
        validate_email(email.to)
    except ValidationError:
        email.status = OutgoingEmail.Status.FAILED
        email.last_error = "Not an email address."
        email.save(update_fields=["status", "last_error"])
        return email
    from .tasks import deliver_email

    # In the same transaction as the step: both are saved, or neither.
    deliver_email.enqueue(email.pk)
    return email


def queue_message(message: EmailMessage) -> list[OutgoingEmail]:
    """Queue a rendered message (such as allauth's) as one email per recipient."""
    html = next(
        (
            str(content)
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ),
        "",
    )
    body = str(message.body)
    if message.content_subtype == "html" and not html:
        body, html = "", body
    return [
        queue_email(to=address, subject=str(message.subject), body=body, html_body=html)
        for address in message.to
    ]


def deliver(email_id: int) -> OutgoingEmail | None:
    """Send a queued email now; on failure, plan the next attempt or give up."""
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status != OutgoingEmail.Status.QUEUED:
            return email
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email.to],
            headers=email.headers or None,
        )
        if email.html_body:
            message.attach_alternative(email.html_body, "text/html")
        email.attempts += 1
        try:
            message.send()
        except Exception as error:  # the mail server's errors are many; none is the step's
            logger.warning("Email %s not sent (attempt %s): %s", email.pk, email.attempts, error)
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            _plan_retry(email)
        else:
            email.status = OutgoingEmail.Status.SENT
            email.sent_at = timezone.now()
            email.next_attempt_at = None
            email.last_error = ""
            email.body = email.html_body = ""
        email.save()
        return email


def _plan_retry(email: OutgoingEmail) -> None:
    from .tasks import deliver_email

    if email.attempts >= MAX_ATTEMPTS or not default_task_backend.supports_defer:
        email.status = OutgoingEmail.Status.FAILED
        email.next_attempt_at = None
        return
    email.next_attempt_at = timezone.now() + RETRY_DELAYS[email.attempts - 1]
    deliver_email.using(run_after=email.next_attempt_at).enqueue(email.pk)


@transaction.atomic
def retry(email: OutgoingEmail) -> OutgoingEmail:
    """Send a failed email again (editors ask for it once the mail server is fixed)."""
    from .tasks import deliver_email

    locked = OutgoingEmail.objects.select_for_update().get(pk=email.pk)
    if locked.status != OutgoingEmail.Status.FAILED or not (locked.body or locked.html_body):
        return locked
    locked.status = OutgoingEmail.Status.QUEUED
    locked.attempts = 0
    locked.save(update_fields=["status", "attempts"])
    deliver_email.enqueue(locked.pk)
    return locked
