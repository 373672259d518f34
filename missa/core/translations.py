"""Content that lacks its English version: what editors must translate, and how to find it.

French comes first; a text written in French only is shown in French on the English pages
(modeltranslation's fallback, marked lang="fr" there). These helpers find such rows for the
editors' dashboard and for the admin's "Missing English" filter.
"""

from typing import Any

from django.contrib import admin, messages
from django.db import models
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator


def translated_text_fields(model: type[models.Model]) -> list[str]:
    """The model's translated text fields (not files): "title", "editorial"…"""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return [
        name
        for name in options.get_field_names()
        if not isinstance(model._meta.get_field(name), models.FileField)
    ]


def missing_english(model: type[models.Model]) -> Q:
    """Rows with a French text and no English one, in any of the model's translated fields."""
    condition = Q(pk__in=[])
    for name in translated_text_fields(model):
        written = ~Q(**{f"{name}_fr": ""}) & Q(**{f"{name}_fr__isnull": False})
        condition |= written & (Q(**{f"{name}_en": ""}) | Q(**{f"{name}_en__isnull": True}))
    return condition


class MissingEnglishFilter(admin.SimpleListFilter):
    """The admin's filter "English translation: missing / complete" for a translated model."""

    title = _("English translation")
    parameter_name = "english"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("missing", _("Missing")), ("complete", _("Complete"))]

    def queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> Any:
        if self.value() == "missing":
            return queryset.filter(missing_english(queryset.model))
        if self.value() == "complete":
            return queryset.exclude(missing_english(queryset.model))
        return queryset


class FlagMissingEnglishMixin:
    """For a translated model's admin: after a save, say which English texts are missing
    (English pages show the French text meanwhile, marked as French)."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        missing = [
            str(type(obj)._meta.get_field(name).verbose_name)
            for name in translated_text_fields(type(obj))
            if getattr(obj, f"{name}_fr", None) and not getattr(obj, f"{name}_en", None)
        ]
        if missing:
            messages.warning(
                request,
                _(
                    "The English translation is missing (%(fields)s): English pages show the "
                    "French text meanwhile."
                )
                % {"fields": ", ".join(missing)},
            )


def text_in(instance: object, field: str, language: str) -> str:
    """Return a translated field's text in language, or in the site's first language when it
    has none there (as modeltranslation falls back), whatever language is active."""
    from django.conf import settings

    return str(
        getattr(instance, f"{field}_{language}", "")
        or getattr(instance, f"{field}_{settings.LANGUAGE_CODE}", "")
        or ""
    )
