"""Errors as problem details (RFC 9457): `application/problem+json`, in the asker's language
(its Accept-Language, activated by the API's middleware).

Every error of the API has this shape, whether the router, the validation of a parameter or
the API's middleware (rate limit) refused the request.
"""

import json
from http import HTTPStatus
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation

CONTENT_TYPE = "application/problem+json"


def language_of(request: HttpRequest) -> str:
    """The language of the asker's Accept-Language header (API addresses carry none)."""
    return translation.get_language_from_request(request, check_path=False)


def problem(request: HttpRequest, status: int, detail: Any, **extra: Any) -> HttpResponse:
    """Return a problem-details response (in the language the API middleware activated)."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": str(detail),
        **{name: _evaluated(value) for name, value in extra.items()},
    }
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE
    )


def _evaluated(value: Any) -> Any:
    if isinstance(value, list):
        return [_evaluated(item) for item in value]
    if isinstance(value, dict):
        return {key: _evaluated(item) for key, item in value.items()}
    return value if isinstance(value, (int, float, bool, type(None))) else str(value)
