from modeltranslation.translator import TranslationOptions, register

from .models import PressRelease


@register(PressRelease)
class PressReleaseTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "file")
