from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from missa.core.translations import FlagMissingEnglishMixin, MissingEnglishFilter

from .models import Application, ApplicationEvent, Question


class ApplicationEventInline(admin.TabularInline):
    model = ApplicationEvent
    extra = 0
    can_delete = False
    readonly_fields = ["status", "by", "at"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read applications; decisions are taken in the committee's queue (/network/review/)."""

    list_display = ["name", "kind", "requested_role", "status", "created_at", "decided_at"]
    list_filter = ["status", "kind", "requested_role"]
    search_fields = ["name", "siret", "applicant__email", "town"]
    list_select_related = ["applicant"]
    date_hierarchy = "created_at"
    inlines = [ApplicationEventInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in Application._meta.fields] + ["sectors", "commitments"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Question)
class QuestionAdmin(FlagMissingEnglishMixin, TranslationAdmin):
    """The questions and answers of the page "Become an ambassador"."""

    list_display = ["question", "order"]
    list_editable = ["order"]
    list_filter = [MissingEnglishFilter]
    search_fields = ["question", "answer"]
