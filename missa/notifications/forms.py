from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Notification


class EmailChoicesForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Also send me an email when"),
        required=False,
        choices=Notification.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every notification is also listed on this site."),
    )
