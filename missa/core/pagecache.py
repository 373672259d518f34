"""Public pages served to anonymous visitors from the shared cache.

A public page changes only when data does: it is kept, for each language and address, under
the data version (core.versioning) and today's date, so that any committed write shows on the
next request, on every server — correct by construction, not by invalidation lists.

Only what is the same for every visitor is kept: GET requests without a session or a pending
message, answered 200 with HTML, that set no cookie, used no CSRF token (no form to post) and
did not ask not to be stored. A kept page is stored with its CSP nonce replaced by a marker,
and every visitor gets a fresh nonce.
"""

import datetime
import hashlib
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone, translation

from .versioning import code_version, data_version

logger = logging.getLogger(__name__)
PAGE_TTL = 600
NONCE_MARK = "__missa-csp-nonce__"
_SKIPPED_HEADERS = {"content-length", "set-cookie"}
# Bumped whenever a setting changes (tests, mostly): a page made under other settings is stale.
_settings_generation = 0


def _on_setting_changed(**kwargs: Any) -> None:
    global _settings_generation
    _settings_generation += 1


setting_changed.connect(_on_setting_changed, dispatch_uid="missa-page-cache-settings")


def _is_candidate(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        # The health check must reach the database itself (and never create one).
        and request.path_info != "/healthz"
        and not request.path_info.startswith(("/admin/", "/en/admin/"))
    )


def _key(request: HttpRequest) -> str:
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    address = "|".join(
        [
            str(request.scheme),
            request.get_host(),
            request.get_full_path(),
            language,
            "htmx" if request.headers.get("HX-Request") == "true" else "",
        ]
    )
    digest = hashlib.sha256(address.encode()).hexdigest()
    today = timezone.localdate().isoformat()
    return f"page:{code_version()}:{data_version()}:{_settings_generation}:{today}:{digest}"


def _storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(getattr(request, "session", None), "modified", False)
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


class AnonymousPageCacheMiddleware:
    """Serve public pages to anonymous visitors from the shared cache (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not _is_candidate(request):
            return self.get_response(request)
        try:
            key = _key(request)
            stored = cache.get(key)
        except Exception as error:  # no cache: the page is made, as without this middleware
            logger.warning("Page cache unavailable: %s", error)
            return self.get_response(request)
        if stored is not None:
            return self._replay(request, stored)
        response = self.get_response(request)
        if _storable(request, response) and isinstance(response, HttpResponse):
            try:
                cache.set(key, self._record(request, response), PAGE_TTL)
            except Exception as error:
                logger.warning("Page not cached: %s", error)
        return response

    @staticmethod
    def _record(request: HttpRequest, response: HttpResponse) -> dict[str, Any]:
        content = response.content.decode(response.charset)
        nonce = getattr(request, "_csp_nonce", None)
        if nonce:  # generated, so used by the page: never stored, never shared
            content = content.replace(str(nonce), NONCE_MARK)
        return {
            "content": content,
            "charset": response.charset,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() not in _SKIPPED_HEADERS
            ],
            "stored_at": timezone.now().isoformat(),
        }

    @staticmethod
    def _replay(request: HttpRequest, stored: dict[str, Any]) -> HttpResponse:
        content = str(stored["content"])
        if NONCE_MARK in content:
            # A fresh nonce for this visitor; the CSP middleware writes it in the header.
            content = content.replace(NONCE_MARK, str(request._csp_nonce))  # type: ignore[attr-defined]
        response = HttpResponse(content, charset=stored["charset"])
        for name, value in stored["headers"]:
            response[name] = value
        response["Age"] = str(
            max(
                0,
                int(
                    (
                        timezone.now() - datetime.datetime.fromisoformat(stored["stored_at"])
                    ).total_seconds()
                ),
            )
        )
        return response


def content_key(request: HttpRequest, scope: str) -> str:
    """Return the cache key of a page's main content, the same for everyone within scope."""
    language = translation.get_language()
    address = "|".join([request.get_full_path(), language, scope])
    digest = hashlib.sha256(address.encode()).hexdigest()
    today = timezone.localdate().isoformat()
    return f"content:{code_version()}:{data_version()}:{_settings_generation}:{today}:{digest}"
