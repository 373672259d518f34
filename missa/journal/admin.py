from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from missa.core.forms import MonthField
from missa.core.text import render_markdown
from missa.core.translations import FlagMissingEnglishMixin, MissingEnglishFilter

from .models import JournalMonth


@admin.register(JournalMonth)
class JournalMonthAdmin(FlagMissingEnglishMixin, TranslationAdmin):
    list_display = ["month", "title", "is_published", "updated_at"]
    list_filter = ["is_published", MissingEnglishFilter]
    search_fields = ["title", "editorial"]
    date_hierarchy = "month"
    readonly_fields = ["preview_fr", "preview_en"]

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "month":
            # A month, not a date with "Today" one click away.
            kwargs["form_class"] = MonthField
            kwargs.pop("widget", None)
            return db_field.formfield(**kwargs)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("Preview (French)"))
    def preview_fr(self, obj: JournalMonth) -> str:
        return self._preview(getattr(obj, "editorial_fr", ""))

    @admin.display(description=_("Preview (English)"))
    def preview_en(self, obj: JournalMonth) -> str:
        return self._preview(getattr(obj, "editorial_en", ""))

    def _preview(self, text: str | None) -> str:
        if not text:
            return str(_("Nothing written yet."))
        # The editorial as the journal shows it (saved text: "Save and continue editing").
        return format_html(
            '<div class="editorial-preview">{}</div>',
            mark_safe(render_markdown(text)),  # noqa: S308 — sanitised by nh3
        )
