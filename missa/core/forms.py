"""Form fields shared by every app."""

import json
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from .geo import OutlineError, validate_outlines
from .models import Sector
from .uploads import MEGABYTE, clean_document, clean_image
from .validators import CONTROL_CHARACTERS

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


class CoordinateField(forms.DecimalField):
    """A latitude or a longitude in degrees: a comma or a point, rounded to about a metre."""

    def __init__(self, *, limit: int, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
        )
        super().__init__(min_value=-limit, max_value=limit, **kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, str):
            value = value.strip().replace(",", ".").replace("\u2212", "-")
        number: Decimal | None = super().to_python(value)
        if number is None:
            return None
        try:
            if not number.is_finite() or abs(number) > 1000:
                raise InvalidOperation
            return number.quantize(Decimal("0.00001"), rounding=ROUND_HALF_EVEN)
        except InvalidOperation as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error


class OutlinesUploadField(forms.FileField):
    """A GeoJSON file of the map's outlines, read and checked (core.geo.validate_outlines);
    its value is the outlines as they are kept."""

    MAX_BYTES = 2 * MEGABYTE

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget", FileInput(attrs={"accept": ".geojson,.json,application/geo+json"})
        )
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        value = super().clean(data, initial)
        if not isinstance(value, UploadedFile):
            return None
        if value.size is None or value.size > self.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB: simplify the outlines first.")
                % {"size": self.MAX_BYTES // MEGABYTE}
            )
        try:
            return validate_outlines(json.loads(value.read().decode("utf-8")))
        except (UnicodeDecodeError, ValueError) as error:
            # OutlineError says what is wrong; other errors mean it is not JSON at all.
            message = str(error) if isinstance(error, OutlineError) else _("The file is not JSON.")
            raise forms.ValidationError(message) from error


SEARCH_MAX_LENGTH = 100


def search_field(label: Any) -> forms.CharField:
    """Return a list's search box (optional, its length capped, no autocompletion)."""
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.SearchInput(attrs={"maxlength": SEARCH_MAX_LENGTH, "autocomplete": "off"}),
    )


class ListFilterForm(forms.Form):
    """A list's search and filters, read from its address: a long pasted search is cut and its
    control characters dropped rather than refused, and invalid values are left out — a list
    never fails on what its address says."""

    def clean_q(self) -> str:
        text = CONTROL_CHARACTERS.sub(" ", str(self.cleaned_data.get("q", "")))
        return " ".join(text.split())[:SEARCH_MAX_LENGTH]

    def filters(self) -> dict[str, Any]:
        """Return the valid filter values; invalid ones are left out."""
        self.is_valid()
        data = {
            name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors
        }
        return {name: value for name, value in data.items() if value}

    def offer(self, name: str, everything: Any, terms: Iterable[Any]) -> None:
        """Offer terms (with a slug and a name) as the choices of field name, after everything."""
        field: Any = self.fields[name]
        field.choices = [("", everything), *((term.slug, term.name) for term in terms)]
