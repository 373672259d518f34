"""Parts of a page that apps contribute: the home page is built from every app's `home.py`.

An app shows something on the home page by writing `home.py` with `sections()`, returning
`Section`s: an order (lower first), a template, and a function giving the template's context.
The function runs only when the section is drawn, so a page served from the shared cache
(core.templatetags.missa.shared_content) computes nothing.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .discovery import app_modules


@dataclass(frozen=True)
class Section:
    order: int
    template: str
    context: Callable[[], Mapping[str, Any]] = field(default=dict)


def page_sections(module_name: str) -> list[Section]:
    """Return the sections that every app declares in its module_name module, in order."""
    found = [section for module in app_modules(module_name) for section in module.sections()]
    return sorted(found, key=lambda section: section.order)
