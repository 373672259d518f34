from modeltranslation.translator import TranslationOptions, register

from .models import Action, Milestone, Partner, Plan


@register(Plan)
class PlanTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Action)
class ActionTranslation(TranslationOptions):
    fields = ("title", "description", "status_reason")


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("role", "contribution_detail")


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title",)
