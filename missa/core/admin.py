from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from missa.core.translations import FlagMissingEnglishMixin, MissingEnglishFilter

from .models import Benefit, Objective, Sector, Territory


@admin.register(Territory)
class TerritoryAdmin(FlagMissingEnglishMixin, TranslationAdmin):
    list_display = ["name", "insee_code", "brand_name"]
    search_fields = ["name", "brand_name", "insee_code"]

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
