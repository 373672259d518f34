"""What every app's API router shares: texts in both languages, addresses, pages of results.

Each app declares its routes in its own `api.py` (a django-ninja `router`); `missa.api` gathers
them under /api/v1/ and answers for the whole API (problem details, rate limit, ETags, CORS).
The helpers live here, in the bottom layer, so that every app's router can use them.
"""

import datetime
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from django.conf import settings
from django.db.models import Model, QuerySet, TextChoices
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_lazy as _
from ninja import Schema
from ninja.errors import HttpError, ValidationError
from pydantic import BeforeValidator, Field
from pydantic_core import core_schema

from .validators import CONTROL_CHARACTERS

PER_PAGE = 25
PER_PAGE_MAX = 100
# A month, YYYY-MM, from the year 1000 (year 0 is no date).
MONTH_PATTERN = r"^[1-9]\d{3}-(0[1-9]|1[0-2])$"


def _blank_is_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _iso_day(value: Any) -> Any:
    if not isinstance(value, (str, datetime.date)) or (
        isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
    ):
        raise ValueError("Enter a day as YYYY-MM-DD.")  # pydantic's message, as its own are
    return value


# A day, written YYYY-MM-DD only (pydantic alone would read "0" as 1 January 1970).
IsoDate = Annotated[datetime.date, BeforeValidator(_iso_day)]


def _search_words(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    words = " ".join(CONTROL_CHARACTERS.sub(" ", value).split())
    return words or None


# A search's words, as a list's search box reads them: control characters dropped, spaces
# folded, empty as no search (its length is capped where it is used).
SearchText = Annotated[str | None, BeforeValidator(_search_words)]

# A filter naming a term by its slug; left empty (`?sector=`), it does not filter, as in the
# site's own filter forms.
SlugFilter = Annotated[str | None, BeforeValidator(_blank_is_none)]


class Problem(Schema):
    """An error, as problem details (RFC 9457)."""

    type: str = Field("about:blank", description="about:blank: the status says what went wrong.")
    title: str = Field(description="The status's name.")
    status: int
    detail: str = Field(description="What went wrong with this request, for a person to read.")


class InvalidParameter(Schema):
    name: str
    where: str = Field(description="query, path or body")
    message: str


class InvalidParameters(Problem):
    errors: list[InvalidParameter]


def responses(schema: Any) -> dict[int, Any]:
    """An operation's answers: schema when it succeeds, and the errors every operation may give."""
    return {200: schema, 400: InvalidParameters, 404: Problem, 429: Problem}


@dataclass(frozen=True)
class OneOf:
    """A text that is one of a set of values, written `Annotated[str, one_of(Actor.Kind)]`.

    The values are written in the schema where the field is: an enum class (`Actor.Kind`) would
    become a shared component named after the class, and two apps' `Kind` would overwrite each
    other in the API's one schema.
    """

    values: tuple[str, ...]
    extra: tuple[str, ...] = ()

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return core_schema.literal_schema([*self.values, *self.extra])


def one_of(choices: type[TextChoices], *extra: str) -> OneOf:
    return OneOf(tuple(str(value) for value in choices.values), extra)


def invalid(name: str, message: Any, where: str = "query") -> ValidationError:
    """Return the error for a parameter whose value is well formed but unknown."""
    return ValidationError([{"loc": (where, name), "msg": str(message)}])


def known[T: Model](name: str, slug: str, terms: Mapping[str, T] | QuerySet[T]) -> T:
    """Return the term a filter names by its slug (terms: slug → term, or a queryset of models
    with a slug), or raise the 400 that says so, pointing at the list of the known ones."""
    found = terms.get(slug) if isinstance(terms, Mapping) else terms.filter(slug=slug).first()
    if found is None:
        message = _("Nothing is called “%(slug)s” in %(list)s.") % {
            "slug": slug,
            "list": f"/api/v1/{name}s/",
        }
        raise invalid(name, message)
    return found


class Text(Schema):
    """A text in each of the site's languages; null where it was not written in that one."""

    fr: str | None = Field(description="The text in French (the site's first language).")
    en: str | None = Field(description="The text in English, null when not translated yet.")


def texts(instance: Model, field: str) -> dict[str, str | None]:
    """Return a translated field's text in every language (None where it is empty)."""
    return {
        code: (str(getattr(instance, f"{field}_{code}", "") or "") or None)
        for code, _name in settings.LANGUAGES
    }


def absolute(request: HttpRequest, path: str) -> str:
    """Return the full address of a path of this site."""
    return request.build_absolute_uri(path)


class Term(Schema):
    """A term of the programme's vocabulary: a sector, an objective, a benefit."""

    slug: str
    name: Text


def term(instance: Any) -> dict[str, Any]:
    return {"slug": instance.slug, "name": texts(instance, "name")}


class PageQuery(Schema):
    page: int = Field(1, ge=1, description="The page's number, from 1.")
    per_page: int = Field(
        PER_PAGE, ge=1, le=PER_PAGE_MAX, description=f"Results a page (at most {PER_PAGE_MAX})."
    )


class Page(Schema):
    """A page of results; `count` is the number of results on every page together."""

    count: int
    page: int
    pages: int
    per_page: int
    next: str | None = Field(description="The next page's address, null on the last page.")
    previous: str | None = Field(description="The previous page's address, null on the first.")


def _page_address(request: HttpRequest, number: int) -> str:
    query: QueryDict = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def page_of[M](
    request: HttpRequest,
    items: QuerySet[Any, M] | Sequence[M],
    paging: PageQuery,
    serialize: Callable[[list[M]], list[dict[str, Any]]],
    count: int | None = None,
) -> dict[str, Any]:
    """Return a page of items, as `Page` describes it, its results written by serialize (which
    receives the page's rows together, so that it may fetch what they share at once). count,
    when given (a stored figure), spares counting the rows. A page past the last is a 404, as the
    web pages' links never lead there."""
    if count is not None:
        total = count
    else:
        total = items.count() if isinstance(items, QuerySet) else len(items)
    pages = max(1, math.ceil(total / paging.per_page))
    if paging.page > pages:
        message = _("There are %(pages)s pages of results: page %(page)s is past the last.") % {
            "pages": pages,
            "page": paging.page,
        }
        raise HttpError(404, message)
    start = (paging.page - 1) * paging.per_page
    rows = list(items[start : start + paging.per_page])
    return {
        "count": total,
        "page": paging.page,
        "pages": pages,
        "per_page": paging.per_page,
        "next": _page_address(request, paging.page + 1) if paging.page < pages else None,
        "previous": _page_address(request, paging.page - 1) if paging.page > 1 else None,
        "results": serialize(rows),
    }
