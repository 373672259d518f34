from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from missa.core.translations import FlagMissingEnglishMixin, MissingEnglishFilter

from .forms import BrandAssetAdminForm
from .models import BrandAsset, Download, MisuseReport, UsageAcceptance


@admin.register(BrandAsset)
class BrandAssetAdmin(FlagMissingEnglishMixin, TranslationAdmin):
    form = BrandAssetAdminForm
    list_display = [
        "title",
        "kind",
        "access",
        "language",
        "version",
        "expires_on",
        "download_count",
    ]
    list_filter = ["kind", "access", "language", "is_published", MissingEnglishFilter]
    search_fields = ["title", "description"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[BrandAsset]:
        return super().get_queryset(request).annotate(download_total=Count("downloads"))

    @admin.display(description=_("downloads"), ordering="download_total")
    def download_count(self, obj: Any) -> int:
        return int(obj.download_total)


@admin.register(Download)
class DownloadAdmin(admin.ModelAdmin):
    """Who downloaded what: filter by asset or by actor to see the counts."""

    list_display = ["at", "asset", "actor", "user"]
    list_filter = ["asset", "actor"]
    search_fields = ["asset__title", "actor__name", "user__email"]
    list_select_related = ["asset", "actor", "user"]
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(UsageAcceptance)
class UsageAcceptanceAdmin(admin.ModelAdmin):
    list_display = ["user", "accepted_at"]
    list_filter = ["accepted_at"]
    search_fields = ["user__email"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(MisuseReport)
class MisuseReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "status", "description", "link"]
    list_filter = ["status"]
    search_fields = ["description", "link", "email"]
    list_editable = ["status"]
