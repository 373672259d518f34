"""The contact form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from missa.core.validators import validate_single_line


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150, validators=[validate_single_line])
    email = forms.EmailField(
        label=_("Your email address"), help_text=_("To answer you, and to send you a copy.")
    )
    subject = forms.CharField(label=_("Subject"), max_length=150, validators=[validate_single_line])
    message = forms.CharField(
        label=_("Your message"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000
    )
