from modeltranslation.translator import TranslationOptions, register

from .models import JournalMonth


@register(JournalMonth)
class JournalMonthTranslation(TranslationOptions):
    fields = ("title", "editorial")
