"""Co-construction's part of the home page: who took part, by kind (as the 2017 figures were
published), and the calls open now."""

from typing import Any

from django.utils import timezone

from missa.core.sections import Section

from .charts import participants_chart
from .models import Call, ParticipantCount


def co_construction() -> dict[str, Any]:
    today = timezone.localdate()
    # The calls are few: read once, they give the ideas' total and the open ones.
    calls = list(Call.objects.published().select_related("phase").order_by("closes_on", "pk"))
    counts = list(ParticipantCount.objects.filter(call=None))
    return {
        "participants_chart": participants_chart(counts, "participants"),
        "open_calls": [call for call in calls if call.status_on(today) == Call.Status.OPEN][:3],
        "idea_total": sum(call.idea_count for call in calls),
    }


def sections() -> list[Section]:
    return [Section(order=35, template="participation/home_section.html", context=co_construction)]
