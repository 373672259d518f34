"""The site's menus, one list each: the base layout draws them (templatetags/navigation.py).

A new section of the site is one line here: its URL name, its label, and whether the pages
under its address belong to it (a prefix) or only the address itself (exact).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from missa.notifications.services import unread_count


@dataclass(frozen=True)
class MenuItem:
    url_name: str
    label: str | Promise
    # Current on its own address only, not on the pages under it.
    exact: bool = False
    # Shown only to those who hold this permission.
    permission: str = ""
    # A number shown next to it (a stored figure for the person), with what it counts.
    count: Callable[[Any], int] | None = None
    count_label: str | Promise = ""


MAIN_MENU = [
    MenuItem("site:home", _("Home"), exact=True),
    MenuItem("programme:programme", _("The programme"), exact=True),
    MenuItem("participation:call-list", _("Ideas")),
    MenuItem("meetings:meeting-list", _("Committee")),
    MenuItem("actions:plan-list", _("The plan")),
    MenuItem("indicators:dashboard", _("Benefits")),
    MenuItem("journal:month-list", _("Journal")),
    MenuItem("actors:actor-list", _("Actors")),
    MenuItem("charter:charter", _("The charter")),
    MenuItem("applications:register", _("The network"), exact=True),
    MenuItem("brandkit:kit", _("Brand kit")),
]

# For a signed-in person (signing out, a form, follows these links).
ACCOUNT_MENU = [
    MenuItem(
        "site:my-organisation",
        _("My organisation"),
        permission="actors.act_for_an_organisation",
    ),
    MenuItem(
        "notifications:list",
        _("Notifications"),
        count=unread_count,
        count_label=_("unread"),
    ),
    MenuItem("follows:follow-list", _("What I follow")),
    MenuItem("accounts:profile", _("My account")),
    MenuItem("applications:my-applications", _("My applications")),
    MenuItem("discussion:moderation", _("Moderation"), permission="discussion.moderate"),
    MenuItem("letters:letter-list", _("Monthly letters"), permission="letters.manage_letters"),
    MenuItem(
        "applications:review-queue",
        _("Applications to review"),
        permission="applications.review_application",
    ),
]
