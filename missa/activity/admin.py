from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from missa.actors.admin import ActorAdmin
from missa.actors.models import Actor

from .models import Activity, MonthSummary
from .services import (
    delete_activities,
    delete_actor,
    refresh_month_summaries,
    set_actor_visibility,
)


@admin.register(Activity)
class ActivityAdmin(TranslationAdmin):
    """Read the ledger; entries are written by services, which keep the month counts."""

    list_display = ["title", "actor", "kind", "date", "is_public"]
    list_filter = ["kind", "is_public", "sectors"]
    search_fields = ["title", "actor__name"]
    list_select_related = ["actor"]
    date_hierarchy = "date"
    show_full_result_count = False
    readonly_fields = ["actor", "kind", "date", "content_type", "object_id", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # After the sectors are saved: the month's counts per sector depend on them.
        super().save_related(request, form, formsets, change)
        refresh_month_summaries([form.instance.month])

    def delete_model(self, request: HttpRequest, obj: Activity) -> None:
        delete_activities(Activity.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Activity]) -> None:
        delete_activities(queryset)


class LedgerActorAdmin(ActorAdmin):
    """The actors' admin, whose visibility changes and deletions recount the ledger's months.

    Declared here rather than in actors/admin.py: the ledger sits above the actors.
    """

    def save_model(self, request: HttpRequest, obj: Actor, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "is_public" in form.changed_data:
            set_actor_visibility(actor=obj, is_public=obj.is_public)

    def delete_model(self, request: HttpRequest, obj: Actor) -> None:
        delete_actor(actor=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Actor]) -> None:
        for actor in queryset:
            delete_actor(actor=actor)


admin.site.unregister(Actor)
admin.site.register(Actor, LedgerActorAdmin)


@admin.register(MonthSummary)
class MonthSummaryAdmin(admin.ModelAdmin):
    list_display = ["month", "activity_count", "actor_count"]
    search_fields = ["month"]
    list_filter = ["month"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
