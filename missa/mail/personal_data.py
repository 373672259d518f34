"""What the mail queue holds about a person: the emails sent to their addresses."""

from typing import Any

from missa.core.gdpr import addresses_of, matching, row_data

from .models import OutgoingEmail


def export(user: Any) -> dict[str, Any]:
    emails = OutgoingEmail.objects.filter(matching("to", addresses_of(user)))
    return {"emails_sent_to_you": [row_data(email) for email in emails]}


def erase(user: Any) -> None:
    OutgoingEmail.objects.filter(matching("to", addresses_of(user))).delete()
