"""The editorial's admin: a month chosen as a month, a preview, the missing English flagged."""

import datetime

import pytest
from django.test import Client

from missa.actors.models import Actor
from missa.journal.models import JournalMonth

pytestmark = pytest.mark.django_db


def data(**changes: str) -> dict[str, str]:
    values = {
        "month": "2019-03",
        "title_fr": "Le printemps des ambassadeurs",
        "title_en": "",
        "editorial_fr": "Un mois **riche** en rencontres.",
        "editorial_en": "",
    }
    values.update(changes)
    return values


def test_the_editorial_month_is_chosen_as_a_month(
    admin_client: Client, cast: dict[str, Actor]
) -> None:
    form = admin_client.get("/admin/journal/journalmonth/add/").content.decode()
    assert 'type="month"' in form
    response = admin_client.post("/admin/journal/journalmonth/add/", data(), follow=True)
    editorial = JournalMonth.objects.get(title_fr="Le printemps des ambassadeurs")
    assert editorial.month == datetime.date(2019, 3, 1)
    page = response.content.decode()
    assert "La traduction anglaise manque" in page
    # A day, or nothing like a month, is refused with a message (never "today" silently).
    for bad in ("2019-03-15", "mars", ""):
        again = admin_client.post("/admin/journal/journalmonth/add/", data(month=bad))
        assert again.status_code == 200, bad
        assert "errornote" in again.content.decode() or "errorlist" in again.content.decode()
    change = admin_client.get(f"/admin/journal/journalmonth/{editorial.pk}/change/").content
    assert b'value="2019-03"' in change
    assert b"<strong>riche</strong>" in change  # the preview, as the journal shows it
