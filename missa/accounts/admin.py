from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["email", "display_name", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "language", "groups"]
    search_fields = ["email", "display_name", "username", "first_name", "last_name"]
    ordering = ["email"]
    fieldsets = [
        *(DjangoUserAdmin.fieldsets or []),
        (_("MISSA"), {"fields": ["display_name", "language"]}),
    ]
