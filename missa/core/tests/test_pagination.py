import pytest
from django.test import RequestFactory, override_settings

from missa.core.pagination import paginate

SIZES = {"things": 3}


@override_settings(MISSA_PAGE_SIZES=SIZES)
@pytest.mark.parametrize(
    ("number", "expected"),
    [("2", [3, 4, 5]), ("abc", [0, 1, 2]), ("-1", [9]), ("999", [9]), ("", [0, 1, 2])],
)
def test_a_list_is_paginated_at_its_size_and_a_bad_page_number_never_fails(
    number: str, expected: list[int]
) -> None:
    request = RequestFactory().get("/", {"page": number})
    page = paginate(request, list(range(10)), "things")
    assert list(page.object_list) == expected
    assert page.paginator.num_pages == 4


@override_settings(MISSA_PAGE_SIZES=SIZES)
def test_a_known_count_spares_counting() -> None:
    page = paginate(RequestFactory().get("/"), list(range(10)), "things", count=7)
    assert page.paginator.count == 7
    assert page.paginator.num_pages == 3
