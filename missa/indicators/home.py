"""The indicators' part of the home page: the headline indicators (three at most)."""

from typing import Any

from missa.core.sections import Section

from .models import Indicator

HEADLINES = 3


def headlines() -> dict[str, Any]:
    # One query: the indicators' stored figures.
    return {"headlines": list(Indicator.objects.filter(is_headline=True)[:HEADLINES])}


def sections() -> list[Section]:
    return [Section(order=36, template="indicators/home_section.html", context=headlines)]
