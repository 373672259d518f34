from modeltranslation.translator import TranslationOptions, register

from .models import CharterVersion, Commitment


@register(CharterVersion)
class CharterVersionTranslation(TranslationOptions):
    fields = ("title", "text", "benefits")


@register(Commitment)
class CommitmentTranslation(TranslationOptions):
    fields = ("text",)
