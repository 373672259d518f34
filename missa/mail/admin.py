from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """What was sent and what could not be: editors see failures and send them again.

    The text is never shown: an email may carry someone's sign-in or password-reset link.
    """

    list_display = ["created_at", "to", "subject", "status", "attempts", "last_error"]
    list_filter = ["status"]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    fields = readonly_fields = (
        "to",
        "subject",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
    )
    actions = ["send_again"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=_("Send the selected failed emails again"))
    def send_again(self, request: HttpRequest, queryset: QuerySet[OutgoingEmail]) -> None:
        count = 0
        for email in queryset.filter(status=OutgoingEmail.Status.FAILED):
            if services.retry(email).status == OutgoingEmail.Status.QUEUED:
                count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)s email is queued again.", "%(count)s emails are queued again.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )
