"""Pagination that never fails on a bad page number."""

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


class KnownCountPaginator(Paginator):
    """A paginator told its count in advance (from a summary), to avoid counting rows."""

    def __init__(self, object_list: Any, per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count


def paginate(
    request: HttpRequest, items: Sequence[Any] | Any, per_page: int, count: int | None = None
) -> Page:
    """Return the requested page; a malformed number gives page 1, one too large the last."""
    paginator = (
        Paginator(items, per_page) if count is None else KnownCountPaginator(items, per_page, count)
    )
    return paginator.get_page(request.GET.get("page"))
