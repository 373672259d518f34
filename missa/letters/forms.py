from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a link to it: the letter starts once you follow it."),
    )
    language = forms.ChoiceField(
        label=_("In which language?"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )
