from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Decision, Document, Meeting


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "description", "minutes")


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(Decision)
class DecisionTranslation(TranslationOptions):
    fields = ("title", "text")
