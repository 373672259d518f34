"""The one way a person is notified: `notify`, in the site and, if they want it, by email."""

from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from missa.accounts.models import User
from missa.mail.identity import site_identity
from missa.mail.services import queue_email

from .models import EmailChoice, Notification


def wants_email(user: User, kind: str) -> bool:
    choice = EmailChoice.objects.filter(user=user, kind=kind).values_list("by_email", flat=True)
    return next(iter(choice), True)


@transaction.atomic
def notify(*, user: User, kind: str, title: str, url: str, text: str = "") -> Notification | None:
    """Tell user something (title and text already in their language): a notification in the
    site, the bell's count, and an email if they want this kind by email."""
    if not user.is_active:
        return None
    notification = Notification.objects.create(
        user=user, kind=kind, title=title[:300], text=text, url=url
    )
    User.objects.filter(pk=user.pk).update(unread_notifications=F("unread_notifications") + 1)
    if user.email and wants_email(user, kind):
        with translation.override(user.language):
            context = {
                **site_identity(),
                "notification": notification,
                "recipient_name": user.greeting_name,
                "settings_path": reverse("notifications:settings"),
            }
            subject = render_to_string("notifications/email/notification_subject.txt", context)
            body = render_to_string("notifications/email/notification.txt", context)
        queue_email(to=user.email, subject=subject, body=body)
    return notification


@transaction.atomic
def mark_read(*, user: User, notification: Notification | None = None) -> None:
    """Mark one notification (or all of them) read, and keep the bell's count."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification is not None:
        unread = unread.filter(pk=notification.pk)
    count = unread.update(read_at=timezone.now())
    if count:
        User.objects.filter(pk=user.pk).update(
            unread_notifications=F("unread_notifications") - count
        )


def unread_count(user: User) -> int:
    """The bell's number: stored on the account, read with it (no query)."""
    return int(user.unread_notifications) if user.is_authenticated else 0


@transaction.atomic
def choose_emails(*, user: User, kinds: set[str]) -> None:
    """Say which kinds of notification also come by email."""
    for kind in Notification.Kind.values:
        EmailChoice.objects.update_or_create(
            user=user, kind=kind, defaults={"by_email": kind in kinds}
        )
