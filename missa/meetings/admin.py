"""The editors' side of the committee's work: meetings written and announced here, with their
agenda and documents. The roll, the minutes and the decisions are recorded on the meeting's
page, through the services that write them to the journal."""

from functools import partial

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from missa.accounts.security import signed_in
from missa.core.admin_widgets import ValidAutocompleteMixin, each
from missa.core.translations import FlagMissingEnglishMixin, MissingEnglishFilter
from missa.core.uploads import clean_document

from .models import AgendaItem, Decision, Document, Meeting
from .services import publish_meeting


class AgendaItemInline(TranslationTabularInline):
    model = AgendaItem
    extra = 2
    fields = ["order", "title", "presenter", "presenter_name", "is_confidential"]
    autocomplete_fields = ["presenter"]
    show_change_link = True


@admin.register(Meeting)
class MeetingAdmin(ValidAutocompleteMixin, FlagMissingEnglishMixin, TranslationAdmin):
    list_display = [
        "title",
        "kind",
        "starts_at",
        "published_at",
        "held_at",
        "present_count",
        "decision_count",
        "minutes_published_at",
    ]
    list_filter = ["kind", MissingEnglishFilter]
    search_fields = ["title"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title_fr"]}
    autocomplete_fields = ["organiser"]
    inlines = [AgendaItemInline]
    # The minutes are published from the meeting's page (services.publish_minutes).
    exclude = ["minutes", "minutes_fr", "minutes_en"]
    readonly_fields = [
        "published_at",
        "held_at",
        "minutes_published_at",
        "present_count",
        "excused_count",
        "absent_count",
        "guest_count",
        "decision_count",
    ]
    actions = ["publish"]

    def has_delete_permission(self, request: HttpRequest, obj: Meeting | None = None) -> bool:
        # An announced meeting stays: calendars know it, and the journal once it is held.
        if obj is not None and obj.published_at is not None:
            return False
        return super().has_delete_permission(request, obj)

    @admin.action(description=_("Announce the chosen meetings (their pages and calendar open)"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Meeting]) -> None:
        step = partial(publish_meeting, by=signed_in(request))
        each(self, request, queryset, step, _("%(count)s meetings announced."))


class DocumentForm(forms.ModelForm):
    def clean_file(self) -> object:
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            return clean_document(upload, allowed=("pdf",))
        return upload


class DocumentInline(TranslationTabularInline):
    model = Document
    form = DocumentForm
    extra = 1
    fields = ["title", "file", "link", "is_confidential"]


@admin.register(AgendaItem)
class AgendaItemAdmin(ValidAutocompleteMixin, TranslationAdmin):
    """An agenda item with its description and documents (from its meeting's page)."""

    list_display = ["title", "meeting", "order", "is_confidential"]
    list_filter = ["is_confidential"]
    search_fields = ["title", "meeting__title"]
    autocomplete_fields = ["meeting", "presenter"]
    inlines = [DocumentInline]


@admin.register(Decision)
class DecisionAdmin(FlagMissingEnglishMixin, TranslationAdmin):
    """Decisions are recorded on their meeting's page (numbered, written to the journal); here
    editors correct their text and links."""

    list_display = ["number", "title", "meeting", "method", "decided_on"]
    list_filter = ["method", MissingEnglishFilter]
    search_fields = ["title", "number"]
    readonly_fields = ["number", "meeting", "decided_on", "recorded_by", "created_at"]
    filter_horizontal = ["sectors", "objectives"]
    raw_id_fields = ["ideas", "items"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
