from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from missa.core.admin_widgets import ValidAutocompleteMixin

from .models import Actor, ActorRole, Membership


class ActorRoleInline(TranslationTabularInline):
    model = ActorRole
    extra = 0


class MembershipInline(ValidAutocompleteMixin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Actor)
class ActorAdmin(ValidAutocompleteMixin, TranslationAdmin):
    list_display = ["name", "kind", "town", "is_public", "joined_on"]
    list_filter = ["kind", "is_public", "sectors", "roles__role"]
    search_fields = ["name", "slug", "siret", "town"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["represents", "user"]
    filter_horizontal = ["sectors"]
    date_hierarchy = "joined_on"
    inlines = [ActorRoleInline, MembershipInline]
    show_full_result_count = False


@admin.register(ActorRole)
class ActorRoleAdmin(ValidAutocompleteMixin, TranslationAdmin):
    list_display = ["actor", "role", "position", "start_date", "end_date"]
    list_filter = ["role"]
    search_fields = ["actor__name", "position"]
    list_select_related = ["actor"]
    autocomplete_fields = ["actor"]


@admin.register(Membership)
class MembershipAdmin(ValidAutocompleteMixin, admin.ModelAdmin):
    list_display = ["user", "actor", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "actor__name"]
    list_select_related = ["user", "actor"]
    autocomplete_fields = ["user", "actor"]
