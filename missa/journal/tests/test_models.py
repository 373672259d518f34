import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from missa.journal.models import JournalMonth, strip_month_prefix

NOVEMBER = datetime.date(2026, 11, 1)


@pytest.mark.parametrize(
    "typed",
    [
        "Novembre 2026 — Le marché de Noël",
        "novembre 2026 : Le marché de Noël",
        "November 2026 - Le marché de Noël",
        "Novembre 2026, Le marché de Noël",
        "Le marché de Noël",
    ],
)
def test_a_month_typed_in_the_title_is_not_repeated(typed: str) -> None:
    assert strip_month_prefix(typed, NOVEMBER) == "Le marché de Noël"


@pytest.mark.django_db
def test_the_heading_composes_the_month_and_the_title_once() -> None:
    entry = JournalMonth.objects.create(
        month=NOVEMBER, title_fr="Novembre 2026 — Le marché de Noël", title_en="November 2026: Xmas"
    )
    assert JournalMonth.objects.values_list("title_fr", flat=True).get() == "Le marché de Noël"
    assert entry.heading == "Novembre 2026 — Le marché de Noël"
    with translation.override("en"):
        assert entry.heading == "November 2026 — Xmas"
    # A title that says nothing but the month is refused with a clear message.
    entry.title = "Novembre 2026"
    with pytest.raises(ValidationError, match="déjà ajouté"):
        entry.full_clean()
