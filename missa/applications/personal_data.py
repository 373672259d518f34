"""What the applications app holds about a person: their applications (they go with the
account) and the logos they uploaded."""

from typing import Any

from missa.actors.models import Actor
from missa.core.images import delete_image

from .models import Application


def erase(user: Any) -> None:
    """Delete the files of the person's applications (the rows go with the account), with their
    smaller copies; a logo that became an organisation's (an approved application) stays hers."""
    in_use = Actor.objects.exclude(logo="").values("logo")
    for application in (
        Application.objects.filter(applicant=user).exclude(logo="").exclude(logo__in=in_use)
    ):
        delete_image(application.logo)
