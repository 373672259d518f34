"""Pagination that never fails on a bad page number, and search results kept for the next page."""

import hashlib
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from .versioning import code_version, data_version

RESULTS_TTL = 600


class KnownCountPaginator(Paginator):
    """A paginator told its count in advance (from a summary), to avoid counting rows."""

    def __init__(self, object_list: Any, per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count


def paginate(
    request: HttpRequest, items: Sequence[Any] | Any, list_name: str, count: int | None = None
) -> Page:
    """Return the requested page of a list; a malformed number gives page 1, one too large the last.

    The page size is the list's entry in settings.MISSA_PAGE_SIZES; count, when given (a stored
    figure), spares counting the rows.
    """
    per_page = settings.MISSA_PAGE_SIZES[list_name]
    paginator = (
        Paginator(items, per_page) if count is None else KnownCountPaginator(items, per_page, count)
    )
    return paginator.get_page(request.GET.get("page"))


def stored_results(queryset: QuerySet[Any], name: str, limit: int = 5000) -> list[Any] | None:
    """Return the primary keys of queryset, in order, kept in the shared cache.

    For results that are costly to find but the same for every visitor (a search): the next
    page, or the next visitor, reads the kept list instead of searching again; the key carries
    the data version and the day, so a write is seen at once. None when there are more than
    limit results (then the queryset is paginated as it is).
    """
    digest = hashlib.sha256(f"{name}|{queryset.query}".encode()).hexdigest()
    today = timezone.localdate().isoformat()
    key = f"results:{code_version()}:{data_version()}:{today}:{digest}"
    found = cache.get(key)
    if found is None:
        found = list(queryset.values_list("pk", flat=True)[: limit + 1])
        cache.set(key, found, RESULTS_TTL)
    return None if len(found) > limit else list(found)
