from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    """The monthly letter: the journal's month, sent to who asked for it (double opt-in), with
    what they follow; one-click unsubscription; never twice the same month."""

    name = "missa.letters"
    label = "letters"
    verbose_name = _("Monthly letter")
