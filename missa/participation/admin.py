"""The editors' side of co-construction: calls (written, published, closed with their
outcome) and the ideas (read here; answered on the site, where the author is told)."""

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from missa.core.admin_widgets import ValidAutocompleteMixin
from missa.core.translations import FlagMissingEnglishMixin, MissingEnglishFilter

from .models import Call, Idea
from .services import publish_call, publish_results


@admin.register(Call)
class CallAdmin(ValidAutocompleteMixin, FlagMissingEnglishMixin, TranslationAdmin):
    list_display = ["title", "phase", "opens_on", "closes_on", "published_at", "idea_count"]
    list_filter = ["phase", MissingEnglishFilter]
    search_fields = ["title", "question"]
    prepopulated_fields = {"slug": ["title_fr"]}
    autocomplete_fields = ["organiser"]
    filter_horizontal = ["sectors", "objectives"]
    readonly_fields = [
        "published_at",
        "results_published_on",
        "idea_count",
        "support_count",
        "comment_count",
        "participant_count",
    ]
    actions = ["publish", "publish_outcome"]

    @admin.action(description=_("Publish the chosen calls (the journal records their opening)"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Call]) -> None:
        self._each(request, queryset, publish_call, _("%(count)s calls published."))

    @admin.action(description=_("Publish what the chosen closed calls retained"))
    def publish_outcome(self, request: HttpRequest, queryset: QuerySet[Call]) -> None:
        self._each(
            request, queryset, publish_results, _("The results of %(count)s calls are published.")
        )

    def _each(
        self, request: HttpRequest, queryset: QuerySet[Call], step: object, done: Any
    ) -> None:
        count = 0
        for call in queryset:
            try:
                step(call=call)  # type: ignore[operator]
            except ValidationError as error:
                self.message_user(request, f"{call}: {' '.join(error.messages)}", messages.ERROR)
            else:
                count += 1
        if count:
            self.message_user(request, done % {"count": count}, messages.SUCCESS)


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "call", "state", "support_count", "comment_count", "created_at"]
    list_filter = ["state", "call"]
    search_fields = ["title"]
    date_hierarchy = "created_at"
    # Ideas change through their author and the official answer (on the site), never here.
    readonly_fields = [
        "call",
        "author",
        "actor",
        "title",
        "text",
        "image",
        "image_alt",
        "state",
        "state_changed_at",
        "answer",
        "answered_by",
        "answered_at",
        "is_hidden",
        "support_count",
        "comment_count",
        "created_at",
        "edited_at",
    ]
    exclude = ["sectors", "objectives"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
