"""The API's documentation, a page of the site made from the OpenAPI schema itself; and the
page where members make and revoke their personal API tokens."""

from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from missa.accounts.models import User
from missa.actors.models import ApiToken
from missa.actors.rules import acting_memberships
from missa.actors.services import MAX_API_TOKENS, create_api_token, revoke_api_token
from missa.core.pagination import paginate
from missa.core.rest import PER_PAGE, PER_PAGE_MAX

from .forms import ApiTokenForm
from .main import api
from .middleware import PREFIX

# Where a new token's secret waits, in the session, for the one page that shows it.
NEW_SECRET = "missa_new_api_token"  # noqa: S105 (a session key, not a secret)


@dataclass
class Parameter:
    name: str
    where: str
    required: bool
    kind: str
    description: str


@dataclass
class AnswerField:
    name: str
    kind: str
    description: str


@dataclass
class Operation:
    method: str
    path: str
    identifier: str
    summary: str
    description: str
    parameters: list[Parameter] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    fields: list[AnswerField] = field(default_factory=list)


def _kind(schema: dict[str, Any]) -> str:
    """Say a parameter's type in a few words: "integer ≥ 1", "one of a, b"."""
    if "$ref" in schema:
        return str(schema["$ref"].rsplit("/", 1)[-1])
    options = schema.get("anyOf")
    if options:
        return " | ".join(_kind(option) for option in options if option.get("type") != "null")
    if "enum" in schema:
        return " · ".join(str(value) for value in schema["enum"])
    words = [str(schema.get("format") or schema.get("type", "string"))]
    if "minimum" in schema:
        words.append(f"≥ {schema['minimum']}")
    if "maximum" in schema:
        words.append(f"≤ {schema['maximum']}")
    if "maxLength" in schema:
        words.append(f"≤ {schema['maxLength']} chars")
    return " ".join(words)


# Objects read as one value: not spelled out field by field.
LEAVES = {"Text": "text: {fr, en}", "Location": "{latitude, longitude}"}


def _resolved(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def answer_fields(
    schema: dict[str, Any],
    components: dict[str, Any],
    prefix: str = "",
    within: frozenset[str] = frozenset(),
) -> list[AnswerField]:
    """Return the fields of a successful answer, nested ones as `results[].slug`; an object
    that holds its own kind (a comment's replies) is said once, not spelled out again."""
    schema = _resolved(schema, components)
    if schema.get("type") == "array":
        return answer_fields(schema["items"], components, f"{prefix}[]", within)
    within = within | {str(schema.get("title", ""))}
    found = []
    for name, value in schema.get("properties", {}).items():
        options = [option for option in value.get("anyOf", [value]) if option.get("type") != "null"]
        inner = _resolved(options[0], components) if options else {}
        title = str(inner.get("title", ""))
        path = f"{prefix}.{name}" if prefix else name
        is_list = inner.get("type") == "array"
        item = _resolved(inner["items"], components) if is_list else inner
        if item.get("properties") and item.get("title") not in LEAVES:
            kind = "list of objects" if is_list else "object"
            if item.get("title") in within:
                kind = f"{kind}, each as {prefix or 'the answer'}"
                found.append(AnswerField(path, kind, str(value.get("description", ""))))
                continue
            found.append(AnswerField(path, kind, str(value.get("description", ""))))
            found += answer_fields(item, components, f"{path}[]" if is_list else path, within)
            continue
        # A leaf object (a Text) by its component's name; a plain field titled "Text" is text.
        kind = (LEAVES.get(title) if inner.get("properties") else None) or _kind(inner)
        if is_list:
            kind = f"list of {LEAVES.get(str(item.get('title')), _kind(item))}"
        if len(options) < len(value.get("anyOf", [value])):
            kind += " | null"
        found.append(AnswerField(path, kind, str(value.get("description", ""))))
    return found


def _success(operation: dict[str, Any]) -> dict[str, Any]:
    responses = operation.get("responses", {})
    found: dict[str, Any] = next(
        (value for key, value in responses.items() if str(key).startswith("2")), {}
    )
    return dict(found.get("content", {}).get("application/json", {}).get("schema", {}))


def _body(operation: dict[str, Any], components: dict[str, Any]) -> list[Parameter]:
    """Return the fields of an operation's JSON body, as parameters written in the body."""
    content = operation.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    if not schema:
        return []
    required = set(_resolved(schema, components).get("required", []))
    return [
        Parameter(found.name, "body", found.name in required, found.kind, found.description)
        for found in answer_fields(schema, components)
    ]


def operations(schema: dict[str, Any]) -> dict[str, list[Operation]]:
    """Return the schema's operations grouped by tag, in the schema's order."""
    groups: dict[str, list[Operation]] = {}
    schema.setdefault("components", {}).setdefault("schemas", {})
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            tag = (operation.get("tags") or ["api"])[0]
            groups.setdefault(tag, []).append(
                Operation(
                    method=method.upper(),
                    path=path,
                    identifier=operation["operationId"],
                    summary=operation.get("summary", ""),
                    description=operation.get("description", ""),
                    parameters=[
                        Parameter(
                            name=parameter["name"],
                            where=parameter["in"],
                            required=bool(parameter.get("required")),
                            kind=_kind(parameter.get("schema", {})),
                            description=parameter.get("description", "")
                            or parameter.get("schema", {}).get("description", ""),
                        )
                        for parameter in operation.get("parameters", [])
                    ]
                    + _body(operation, schema["components"]["schemas"]),
                    statuses=sorted(str(status) for status in operation.get("responses", {})),
                    fields=answer_fields(_success(operation), schema["components"]["schemas"]),
                )
            )
    return groups


def documentation(request: HttpRequest) -> HttpResponse:
    schema = api.get_openapi_schema()
    base = request.build_absolute_uri(PREFIX)
    return render(
        request,
        "api/documentation.html",
        {
            "base": base,
            "schema_url": reverse("api-v1:openapi-json"),
            "groups": operations(schema),
            "per_page": PER_PAGE,
            "per_page_max": PER_PAGE_MAX,
            "example": f"{base}actors/?sector=tourisme&per_page=10",
        },
    )


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    """A person's API tokens, the form to make one (for those who act for an organisation) and,
    once, the secret of the one just made."""
    user = request.user
    assert isinstance(user, User)  # login_required
    actors = [membership.actor for membership in acting_memberships(user)]
    form = ApiTokenForm(request.POST or None, actors=actors)
    if request.method == "POST" and actors and form.is_valid():
        try:
            token, secret = create_api_token(
                user=user,
                name=form.cleaned_data["name"],
                actors=form.cleaned_data["actors"],
                days=form.days,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            request.session[NEW_SECRET] = [token.pk, secret]
            return redirect("api:token-list")
    new = request.session.pop(NEW_SECRET, None)
    tokens = ApiToken.objects.filter(user=user).prefetch_related("actors")
    context = {
        "form": form,
        "actors": actors,
        "page": paginate(request, tokens, "api_tokens"),
        "new_token": new[0] if new else None,
        "new_secret": new[1] if new else None,
        "most": MAX_API_TOKENS,
        "example_url": request.build_absolute_uri(
            f"{PREFIX}actors/{actors[0].slug if actors else 'slug'}/activities/"
        ),
    }
    return render(request, "api/token_list.html", context)


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # login_required
    token = ApiToken.objects.filter(user=user, pk=pk).first()
    if token is None:
        raise Http404("No such token.")
    revoke_api_token(token=token, user=user)
    messages.success(
        request, _("The token “%(name)s” is revoked: it opens nothing now.") % {"name": token.name}
    )
    return redirect("api:token-list")
