from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from missa.core.translations import FlagMissingEnglishMixin, MissingEnglishFilter

from .models import CharterVersion, Commitment
from .services import publish_charter_version


class CommitmentInline(TranslationTabularInline):
    model = Commitment
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not (obj and obj.is_published) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not (obj and obj.is_published) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not (obj and obj.is_published) and super().has_delete_permission(request, obj)


@admin.register(CharterVersion)
class CharterVersionAdmin(FlagMissingEnglishMixin, TranslationAdmin):
    list_display = ["number", "title", "published_at", "created_at"]
    list_filter = ["published_at", MissingEnglishFilter]
    search_fields = ["title", "text"]
    readonly_fields = ["number", "published_at"]
    inlines = [CommitmentInline]
    actions = ["publish"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A published version is kept as it was: it can be read, not changed.
        return not (obj and obj.is_published) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not (obj and obj.is_published) and super().has_delete_permission(request, obj)

    @admin.action(description=_("Publish the selected draft versions"))
    def publish(self, request: HttpRequest, queryset: QuerySet[CharterVersion]) -> None:
        for version in queryset.order_by("number"):
            try:
                publish_charter_version(version=version)
            except ValidationError as error:
                self.message_user(request, f"{version}: {error.messages[0]}", messages.ERROR)
            else:
                self.message_user(request, _("%(version)s published.") % {"version": version})
