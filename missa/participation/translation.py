from modeltranslation.translator import TranslationOptions, register

from .models import Call, Consultation, Option, Question


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title", "question", "description", "illustration_alt", "outcome")


@register(Consultation)
class ConsultationTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "help")


@register(Option)
class OptionTranslation(TranslationOptions):
    fields = ("text",)
