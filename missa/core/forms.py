"""Form fields shared by every app."""

from typing import Any

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from .models import Sector
from .uploads import MEGABYTE, clean_document, clean_image

IMAGE_ACCEPT = "image/png,image/jpeg,image/webp"


class FileInput(forms.ClearableFileInput):
    """A file input that its label names (the admin otherwise draws a fieldset and a legend,
    which leave the input itself without a label)."""

    use_fieldset = False


class AdminFileInput(AdminFileWidget):
    """The admin's file input, named by its label (not a fieldset's legend) for the same reason."""

    use_fieldset = False


def labelled_file_widget(widget: Any) -> Any:
    """The widget the admin chose for a file field, or its labelled variant."""
    if widget is AdminFileWidget or type(widget) is AdminFileWidget:
        return AdminFileInput
    return widget


class ImageUploadField(forms.FileField):
    """An image upload checked by content and re-encoded (see core.uploads.clean_image)."""

    def __init__(
        self, *, max_bytes: int = 5 * MEGABYTE, max_side: int = 4000, **kwargs: Any
    ) -> None:
        self.max_bytes, self.max_side = max_bytes, max_side
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _("PNG, JPEG or WebP, %(size)s MB at most.") % {"size": max_bytes // MEGABYTE},
        )
        kwargs.setdefault("widget", FileInput(attrs={"accept": IMAGE_ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            return clean_image(value, max_bytes=self.max_bytes, max_side=self.max_side)
        return value


class DocumentUploadField(forms.FileField):
    """A PDF or ZIP upload checked by its first bytes and stored under a random name."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("PDF or ZIP, 50 MB at most."))
        kwargs.setdefault("widget", FileInput(attrs={"accept": "application/pdf,application/zip"}))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            return clean_document(value)
        return value


class SectorsField(forms.ModelMultipleChoiceField):
    """The programme's sectors as checkboxes, in their order; at least one unless optional."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Sectors"))
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        if kwargs.get("required", True):
            kwargs.setdefault("error_messages", {"required": _("Choose at least one sector.")})
        super().__init__(queryset=Sector.objects.all(), **kwargs)


class MonthField(forms.DateField):
    """A month, chosen as a month (<input type="month">, "2017-06"), stored as its first day."""

    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    input_formats = ["%Y-%m"]
    default_error_messages = {"invalid": _("Enter a month, such as 2017-06.")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("input_formats", None)
        kwargs.pop("widget", None)
        super().__init__(input_formats=self.input_formats, **kwargs)

    def to_python(self, value: Any) -> Any:
        day = super().to_python(value)
        return day.replace(day=1) if day else day
