"""Playwright helpers for browser tests: Debian's Chromium, axe-core, and a watch on errors."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response

if TYPE_CHECKING:
    from playwright._impl._api_structures import SetCookieParam

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@dataclass
class PageWatch:
    """Console errors, failed requests and error responses seen by a page."""

    problems: list[str] = field(default_factory=list)
    allowed_statuses: set[int] = field(default_factory=set)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        # Chromium also logs an expected error status (a 403 page the test visits on purpose).
        status = re.search(r"responded with a status of (\d+)", message.text)
        if status and int(status.group(1)) in self.allowed_statuses:
            return
        self.problems.append(f"console: {message.text}")

    def on_request_failed(self, request: Request) -> None:
        # A request cut short because the page navigated away (the favicon, typically) is
        # ERR_ABORTED; a missing file shows up in on_response with its status instead.
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"failed request: {request.url} {request.failure}")

    def on_response(self, response: Response) -> None:
        if response.status >= 400 and response.status not in self.allowed_statuses:
            self.problems.append(f"HTTP {response.status}: {response.url}")


@contextmanager
def watched_page(browser: Browser, **context_options: object) -> Iterator[tuple[Page, PageWatch]]:
    """Open a page with axe-core loaded in every document and errors recorded."""
    context = browser.new_context(**context_options)  # type: ignore[arg-type]
    context.set_default_timeout(10_000)
    # An init script runs through the DevTools protocol: the page's CSP still applies to the page.
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    watch = PageWatch()
    page.on("console", watch.on_console)
    page.on("pageerror", lambda error: watch.problems.append(f"page error: {error}"))
    page.on("requestfailed", watch.on_request_failed)
    page.on("response", watch.on_response)
    try:
        yield page, watch
    finally:
        context.close()


def axe_violations(page: Page) -> list[str]:
    """Run axe-core on the page; return one line per WCAG 2.1 A/AA violation."""
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [
        f"{violation['id']}: {violation['help']} — "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


def check(page: Page, watch: PageWatch) -> None:
    """Assert the page has one h1, no accessibility violation, console error or failed request."""
    # A click that navigates returns once the new document is committed, before it is parsed:
    # axe needs the loaded document.
    page.wait_for_load_state("load")
    assert axe_violations(page) == [], page.url
    assert watch.problems == [], (page.url, watch.problems)
    assert page.locator("h1").count() == 1, page.url


def signed_in_cookie(user: Any, live_server: object) -> "SetCookieParam":
    """Return the session cookie of user signed in (without the sign-in pages' steps)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "missa.accounts.backends.TwoFactorModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": session.session_key or "",
        "url": str(live_server),
    }
