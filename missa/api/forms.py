"""Making a personal API token: what it is for, for which organisations, for how long."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from missa.actors.models import Actor
from missa.core.validators import validate_single_line

# How long a new token lasts, in days ("" for as long as it is not revoked).
LIFETIMES = [
    ("30", _("30 days")),
    ("90", _("90 days")),
    ("365", _("One year")),
    ("", _("Until I revoke it")),
]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("What will use it?"),
        max_length=100,
        validators=[validate_single_line],
        help_text=_("To recognise it later: “Our website”, “The booking system”."),
    )
    actors: forms.ModelMultipleChoiceField[Actor] = forms.ModelMultipleChoiceField(
        label=_("It reports for"),
        queryset=Actor.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one organisation.")},
    )
    lifetime = forms.ChoiceField(
        label=_("It lasts"),
        choices=LIFETIMES,
        initial="90",
        required=False,
        widget=forms.RadioSelect,
        help_text=_("A token that expires is safer: make a new one when it does."),
    )

    def __init__(self, *args: Any, actors: list[Actor], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["actors"]
        field.queryset = Actor.objects.filter(pk__in=[actor.pk for actor in actors])  # type: ignore[attr-defined]
        if len(actors) == 1:
            field.initial = [actors[0].pk]

    @property
    def days(self) -> int | None:
        lifetime = self.cleaned_data.get("lifetime")
        return int(lifetime) if lifetime else None
