"""The plan's steps: derived progress, kept history, the journal, each refusal with its reason."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from missa.accounts.models import User
from missa.actions.models import Action, Change, Plan
from missa.actions.services import (
    FundingLine,
    PartnerLine,
    complete_milestone,
    post_update,
    save_action,
    save_milestone,
)
from missa.activity.models import Activity
from missa.actors.models import Actor

from .conftest import values

pytestmark = pytest.mark.django_db


def journal(action: Action) -> list[str]:
    entries = Activity.objects.filter(object_id=action.pk, content_type__model="action")
    return [getattr(entry, "title_fr", "") for entry in entries.order_by("pk")]


def test_a_new_action_takes_the_next_number_and_its_budget_from_its_funders(
    action: Action, plan: Plan, editor: User, cast: dict[str, Actor]
) -> None:
    assert action.number == 1
    assert (action.budget_planned, action.budget_spent) == (Decimal(40000), Decimal(0))
    second = save_action(plan=plan, by=editor, values=values(cast["carol"], title_fr="Deux"))
    assert second.number == 2
    plan.refresh_from_db()
    assert plan.action_count == 2
    assert plan.status_counts == {"planned": 2}
    assert plan.funding_shares["region"] == {"planned": "30000.00", "spent": "0.00"}
    assert journal(action) == ["Porte l'action 1 du plan : Des bancs sur les quais"]


def test_only_editors_and_committee_members_manage_the_plan(
    plan: Plan, alice_member: User, committee_member: User, cast: dict[str, Actor]
) -> None:
    with pytest.raises(PermissionDenied):
        save_action(plan=plan, by=alice_member, values=values(cast["alice"]))
    assert save_action(plan=plan, by=committee_member, values=values(cast["alice"])).number == 1


def test_progress_follows_the_status_then_the_milestones_and_each_change_is_kept(
    action: Action, editor: User, alice_member: User
) -> None:
    save_action(
        plan=action.plan,
        by=editor,
        action=action,
        values=values(action.lead, status="in_progress"),
        funding=[FundingLine("town", Decimal(10000), Decimal(2500))],
    )
    action.refresh_from_db()
    assert action.progress == 50  # from its status: no milestone yet
    assert action.budget_spent == Decimal(2500)
    first = save_milestone(
        action=action, by=editor, title="Devis", due_on=datetime.date(2018, 9, 1), weight=40
    )
    save_milestone(
        action=action, by=editor, title="Pose", due_on=datetime.date(2019, 3, 1), weight=60
    )
    action.refresh_from_db()
    assert action.progress == 0  # milestones set, none done
    complete_milestone(
        milestone=first,
        by=alice_member,
        done_on=timezone.localdate(),
        evidence_link="https://example.org/devis",
    )
    action.refresh_from_db()
    assert action.progress == 40
    fields = list(
        Change.objects.filter(action=action).order_by("pk").values_list("field", "before", "after")
    )
    assert ("status", "planned", "in_progress") in fields
    assert ("progress", "0", "50") in fields and ("progress", "0", "40") in fields
    assert ("budget_planned", "40000.00", "10000.00") in fields
    assert "L'action 1 a atteint 40 % : Des bancs sur les quais" in journal(action)
    assert "Action 1 (Des bancs sur les quais) : En cours" in journal(action)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": "abandoned"}, "Dites pourquoi"),
        ({"ends_on": datetime.date(2017, 1, 1)}, "finit après"),
    ],
)
def test_an_action_is_refused_with_its_reason(
    action: Action, editor: User, change: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        save_action(
            plan=action.plan, by=editor, action=action, values=values(action.lead, **change)
        )
    action.refresh_from_db()
    assert action.status == "planned"


def test_budgets_and_partners_are_checked(
    action: Action, editor: User, cast: dict[str, Actor]
) -> None:
    with pytest.raises(ValidationError, match="jamais négatif"):
        save_action(
            plan=action.plan,
            by=editor,
            action=action,
            values=values(action.lead),
            funding=[FundingLine("town", Decimal(-1))],
        )
    with pytest.raises(ValidationError, match="une seule fois"):
        save_action(
            plan=action.plan,
            by=editor,
            action=action,
            values=values(action.lead),
            funding=[FundingLine("town", Decimal(1)), FundingLine("town", Decimal(2))],
        )
    with pytest.raises(ValidationError, match="pas le porteur"):
        save_action(
            plan=action.plan,
            by=editor,
            action=action,
            values=values(action.lead),
            partners=[PartnerLine(actor=action.lead, role="Lui-même")],
        )
    assert action.funding.count() == 2  # nothing half-saved


def test_milestones_weigh_100_percent_at_most(action: Action, editor: User) -> None:
    save_milestone(action=action, by=editor, title="A", due_on=datetime.date(2019, 1, 1), weight=70)
    with pytest.raises(ValidationError, match="100 %"):
        save_milestone(
            action=action, by=editor, title="B", due_on=datetime.date(2019, 1, 1), weight=40
        )


def test_a_milestone_is_done_by_the_lead_with_evidence_on_a_day_that_has_come(
    action: Action, editor: User, alice_member: User, lea_user: User
) -> None:
    milestone = save_milestone(
        action=action, by=editor, title="A", due_on=datetime.date(2019, 1, 1), weight=50
    )
    with pytest.raises(PermissionDenied):
        complete_milestone(
            milestone=milestone,
            by=lea_user,
            done_on=timezone.localdate(),
            evidence_link="https://e.org",
        )
    with pytest.raises(ValidationError, match="jour venu"):
        complete_milestone(
            milestone=milestone,
            by=alice_member,
            done_on=timezone.localdate() + datetime.timedelta(days=1),
            evidence_link="https://e.org",
        )
    with pytest.raises(ValidationError, match="preuve"):
        complete_milestone(milestone=milestone, by=alice_member, done_on=timezone.localdate())


def test_the_lead_and_partners_post_news_for_themselves(
    action: Action, alice_member: User, cast: dict[str, Actor], lea_user: User
) -> None:
    update = post_update(
        action=action, by=alice_member, actor=cast["alice"], text="Les devis sont là."
    )
    assert update.actor == cast["alice"]
    assert "Nouvelles de l'action 1 : Les devis sont là." in journal(action)
    with pytest.raises(ValidationError, match="porteur"):
        post_update(action=action, by=alice_member, actor=cast["carol"], text="Pas pour moi.")
    with pytest.raises(PermissionDenied):
        post_update(action=action, by=lea_user, actor=cast["alice"], text="Intrus.")
