"""The editors' "this month" panel on the admin's home, and the filters it links to."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from missa.actors.models import Actor
from missa.brandkit.models import MisuseReport
from missa.core.models import first_of_month
from missa.journal.models import JournalMonth
from missa.letters.models import Subscription
from missa.programme.models import Phase
from missa.site.dashboard import editor_dashboard

pytestmark = pytest.mark.django_db


def test_the_panel_counts_what_waits_and_what_lacks_english(
    admin_client: Client, cast: dict[str, Actor], editor: object
) -> None:
    MisuseReport.objects.create(description="Logo déformé")
    MisuseReport.objects.create(description="Couleurs changées")
    MisuseReport.objects.create(description="Déjà vu", status=MisuseReport.Status.HANDLED)
    untranslated = Phase.objects.first()
    assert untranslated is not None
    Phase.objects.filter(pk=untranslated.pk).update(name_en="", description_en="")
    panel = editor_dashboard(editor)
    misuse = next(task for task in panel["tasks"] if "misusereport" in task.url)
    assert misuse.count == 2
    Subscription.objects.create(email="lea@example.org", confirmed_at=timezone.now())
    Subscription.objects.create(email="marc@example.org")  # not confirmed
    letters = next(task for task in editor_dashboard(editor)["tasks"] if "/letter/" in task.url)
    assert letters.count == Subscription.objects.receiving().count() == 1
    assert letters.url == reverse("letters:letter-list")
    assert panel["editorial_state"] == "missing"
    phases = next(
        task
        for task in panel["translations"]
        if "?english=missing" in task.url and "phase" in task.url
    )
    assert phases.count == Phase.objects.filter(name_en="").count() >= 1
    page = admin_client.get("/admin/").content.decode()
    assert 'id="this-month-title"' in page and "/admin/journal/journalmonth/add/" in page
    # The links lead to lists that hold what was counted.
    name = str(getattr(untranslated, "name_fr"))  # noqa: B009 — modeltranslation's field
    listed = admin_client.get("/admin/programme/phase/?english=missing").content.decode()
    assert name in listed
    complete = admin_client.get("/admin/programme/phase/?english=complete").content.decode()
    assert f">{name}<" not in complete
    assert admin_client.get("/admin/brandkit/misusereport/?status__exact=new").status_code == 200
    assert admin_client.get("/admin/activity/activity/?reported=yes").status_code == 200
    assert (
        admin_client.get(
            "/admin/applications/application/?status__in=submitted,under_review"
        ).status_code
        == 200
    )


def test_the_month_editorial_is_missing_then_a_draft_then_published(editor: object) -> None:
    month = first_of_month(timezone.localdate())
    assert editor_dashboard(editor)["editorial_state"] == "missing"
    editorial = JournalMonth.objects.create(month=month, title_fr="Le mois", editorial_fr="Texte")
    assert editor_dashboard(editor)["editorial_state"] == "draft"
    JournalMonth.objects.filter(pk=editorial.pk).update(is_published=True)
    panel = editor_dashboard(editor)
    assert panel["editorial_state"] == "published"
    assert panel["editorial_url"].endswith(f"/{editorial.pk}/change/")
    assert (
        editor_dashboard(editor, today=month + datetime.timedelta(days=40))["editorial_state"]
        == "missing"
    )


def test_the_back_office_wears_the_sites_name_and_colours(
    admin_client: Client, cast: dict[str, Actor]
) -> None:
    page = admin_client.get("/admin/").content.decode()
    assert "missa/admin/admin.css" in page and "missa/css/tokens.css" in page
    assert "Sorgueville Attractive — administration" in page
    assert "Voir le site" in page
