from modeltranslation.translator import TranslationOptions, register

from .models import Benefit, Objective, Sector, Territory


@register(Territory)
class TerritoryTranslation(TranslationOptions):
    fields = (
        "nickname",
        "short_description",
        "description",
        "tagline",
        "membership_fee",
        "accessibility_notes",
    )


@register(Sector)
@register(Objective)
@register(Benefit)
class OrderedTermTranslation(TranslationOptions):
    fields = ("name", "description")
