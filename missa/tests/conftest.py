"""Browser fixtures: one Chromium per test module, one watched page per test."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from missa.browser import CHROMIUM, CHROMIUM_ARGS, PageWatch, watched_page


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, PageWatch]]:
    with watched_page(browser, viewport={"width": 1280, "height": 900}) as watched:
        yield watched
