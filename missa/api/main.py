"""MISSA's API at /api/v1/: every app's router, gathered; errors as problem details.

An app publishes its data by writing `api.py` with a django-ninja `router` (its paths written
in full: "/actors/", "/actors/{slug}/"); nothing here names it. What the whole API answers the
same way lives here and in `middleware.py`: errors, rate limit, ETags, CORS, kept answers.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation
from pydantic import Field

from missa.core.discovery import app_modules
from missa.core.rest import absolute, responses

from . import problems

PREFIX = "/api/v1/"
DESCRIPTION = """\
Everything a visitor can see on MISSA, for software: reading is public, no key needed.
Writing — an organisation's own systems reporting what it did — takes a personal API token,
made by one of its members on the site (`/api/tokens/`) and sent as `Authorization: Bearer …`.

- Both languages in every answer (`{"fr": …, "en": …}`; `en` is null until translated).
- Pages of 25 results (`per_page` up to 100) with their `count`, `next` and `previous`.
- `ETag` and `Last-Modified` on every answer: ask again with `If-None-Match` or
  `If-Modified-Since` and get `304 Not Modified` while nothing changed.
- Any origin may read it (CORS). A client may make a limited number of requests a minute;
  past it, `429` with `Retry-After`.
- Errors are problem details (RFC 9457, `application/problem+json`).
"""


class MissaAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        # The view's name: `list_actors`, `get_actor` (a test keeps them unique).
        return operation.view_func.__name__

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        # Errors are served as problem details: say so in the schema.
        for item in schema["paths"].values():
            for operation in item.values():
                for status, response in operation.get("responses", {}).items():
                    if int(status) >= 400 and "application/json" in response.get("content", {}):
                        response["content"] = {
                            problems.CONTENT_TYPE: response["content"]["application/json"]
                        }
        return schema


api = MissaAPI(
    title="MISSA",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    docs_url=None,  # the documentation is MISSA's own page, /api/ (missa.api.views)
    openapi_url="/openapi.json",
)


def _parameter(location: Any) -> str:
    """Name the parameter of an error's location: ("query", "page") → "page"; a body's
    fields without the view's argument: ("body", "report", "date") → "date"."""
    where, *path = [str(part) for part in location]
    if where == "body" and len(path) > 1:
        path = path[1:]
    return ".".join(path) or where


@api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, error: ValidationError) -> HttpResponse:
    invalid = [
        {"name": _parameter(item["loc"]), "where": str(item["loc"][0]), "message": item["msg"]}
        for item in error.errors
    ]
    return problems.problem(
        request, 400, _("Some parameters are not valid: see errors."), errors=invalid
    )


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    if request.headers.get("Authorization"):
        detail = _("This token is not valid: it was revoked, it expired, or it never existed.")
        challenge = 'Bearer realm="MISSA", error="invalid_token"'
    else:
        detail = _("Writing needs a personal API token: Authorization: Bearer missa_…")
        challenge = 'Bearer realm="MISSA"'
    response = problems.problem(request, 401, detail)
    response["WWW-Authenticate"] = challenge
    return response


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return problems.problem(request, 403, _("This token may not do this."))


@api.exception_handler(HttpError)
def refused(request: HttpRequest, error: HttpError) -> HttpResponse:
    return problems.problem(request, error.status_code, error.message)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return problems.problem(request, 404, _("Nothing public is found at this address."))


class Index(Schema):
    documentation: str = Field(description="The documentation page, for people.")
    schema_: str = Field(alias="schema", description="The OpenAPI 3 schema, for software.")
    resources: dict[str, str] = Field(description="Each list this API offers, by name.")


@api.get(
    "/", response=responses(Index), summary="What the API offers", by_alias=True, tags=["start"]
)
def get_index(request: HttpRequest) -> dict[str, Any]:
    """The addresses of the documentation, the schema and every list, to start from."""
    paths = api.get_openapi_schema()["paths"]
    lists = sorted(path for path in paths if "{" not in path and path != PREFIX)
    return {
        "documentation": absolute(request, reverse("api:documentation")),
        "schema": absolute(request, reverse("api-v1:openapi-json")),
        "resources": {
            path.removeprefix("/api/v1/").strip("/"): absolute(request, path) for path in lists
        },
    }


for module in app_modules("api"):
    if module.__name__.startswith("missa."):  # django.contrib.messages has an `api` too
        api.add_router("", module.router)
