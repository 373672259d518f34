from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from missa.actors.admin import ActorAdmin
from missa.actors.models import Actor
from missa.core.admin_widgets import ValidAutocompleteMixin

from .models import RECORDED_BY_SERVICES, Activity, MonthSummary
from .services import (
    delete_activities,
    delete_actor,
    record_activity,
    refresh_month_summaries,
    set_actor_visibility,
)

# What editors record for the town, the committee and the partners: everything but joining
# (an approved application records it).
RECORDED_BY_EDITORS = [kind for kind in Activity.Kind if kind not in RECORDED_BY_SERVICES]


class ReportedFilter(admin.SimpleListFilter):
    """Entries that members reported, apart from those the platform recorded."""

    title = _("reported by a member")
    parameter_name = "reported"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Activity]) -> Any:
        if self.value() == "yes":
            return queryset.filter(reported_by__isnull=False)
        if self.value() == "no":
            return queryset.filter(reported_by__isnull=True)
        return queryset


@admin.register(Activity)
class ActivityAdmin(ValidAutocompleteMixin, TranslationAdmin):
    """The ledger. Editors add entries (through record_activity, which keeps the month counts)
    and correct or hide them; an entry's actor, kind and date do not change once recorded."""

    list_display = ["title", "actor", "kind", "date", "is_public"]
    list_filter = ["kind", "is_public", ReportedFilter, "sectors"]
    search_fields = ["title", "actor__name"]
    list_select_related = ["actor"]
    date_hierarchy = "date"
    show_full_result_count = False
    autocomplete_fields = ["actor"]
    readonly_fields = ["actor", "kind", "date", "content_type", "object_id", "created_at"]
    # Adding: what happened, by whom, when, with a photo; the links to other objects come from
    # the platform's own steps.
    add_fields = [
        "actor",
        "kind",
        "date",
        "title",
        "text",
        "link",
        "photo",
        "photo_alt",
        "sectors",
        "is_public",
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return [] if obj is None else self.readonly_fields

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return self._translated(self.add_fields)
        return super().get_fields(request, obj)

    def _translated(self, names: list[str]) -> list[str]:
        translated = {"title", "text", "photo_alt"}
        return [
            field
            for name in names
            for field in ([f"{name}_fr", f"{name}_en"] if name in translated else [name])
        ]

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return [(None, {"fields": self.get_fields(request, obj)})]
        return super().get_fieldsets(request, obj)

    def formfield_for_choice_field(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "kind":
            kwargs["choices"] = [(kind.value, kind.label) for kind in RECORDED_BY_EDITORS]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Activity, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        data = form.cleaned_data
        recorded = record_activity(
            actor=data["actor"],
            kind=data["kind"],
            title=data["title_fr"],
            title_en=data.get("title_en") or "",
            text=data.get("text_fr") or "",
            text_en=data.get("text_en") or "",
            link=data.get("link") or "",
            date=data["date"],
            sectors=data.get("sectors") or (),
            is_public=data.get("is_public", True),
            photo=data.get("photo") or None,
            photo_alt=data.get("photo_alt_fr") or "",
            photo_alt_en=data.get("photo_alt_en") or "",
        )
        # The admin goes on with the recorded entry (its sectors, its page).
        obj.pk, obj.month, obj._state.adding = recorded.pk, recorded.month, False

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        if not change:
            return  # record_activity saved the sectors (the actor's, if none was chosen)
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
