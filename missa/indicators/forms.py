"""The editors' forms: a value entered by hand, a CSV file imported."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from missa.core.validators import validate_single_line

CSV_MAX_BYTES = 2 * 1024 * 1024


class MeasurementForm(forms.Form):
    on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2)
    source = forms.CharField(
        label=_("Source"), max_length=250, required=False, validators=[validate_single_line]
    )
    note = forms.CharField(
        label=_("Note"), max_length=250, required=False, validators=[validate_single_line]
    )
    is_provisional = forms.BooleanField(label=_("Provisional value"), required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, comma or semicolon; columns: indicator (its slug), date (YYYY-MM-DD), value, "
            "and optionally source, note, provisional (yes or no)."
        ),
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            raise ValidationError(_("Choose a CSV file."))
        if upload.size is None or upload.size > CSV_MAX_BYTES:
            raise ValidationError(_("This file is too large: 2 MB at most."))
        data: Any = upload.read()
        if b"\x00" in data[:4096]:
            raise ValidationError(_("This is not a CSV file."))
        return bytes(data)
