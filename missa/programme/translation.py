from modeltranslation.translator import TranslationOptions, register

from .models import Deliverable, Phase


@register(Phase)
class PhaseTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Deliverable)
class DeliverableTranslation(TranslationOptions):
    fields = ("title", "description", "file")
