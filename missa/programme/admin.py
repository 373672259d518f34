from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from missa.core.translations import FlagMissingEnglishMixin, MissingEnglishFilter

from .models import Deliverable, Phase


class DeliverableInline(TranslationTabularInline):
    model = Deliverable
    extra = 0


@admin.register(Phase)
class PhaseAdmin(FlagMissingEnglishMixin, TranslationAdmin):
    list_display = ["name", "order", "start_month", "end_month", "status"]
    search_fields = ["name", "slug"]
    list_filter = ["start_month", MissingEnglishFilter]
    prepopulated_fields = {"slug": ["name_fr"]}
    inlines = [DeliverableInline]


@admin.register(Deliverable)
class DeliverableAdmin(FlagMissingEnglishMixin, TranslationAdmin):
    list_display = ["title", "phase", "date"]
    list_filter = ["phase", MissingEnglishFilter]
    search_fields = ["title"]
    list_select_related = ["phase"]
