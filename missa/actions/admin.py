"""The editors' side of the plan: plans written and published here. Actions, their milestones
and news are written on the site (the plan's and each action's pages), through the services
that keep their history and the journal."""

from functools import partial

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from missa.accounts.security import signed_in
from missa.core.admin_widgets import ValidAutocompleteMixin, each
from missa.core.translations import FlagMissingEnglishMixin, MissingEnglishFilter

from .models import Action, Plan
from .services import publish_plan


@admin.register(Plan)
class PlanAdmin(ValidAutocompleteMixin, FlagMissingEnglishMixin, TranslationAdmin):
    list_display = ["title", "starts_on", "ends_on", "published_at", "action_count", "progress"]
    list_filter = [MissingEnglishFilter]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title_fr"]}
    autocomplete_fields = ["adopted_by"]
    readonly_fields = ["published_at", "action_count", "progress", "budget_planned", "budget_spent"]
    actions = ["publish"]

    @admin.action(description=_("Publish the chosen plans"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Plan]) -> None:
        step = partial(publish_plan, by=signed_in(request))
        each(self, request, queryset, step, _("%(count)s plans published."))


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    """Read here; written on the site, where each change is kept and told."""

    list_display = ["number", "title", "plan", "lead", "status", "progress", "ends_on"]
    list_filter = ["plan", "status"]
    search_fields = ["title", "lead__name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
