"""The programme's part of the home page: where it stands, phase by phase."""

from missa.core.sections import Section

from .models import programme_timeline


def sections() -> list[Section]:
    return [
        Section(
            order=10,
            template="programme/home_section.html",
            context=lambda: {"timeline": programme_timeline()},
        )
    ]
