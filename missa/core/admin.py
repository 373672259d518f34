from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Benefit, Objective, Sector, Territory


@admin.register(Territory)
class TerritoryAdmin(TranslationAdmin):
    list_display = ["name", "insee_code", "brand_name"]
    search_fields = ["name", "brand_name", "insee_code"]


class OrderedTermAdmin(TranslationAdmin):
    list_display = ["name", "slug", "order", "colour"]
    list_editable = ["order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name_fr"]}


admin.site.register(Sector, OrderedTermAdmin)
admin.site.register(Objective, OrderedTermAdmin)
admin.site.register(Benefit, OrderedTermAdmin)
