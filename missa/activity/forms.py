"""What members report their organisation did, and why an editor hides a report."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from missa.actors.models import Actor
from missa.core.forms import ImageUploadField, SectorsField
from missa.core.validators import validate_single_line

from .models import ACTIVITY_KIND_LABELS, Activity
from .services import REPORTABLE_KINDS, report_activity


class ActivityReportForm(forms.Form):
    """What a member reports their organisation did for the territory."""

    kind = forms.ChoiceField(label=_("What kind of action?"))
    title = forms.CharField(label=_("Title"), max_length=250, validators=[validate_single_line])
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(
        label=_("Tell more (optional)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    link = forms.URLField(label=_("Link (optional)"), required=False, assume_scheme="https")
    photo = ImageUploadField(label=_("Photo (optional)"), max_side=2400)
    photo_alt = forms.CharField(
        label=_("What the photo shows"),
        required=False,
        max_length=250,
        validators=[validate_single_line],
        help_text=_(
            "Needed with a photo: a sentence for people who cannot see it "
            "(“The shop window dressed in the brand's colours”)."
        ),
    )
    sectors = SectorsField(
        required=False, help_text=_("Leave empty to use your organisation's sectors.")
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["kind"].choices = [  # type: ignore[attr-defined]
            (kind, ACTIVITY_KIND_LABELS[kind]) for kind in REPORTABLE_KINDS
        ]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("photo") and not (data.get("photo_alt") or "").strip():
            self.add_error("photo_alt", _("Say in a sentence what the photo shows."))
        elif not data.get("photo"):
            data["photo_alt"] = ""
        return data

    def report(self, *, actor: Actor, user: Any) -> Activity:
        """Record the valid report (the web form's and the API's: services.report_activity)."""
        data = self.cleaned_data
        return report_activity(
            actor=actor,
            user=user,
            kind=data["kind"],
            title=data["title"],
            date=data["date"],
            text=data["text"],
            link=data["link"],
            photo=data.get("photo"),
            photo_alt=data.get("photo_alt", ""),
            sectors=data["sectors"],
        )

    def clean_date(self) -> object:
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                _("Report what was done: the date cannot be in the future.")
            )
        return day


class HideActivityForm(forms.Form):
    reason = forms.CharField(
        label=_("Why hide it? (the member who reported it sees this)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
