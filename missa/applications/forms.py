from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from missa.accounts.models import User
from missa.actors.models import Actor
from missa.charter.models import CharterVersion, Commitment
from missa.core.forms import ImageUploadField, SectorsField

from .models import Application
from .services import check_not_duplicate

KIND_LABELS = dict(Actor.Kind.choices)


class ApplicationForm(forms.ModelForm):
    logo = ImageUploadField(label=_("Logo"), max_side=1200)
    sectors = SectorsField()
    commitments: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("The optional commitments you make"),
        queryset=Commitment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    accept_charter = forms.BooleanField(
        label=_("I have read the charter and accept it, with its required commitments."),
        error_messages={"required": _("Accept the charter to apply.")},
    )

    class Meta:
        model = Application
        fields = [
            "requested_role",
            "kind",
            "name",
            "siret",
            "address",
            "postcode",
            "town",
            "website",
            "description",
            "logo",
            "sectors",
            "motivation",
            "commitments",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "motivation": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(
        self, *args: Any, applicant: User, charter_version: CharterVersion, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.applicant = applicant
        self.charter_version = charter_version
        self.fields["kind"].choices = [  # type: ignore[attr-defined]
            (kind, KIND_LABELS[kind]) for kind in Application.APPLYING_KINDS
        ]
        self.fields["commitments"].queryset = charter_version.commitments.filter(  # type: ignore[attr-defined]
            is_required=False
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, siret = data.get("kind"), data.get("siret", "")
        if kind == Actor.Kind.COMPANY and not siret and "siret" not in self.errors:
            self.add_error("siret", _("A company gives its SIRET."))
        if kind and kind != Actor.Kind.COMPANY and siret:
            self.add_error("siret", _("Only companies have a SIRET."))
        if data.get("name") and not self.errors:
            try:
                check_not_duplicate(siret=siret, name=data["name"], applicant=self.applicant)
            except ValidationError as error:
                raise ValidationError(error.messages) from None
        return data

    def save(self, commit: bool = True) -> Application:
        application: Application = super().save(commit=False)
        application.applicant = self.applicant
        application.charter_version = self.charter_version
        return application


class ReasonForm(forms.Form):
    """The reason of a decision that needs one: a rejection, or the suspension of a member."""

    reason = forms.CharField(
        label=_("Reason for the rejection (sent to the applicant, never published)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
    )

    def __init__(self, *args: Any, for_status: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if for_status == Application.Status.APPROVED:
            self.fields["reason"].label = _(
                "Reason for the suspension (sent to the member, never published)"
            )


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Waiting for a decision")), *Application.Status.choices],
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *((k, KIND_LABELS[k]) for k in Application.APPLYING_KINDS)],
    )

    def filters(self) -> dict[str, str]:
        self.is_valid()
        return {key: value for key, value in getattr(self, "cleaned_data", {}).items() if value}
