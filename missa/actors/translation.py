from modeltranslation.translator import TranslationOptions, register

from .models import Actor, ActorRole


@register(Actor)
class ActorTranslation(TranslationOptions):
    fields = ("description",)


@register(ActorRole)
class ActorRoleTranslation(TranslationOptions):
    fields = ("position",)
