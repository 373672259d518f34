from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from missa.core.translations import MissingEnglishFilter

from .models import JournalMonth


@admin.register(JournalMonth)
class JournalMonthAdmin(TranslationAdmin):
    list_display = ["month", "title", "is_published", "updated_at"]
    list_filter = ["is_published", MissingEnglishFilter]
    search_fields = ["title", "editorial"]
    date_hierarchy = "month"
