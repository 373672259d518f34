"""The editors' "this month" panel, first on the admin's home: what waits for them."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from missa.activity.models import Activity
from missa.applications.models import Application, Question
from missa.brandkit.models import BrandAsset, MisuseReport
from missa.charter.models import CharterVersion
from missa.core.models import Benefit, Objective, Sector, Territory, first_of_month
from missa.core.translations import missing_english
from missa.journal.models import JournalMonth
from missa.letters.models import Subscription
from missa.press.models import PressRelease
from missa.programme.models import Deliverable, Phase

# The editorial content the town's team writes, in French first: what must be in English too.
EDITORIAL_MODELS: list[type[models.Model]] = [
    JournalMonth,
    Territory,
    Phase,
    Deliverable,
    Sector,
    Objective,
    Benefit,
    CharterVersion,
    BrandAsset,
    PressRelease,
    Question,
]


@dataclass(frozen=True)
class Task:
    label: str
    count: int
    url: str


def _changelist(model: type[models.Model], query: str = "") -> str:
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist") + query


def _allowed(user: Any, model: type[models.Model]) -> bool:
    return bool(user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}"))


def editor_dashboard(user: Any, today: datetime.date | None = None) -> dict[str, Any]:
    """What waits for the editors this month: the queues, the translations, the editorial."""
    today = today or timezone.localdate()
    month = first_of_month(today)
    tasks: list[Task] = []
    if _allowed(user, Application):
        tasks.append(
            Task(
                str(_("Applications waiting for a decision")),
                Application.objects.open().count(),
                _changelist(Application, "?status__in=submitted,under_review"),
            )
        )
    if _allowed(user, MisuseReport):
        tasks.append(
            Task(
                str(_("Reports of misuse to handle")),
                MisuseReport.objects.filter(status=MisuseReport.Status.NEW).count(),
                _changelist(MisuseReport, "?status__exact=new"),
            )
        )
    if _allowed(user, Activity):
        tasks.append(
            Task(
                str(_("Actions reported by members this month")),
                Activity.objects.filter(reported_by__isnull=False, month=month).count(),
                _changelist(
                    Activity, f"?reported=yes&date__year={month.year}&date__month={month.month}"
                ),
            )
        )
    if user.has_perm("letters.manage_letters"):
        tasks.append(
            Task(
                str(_("Addresses that receive the monthly letter (preview and send it)")),
                Subscription.objects.receiving().count(),
                reverse("letters:letter-list"),
            )
        )
    translations = [
        Task(
            str(model._meta.verbose_name_plural).capitalize(),
            model._default_manager.filter(missing_english(model)).count(),
            _changelist(model, "?english=missing"),
        )
        for model in EDITORIAL_MODELS
        if _allowed(user, model)
    ]
    editorial = JournalMonth.objects.filter(month=month).first()
    if editorial is None:
        editorial_state, editorial_url = "missing", reverse("admin:journal_journalmonth_add")
    else:
        editorial_state = "published" if editorial.is_published else "draft"
        editorial_url = reverse("admin:journal_journalmonth_change", args=[editorial.pk])
    return {
        "month": month,
        "tasks": tasks,
        "translations": [task for task in translations if task.count],
        "editorial_state": editorial_state,
        "editorial_url": editorial_url if _allowed(user, JournalMonth) else "",
    }
