"""What the applications app holds about a person: their applications (they go with the
account) and the logos they uploaded."""

from typing import Any

from .models import Application


def erase(user: Any) -> None:
    """Delete the files of the person's applications (the rows go with the account)."""
    for application in Application.objects.filter(applicant=user).exclude(logo=""):
        application.logo.delete(save=False)
