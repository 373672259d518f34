"""The plan's cast: a published plan 2018–2020, an action led by Atelier Alice (whose member
is `alice_member`), Carol's CCI as a partner."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from missa.accounts.models import User
from missa.actions.models import Action, Plan
from missa.actions.services import FundingLine, PartnerLine, save_action
from missa.actors.models import Actor, Membership


@pytest.fixture
def plan(cast: dict[str, Actor]) -> Plan:
    return Plan.objects.create(
        slug="plan",
        title_fr="Plan d'actions 2018–2020",
        starts_on=datetime.date(2018, 5, 1),
        ends_on=datetime.date(2020, 12, 31),
        published_at=timezone.now(),
    )


@pytest.fixture
def alice_member(cast: dict[str, Actor]) -> User:
    user = User.objects.create_user("amelie", "amelie@example.org", "pw-sorgue-2017")
    Membership.objects.create(user=user, actor=cast["alice"])
    return user


def values(lead: Actor, **changes: Any) -> dict[str, Any]:
    base = {
        "title_fr": "Des bancs sur les quais",
        "title_en": "Benches on the quays",
        "lead": lead,
        "starts_on": datetime.date(2018, 6, 1),
        "ends_on": timezone.localdate() + datetime.timedelta(days=200),
        "status": Action.Status.PLANNED,
    }
    return {**base, **changes}


@pytest.fixture
def action(plan: Plan, cast: dict[str, Actor], editor: User, sectors: dict[str, Any]) -> Action:
    return save_action(
        plan=plan,
        by=editor,
        values=values(cast["alice"]),
        sectors=[sectors["tourisme"]],
        funding=[FundingLine("town", Decimal(10000)), FundingLine("region", Decimal(30000))],
        partners=[PartnerLine(actor=cast["carol"], role="Mécène", contribution="money")],
    )


@pytest.fixture
def lea_user(db: Any) -> User:
    """Someone signed up, acting for no organisation."""
    return User.objects.create_user("lea", "lea@example.org", "pw-sorgue-2017")
