"""What the site's own pages write: the contact form's messages."""

from django.conf import settings
from django.template.loader import render_to_string

from missa.accounts.models import User
from missa.core.models import Territory
from missa.mail.identity import site_identity
from missa.mail.services import queue_email


def send_contact_message(*, name: str, email: str, subject: str, message: str) -> None:
    """Queue the message to the contact address (or the editors), and its copy to the sender."""
    territory = Territory.objects.current()
    recipients = [territory.contact_email] if territory and territory.contact_email else []
    if not recipients:
        recipients = list(
            User.objects.filter(
                groups__name=settings.MISSA_EDITORS_GROUP, is_active=True
            ).values_list("email", flat=True)
        )
    context = {
        **site_identity(),
        "name": name,
        "email": email,
        "subject": subject,
        "message": message,
    }
    for recipient in recipients:
        queue_email(
            to=recipient,
            subject=render_to_string("site/email/contact_subject.txt", context),
            body=render_to_string("site/email/contact.txt", {**context, "recipient_name": ""}),
        )
    queue_email(
        to=email,
        subject=render_to_string("site/email/contact_copy_subject.txt", context),
        body=render_to_string("site/email/contact_copy.txt", {**context, "recipient_name": name}),
    )
