"""The API's programme: its phases, month by month, and their deliverables (missa.api)."""

import datetime
from typing import Annotated, Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema
from pydantic import Field

from missa.core.rest import Text, absolute, one_of, responses, texts

from .models import Deliverable, Phase

router = Router(tags=["programme"])


class DeliverableOut(Schema):
    id: int
    title: Text
    description: Text
    date: datetime.date
    link: str | None = Field(description="Where the deliverable is published, or its file.")
    file: Text = Field(description="The file's address in each language, null where none.")


class PhaseOut(Schema):
    slug: str
    order: int
    name: Text
    description: Text
    start_month: datetime.date = Field(description="The first day of its first month.")
    end_month: datetime.date = Field(description="The first day of its last month.")
    status: Annotated[str, one_of(Phase.Status)] = Field(
        description="Whether it is upcoming, running or done, today."
    )
    deliverables: list[DeliverableOut]
    url: str


@router.get("/phases/", response=responses(list[PhaseOut]), summary="Phases")
def list_phases(request: HttpRequest) -> list[dict[str, Any]]:
    """The programme's phases in their order, each with its deliverables."""
    today = timezone.localdate()
    phases = Phase.objects.prefetch_related(
        Prefetch("deliverables", queryset=Deliverable.objects.order_by("date", "pk"))
    )
    page = absolute(request, reverse("programme:programme"))
    return [
        {
            "slug": phase.slug,
            "order": phase.order,
            "name": texts(phase, "name"),
            "description": texts(phase, "description"),
            "start_month": phase.start_month,
            "end_month": phase.end_month,
            "status": phase.status_on(today).value,
            "deliverables": [
                {
                    "id": deliverable.pk,
                    "title": texts(deliverable, "title"),
                    "description": texts(deliverable, "description"),
                    "date": deliverable.date,
                    "link": deliverable.link or None,
                    "file": {
                        code: absolute(request, stored.url) if stored else None
                        for code, stored in (
                            ("fr", deliverable.file_fr),  # type: ignore[attr-defined]
                            ("en", deliverable.file_en),  # type: ignore[attr-defined]
                        )
                    },
                }
                for deliverable in phase.deliverables.all()
            ],
            "url": f"{page}#phase-{phase.slug}",
        }
        for phase in phases
    ]
