"""Co-construction's part of the home page: who took part, by kind (as the 2017 figures were
published), and the way to the calls and the ideas."""

from typing import Any

from missa.core.sections import Section

from .charts import participants_chart
from .models import ParticipantCount


def co_construction() -> dict[str, Any]:
    # One query: the stored counts (the calls open now are on /calls/).
    counts = list(ParticipantCount.objects.filter(call=None))
    return {"participants_chart": participants_chart(counts, "participants")}


def sections() -> list[Section]:
    return [Section(order=35, template="participation/home_section.html", context=co_construction)]
