"""The back office is held to the public site's zero: axe on the admin forms editors use."""

import os

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import Browser

from missa.accounts.models import User
from missa.actors.models import Actor
from missa.browser import CHROMIUM, axe_violations, watched_page
from missa.core.models import Territory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]

ADMIN_FORMS = [
    "/admin/",
    "/admin/actors/actor/add/",
    "/admin/activity/activity/add/",
    "/admin/journal/journalmonth/add/",
    "/admin/brandkit/misusereport/add/",
    "/admin/brandkit/brandasset/add/",
    "/admin/press/pressrelease/add/",
    "/admin/programme/phase/add/",
    "/admin/actors/membership/add/",
]


@pytest.mark.parametrize("width", [1280, 375])
def test_admin_forms_have_no_accessibility_violation(
    live_server: object, cast: dict[str, Actor], browser: Browser, width: int
) -> None:
    from missa.browser import signed_in_cookie

    administrator = User.objects.create_superuser("ada", "ada@example.org", "pw-sorgue-2017")
    TOTP.activate(administrator, generate_totp_secret())
    territory = Territory.objects.get()
    pages = [*ADMIN_FORMS, f"/admin/core/territory/{territory.pk}/change/"]
    found = {}
    with watched_page(browser, viewport={"width": width, "height": 900}) as (tab, _watch):
        tab.context.add_cookies([signed_in_cookie(administrator, live_server)])
        for path in pages:
            tab.goto(f"{live_server}{path}")
            tab.wait_for_load_state("load")
            violations = axe_violations(tab)
            if violations:
                found[path] = violations
    assert found == {}, "\n".join(
        f"{path}: {line}" for path, lines in found.items() for line in lines
    )
