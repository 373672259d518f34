"""allauth's emails go through MISSA's mail queue, in the language of the person they address."""

from types import SimpleNamespace
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.utils import translation

from missa.mail.identity import site_identity
from missa.mail.services import queue_message

from .models import User


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        request = allauth_context.request
        user = (
            User.objects.filter(email__iexact=email)
            .only("language", "display_name", "first_name", "last_name")
            .first()
        )
        language = user.language if user else translation.get_language()
        identity = site_identity()
        with translation.override(language):
            message = self.render_mail(
                template_prefix,
                email,
                {
                    "request": request,
                    "email": email,
                    **context,
                    **identity,
                    # allauth's own texts name the site and its domain: the territory's.
                    "current_site": SimpleNamespace(
                        name=identity["site_name"], domain=identity["site_domain"]
                    ),
                    "recipient_name": user.greeting_name if user else "",
                },
            )
        # Queued with the step that sends it, delivered by the background worker.
        queue_message(message)
