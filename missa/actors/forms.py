from django import forms
from django.utils.translation import gettext_lazy as _

from missa.core.models import Sector

from .models import Actor, ActorRole

SEARCH_MAX_LENGTH = 100


class DirectoryFilterForm(forms.Form):
    """The directory's filters. Unknown values are dropped, never an error page."""

    SORTS = {
        "name": ("name", "pk"),
        "-name": ("-name", "-pk"),
        "-joined": ("-joined_on", "-pk"),
        "joined": ("joined_on", "pk"),
    }

    q = forms.CharField(label=_("Search by name"), required=False, strip=True)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Actor.Kind.choices]
    )
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("All roles")), *ActorRole.Role.choices]
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("Name, A to Z")),
            ("-name", _("Name, Z to A")),
            ("-joined", _("Most recently joined")),
            ("joined", _("First joined")),
        ],
    )

    def __init__(self, *args: object, sectors: list[Sector], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.sectors = {sector.slug: sector for sector in sectors}
        self.fields["sector"].choices = [  # type: ignore[attr-defined]
            ("", _("All sectors")),
            *((sector.slug, sector.name) for sector in sectors),
        ]

    def clean_q(self) -> str:
        # Long pasted text is cut rather than refused: a search never fails.
        return str(self.cleaned_data.get("q", ""))[:SEARCH_MAX_LENGTH]

    def filters(self) -> dict[str, str]:
        """Return the valid filter values; invalid ones are left out."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value}
