from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from missa.core.forms import CoordinateField, ImageUploadField, SectorsField
from missa.core.models import Sector
from missa.core.validators import CONTROL_CHARACTERS

from .models import Actor, ActorRole
from .services import PROFILE_FIELDS

SEARCH_MAX_LENGTH = 100


class DirectoryFilterForm(forms.Form):
    """The directory's filters. Unknown values are dropped, never an error page."""

    SORTS = {
        # With a search text, the best matches first (Actor.objects.search), then by name.
        "relevance": ("relevance", "name", "pk"),
        "name": ("name", "pk"),
        "-name": ("-name", "-pk"),
        "-joined": ("-joined_on", "-pk"),
        "joined": ("joined_on", "pk"),
    }

    q = forms.CharField(
        label=_("Search by name"),
        required=False,
        strip=True,
        widget=forms.SearchInput(attrs={"maxlength": SEARCH_MAX_LENGTH, "autocomplete": "off"}),
    )
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
            ("relevance", _("Best match")),
            ("name", _("Name, A to Z")),
            ("-name", _("Name, Z to A")),
            ("-joined", _("Most recently joined")),
            ("joined", _("First joined")),
        ],
    )

    # The list, or the map above it; a hidden field so that filtering keeps the chosen view.
    view = forms.ChoiceField(
        required=False, choices=[("", _("List")), ("map", _("Map"))], widget=forms.HiddenInput
    )

    # Filters that choose how the results are shown, not which.
    PRESENTATION = frozenset({"sort", "view"})

    def __init__(self, *args: object, sectors: list[Sector], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.sectors = {sector.slug: sector for sector in sectors}
        self.fields["sector"].choices = [  # type: ignore[attr-defined]
            ("", _("All sectors")),
            *((sector.slug, sector.name) for sector in sectors),
        ]

    def clean_q(self) -> str:
        # Long pasted text is cut, control characters dropped, rather than refused: a search
        # never fails.
        text = CONTROL_CHARACTERS.sub(" ", str(self.cleaned_data.get("q", "")))
        return " ".join(text.split())[:SEARCH_MAX_LENGTH]

    def filters(self) -> dict[str, str]:
        """Return the valid filter values; invalid ones are left out."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        filters = {name: value for name, value in data.items() if value}
        if filters.get("sort") == "relevance" and "q" not in filters:
            del filters["sort"]  # nothing to match: by name
        return filters

    @staticmethod
    def sort_of(filters: dict[str, str]) -> tuple[str, ...]:
        """Return the ordering: the one chosen, else best match with a search, else by name."""
        default = "relevance" if "q" in filters else "name"
        return DirectoryFilterForm.SORTS[filters.get("sort", default)]


class ActorProfileForm(forms.ModelForm):
    """The public profile that an actor's members keep up to date."""

    logo = ImageUploadField(label=_("Logo"), max_side=1200)
    sectors = SectorsField()
    latitude = CoordinateField(
        label=_("Latitude"), limit=90, help_text=_("In degrees, such as 43.91899.")
    )
    longitude = CoordinateField(
        label=_("Longitude"), limit=180, help_text=_("In degrees, such as 5.05035.")
    )

    class Meta:
        model = Actor
        # What the service keeps in the page's history, then the logo and the sectors.
        fields = [*PROFILE_FIELDS, "logo", "sectors"]
        widgets = {
            "description_fr": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.is_person:
            # People are not places (Actor.clean): no pin to place.
            del self.fields["latitude"], self.fields["longitude"]
