"""The plan's part of the home page: where the latest published plan stands."""

from typing import Any

from missa.core.sections import Section

from .models import Plan


def plan_at_a_glance() -> dict[str, Any]:
    # One query: the plan's stored figures.
    return {"plan": Plan.objects.published().order_by("-starts_on", "-pk").first()}


def sections() -> list[Section]:
    return [Section(order=37, template="actions/home_section.html", context=plan_at_a_glance)]
