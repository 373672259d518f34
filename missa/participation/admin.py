"""The editors' side of co-construction: calls (written, published, closed with their
outcome) and the ideas (read here; answered on the site, where the author is told)."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from missa.core.admin_widgets import ValidAutocompleteMixin, each
from missa.core.translations import FlagMissingEnglishMixin, MissingEnglishFilter

from .models import Answer, Call, Consultation, Idea, Option, Question
from .services import (
    publish_call,
    publish_consultation,
    publish_consultation_results,
    publish_results,
)


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
        each(self, request, queryset, publish_call, _("%(count)s calls published."))

    @admin.action(description=_("Publish what the chosen closed calls retained"))
    def publish_outcome(self, request: HttpRequest, queryset: QuerySet[Call]) -> None:
        each(
            self,
            request,
            queryset,
            publish_results,
            _("The results of %(count)s calls are published."),
        )


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


class QuestionInline(TranslationTabularInline):
    model = Question
    extra = 1
    fields = ["order", "kind", "text", "help", "required"]
    show_change_link = True


@admin.register(Consultation)
class ConsultationAdmin(FlagMissingEnglishMixin, TranslationAdmin):
    list_display = ["title", "phase", "opens_on", "closes_on", "published_at", "response_count"]
    list_filter = ["phase", MissingEnglishFilter]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title_fr"]}
    readonly_fields = ["published_at", "results_recorded_on", "response_count"]
    inlines = [QuestionInline]
    actions = ["publish", "publish_outcome"]

    @admin.action(description=_("Publish the chosen consultations"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Consultation]) -> None:
        each(self, request, queryset, publish_consultation, _("%(count)s consultations published."))

    @admin.action(description=_("Say in the journal that their results are out"))
    def publish_outcome(self, request: HttpRequest, queryset: QuerySet[Consultation]) -> None:
        each(
            self,
            request,
            queryset,
            publish_consultation_results,
            _("The results of %(count)s consultations are in the journal."),
        )


class OptionInline(TranslationTabularInline):
    model = Option
    extra = 3
    fields = ["order", "text"]


@admin.register(Question)
class QuestionAdmin(TranslationAdmin):
    """A question and its options (from its consultation's page)."""

    list_display = ["text", "consultation", "kind", "order"]
    list_filter = ["consultation"]
    search_fields = ["text"]
    fields = ["consultation", "order", "kind", "text", "help", "required"]
    readonly_fields = ["consultation"]
    inlines = [OptionInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # added in their consultation


@admin.register(Answer)
class FreeAnswerAdmin(admin.ModelAdmin):
    """The free answers, which editors read and publish on the results page."""

    list_display = ["text", "question", "is_published"]
    list_filter = ["is_published", "question__consultation"]
    search_fields = ["text"]
    fields = ["question", "text", "is_published"]
    readonly_fields = ["question", "text"]
    actions = ["publish", "unpublish"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Answer]:
        return super().get_queryset(request).exclude(text="").select_related("question")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Publish on the results page"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Answer]) -> None:
        count = queryset.update(is_published=True)
        self.message_user(request, _("%(count)s answers published.") % {"count": count})

    @admin.action(description=_("Take off the results page"))
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Answer]) -> None:
        count = queryset.update(is_published=False)
        self.message_user(request, _("%(count)s answers taken off.") % {"count": count})
