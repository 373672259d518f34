"""What every request to /api/v1/ goes through, whichever router answers it.

- The rate limit: a client address may make MISSA_API_REQUESTS_PER_MINUTE requests a minute
  (counted in the shared cache, so across every app server); past it, 429 with Retry-After.
- CORS: any origin may read (GET, HEAD), and the preflight is answered here. Writing (with a
  personal token) is for an organisation's servers, not for pages in a browser: the preflight
  does not offer it, so no page can send a token it got hold of.
- Conditional requests: a reading's ETag and Last-Modified come from the data version
  (core.versioning) and the day, known before any view runs, so `If-None-Match` or
  `If-Modified-Since` get 304 at the cost of two cache reads.
- Kept answers: a successful reading is kept in the shared cache under that same ETag, for
  every client and every server, until the next write. Readings never depend on who asks (the
  API shows what a visitor sees), which is what makes keeping them right.
"""

import datetime
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _

from missa.core import ratelimit
from missa.core.versioning import code_version, data_changed_at, data_version

from . import problems

PREFIX = "/api/v1/"
WINDOW = 60
KEPT_TTL = 600
READING = {"GET", "HEAD"}
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After",
}


def today() -> datetime.date:
    return timezone.localdate()


def _etag(request: HttpRequest) -> str:
    digest = hashlib.sha256(
        "|".join(
            [code_version(), str(data_version()), today().isoformat(), request.get_full_path()]
        ).encode()
    ).hexdigest()[:32]
    return f'"{digest}"'


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        # API addresses carry no language: messages follow the asker's Accept-Language.
        translation.activate(problems.language_of(request))
        request.LANGUAGE_CODE = translation.get_language()
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.answer(request)
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response

    def answer(self, request: HttpRequest) -> HttpResponse:
        limit = settings.MISSA_API_REQUESTS_PER_MINUTE
        client = str(request.META.get("REMOTE_ADDR", ""))
        if not ratelimit.allow("api", client, limit=limit, window=WINDOW):
            wait = ratelimit.retry_after(WINDOW)
            response = problems.problem(
                request,
                429,
                _("Too many requests: at most %(limit)s a minute. Try again in %(wait)s s.")
                % {"limit": limit, "wait": wait},
            )
            response["Retry-After"] = str(wait)
            return response
        if request.method not in READING:
            return self.get_response(request)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"  # the routers answer GET; a HEAD gets the same headers
        # A reading changes with the data, and with the day (a phase's status, a role's end).
        midnight = datetime.datetime.combine(
            today(), datetime.time(), timezone.get_current_timezone()
        )
        etag, changed_at = _etag(request), max(data_changed_at(), int(midnight.timestamp()))
        not_modified = get_conditional_response(request, etag=etag, last_modified=changed_at)
        response = not_modified if not_modified is not None else self.read(request, etag)
        if response.status_code not in (200, 304):
            return response
        response["ETag"] = etag
        response["Last-Modified"] = http_date(changed_at)
        # Kept by clients and proxies, but asked again each time (a 304 costs little).
        response["Cache-Control"] = "public, no-cache"
        if head and response.status_code == 200:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response

    def read(self, request: HttpRequest, etag: str) -> HttpResponse:
        """Return the kept answer for this ETag, or make it and keep it when it succeeds."""
        key = f"api:{etag}"
        kept = cache.get(key) if settings.MISSA_SHARED_CONTENT else None
        if kept is not None:
            content, content_type = kept
            return HttpResponse(content, content_type=content_type)
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming:
            cache.set(key, (response.content, response["Content-Type"]), KEPT_TTL)
        return response
