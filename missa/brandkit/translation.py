from modeltranslation.translator import TranslationOptions, register

from .models import BrandAsset


@register(BrandAsset)
class BrandAssetTranslation(TranslationOptions):
    fields = ("title", "description")
