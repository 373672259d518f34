"""What co-construction holds about a person: their ideas (found through the account, and
kept without their name once it is deleted, as contributions to a public debate), their
supports and their participation, which leave the figures with the account."""

from typing import Any

from .services import forget_participant


def erase(user: Any) -> None:
    forget_participant(user=user)
