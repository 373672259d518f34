from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from missa.core.forms import DocumentUploadField, labelled_file_widget
from missa.core.translations import FlagMissingEnglishMixin, MissingEnglishFilter

from .models import PressRelease


@admin.register(PressRelease)
class PressReleaseAdmin(FlagMissingEnglishMixin, TranslationAdmin):
    list_display = ["title", "date", "is_press_kit", "is_published"]
    list_filter = ["is_published", "is_press_kit", MissingEnglishFilter]
    search_fields = ["title", "summary"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title_fr"]}

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if isinstance(db_field, models.FileField):
            # Files are checked by their content (a PDF or a ZIP), never by their name.
            kwargs["form_class"] = DocumentUploadField
            kwargs["widget"] = labelled_file_widget(kwargs.get("widget"))
        return super().formfield_for_dbfield(db_field, request, **kwargs)
