"""Admin widgets that keep the back office valid HTML (checked by tests/test_html_valid.py),
and the way an admin action takes a service's step for each chosen row."""

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelChoiceField
from django.http import HttpRequest


class AutocompleteSelect(widgets.AutocompleteSelect):
    """Django's autocomplete whose empty choice has a label (an empty <option> is invalid), and
    which has one even when required (a required <select> needs it)."""

    def create_option(self, name: str, value: Any, label: Any, *args: Any, **kwargs: Any) -> Any:
        return super().create_option(name, value, label if value != "" else "—", *args, **kwargs)

    def optgroups(self, name: str, value: Any, attrs: Any = None) -> Any:
        groups = super().optgroups(name, value, attrs)
        # A required select with nothing chosen yet still needs a first, empty choice.
        if self.is_required and not any(options for _group, options, _index in groups):
            groups.insert(0, (None, [self.create_option(name, "", "", False, 0)], 0))
        return groups


class ValidAutocompleteMixin:
    """For a ModelAdmin or an inline: its autocomplete fields use the widget above."""

    def formfield_for_foreignkey(
        self, db_field: models.ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> ModelChoiceField[Any] | None:
        if db_field.name in self.get_autocomplete_fields(request):  # type: ignore[attr-defined]
            kwargs.setdefault(
                "widget",
                AutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using")),  # type: ignore[attr-defined]
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]


def each(
    admin_page: admin.ModelAdmin[Any],
    request: HttpRequest,
    queryset: QuerySet[Any],
    step: Callable[..., object],
    done: Any,
) -> None:
    """Take a service's step for each chosen row (a call, a meeting…), saying what failed."""
    count = 0
    keyword = queryset.model._meta.model_name or ""
    for item in queryset:
        try:
            step(**{keyword: item})
        except ValidationError as error:
            admin_page.message_user(request, f"{item}: {' '.join(error.messages)}", messages.ERROR)
        else:
            count += 1
    if count:
        admin_page.message_user(request, done % {"count": count}, messages.SUCCESS)
