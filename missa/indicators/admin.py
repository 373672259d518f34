"""The editors' side of the indicators: each indicator defined here (what it measures, how,
its baseline and target); values are entered on the site, one by one or from a CSV file, and
MISSA takes its own measures in the background."""

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from missa.core.translations import FlagMissingEnglishMixin, MissingEnglishFilter

from .measures import MEASURES
from .models import Indicator


class IndicatorForm(forms.ModelForm):
    measure = forms.ChoiceField(required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["measure"]
        field.choices = [("", "—"), *((key, label) for key, (label, _f) in MEASURES.items())]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Indicator.Kind.MEASURED and not data.get("measure"):
            self.add_error(
                "measure", forms.ValidationError(self.fields["measure"].error_messages["required"])
            )
        if data.get("kind") == Indicator.Kind.ENTERED:
            data["measure"] = ""
        return data


@admin.register(Indicator)
class IndicatorAdmin(FlagMissingEnglishMixin, TranslationAdmin):
    form = IndicatorForm
    list_display = [
        "name",
        "benefit",
        "kind",
        "latest_value",
        "latest_on",
        "on_track",
        "is_headline",
    ]
    list_filter = ["benefit", "kind", MissingEnglishFilter]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name_fr"]}
    filter_horizontal = ["objectives"]
    readonly_fields = [
        "latest_value",
        "latest_on",
        "previous_value",
        "progress",
        "on_track",
        "measurement_count",
    ]

    def save_model(self, request: HttpRequest, obj: Indicator, form: Any, change: bool) -> None:
        from .services import refresh_indicator

        super().save_model(request, obj, form, change)
        # A new baseline or target changes its progress and whether it is on track.
        refresh_indicator(obj)
