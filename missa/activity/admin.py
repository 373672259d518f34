from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Activity, MonthSummary


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

    def has_add_permission(self, request: object) -> bool:
        return False

    def save_model(self, request: object, obj: Activity, form: object, change: bool) -> None:
        from .services import refresh_month_summaries

        super().save_model(request, obj, form, change)  # type: ignore[arg-type]
        refresh_month_summaries([obj.month])


@admin.register(MonthSummary)
class MonthSummaryAdmin(admin.ModelAdmin):
    list_display = ["month", "activity_count", "actor_count"]
    search_fields = ["month"]
    list_filter = ["month"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
