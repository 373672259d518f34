from modeltranslation.translator import TranslationOptions, register

from .models import Activity


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = ("title", "text", "photo_alt")
