from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.models import EmailAddress
from allauth.mfa.base.internal.flows import check_rate_limit
from allauth.mfa.models import Authenticator
from django import forms
from django.contrib.auth.hashers import make_password
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from missa.core.forms import ImageUploadField

from .models import ParticipantKind, User
from .security import has_two_factor

PHOTO_MAX_BYTES = 5 * 1024 * 1024


class ProfileForm(forms.ModelForm):
    # Checked by its content, not by the file's name, and re-encoded.
    photo = ImageUploadField(
        label=_("Photo"),
        max_bytes=PHOTO_MAX_BYTES,
        max_side=800,
        help_text=_("PNG, JPEG or WebP, 5 MB at most. It is re-encoded without its metadata."),
    )

    participant_kind = forms.ChoiceField(
        label=_("I take part in the programme as"),
        required=False,
        choices=[("", _("I prefer not to say")), *ParticipantKind.choices],
        help_text=_(
            "Counted in the figures of participants (inhabitants, companies, visitors…), never "
            "shown with your name."
        ),
    )

    email_news = forms.BooleanField(
        label=_("I agree to receive the programme's news by email (the monthly journal)."),
        required=False,
    )

    class Meta:
        model = User
        fields = ["display_name", "language", "photo"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email_news"].initial = self.instance.email_consent_at is not None
        self.fields["participant_kind"].initial = self.instance.participant_kind

    def save(self, commit: bool = True) -> User:
        user: User = super().save(commit=False)
        wants_news = self.cleaned_data.get("email_news", False)
        if wants_news and user.email_consent_at is None:
            user.email_consent_at = timezone.now()
        elif not wants_news:
            user.email_consent_at = None
        if commit:
            user.save()
        return user


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password, to confirm"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    code = forms.CharField(
        label=_("A code from your authenticator app (or a recovery code)"),
        max_length=64,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if not has_two_factor(user):
            # Those who sign in with a second factor prove it here too.
            del self.fields["code"]

    def clean_code(self) -> str:
        code = str(self.cleaned_data.get("code", "")).strip()
        clear_rate_limit = check_rate_limit(self.user)
        for authenticator in Authenticator.objects.filter(user=self.user).exclude(
            type=Authenticator.Type.WEBAUTHN
        ):
            if authenticator.wrap().validate_code(code):
                clear_rate_limit()
                return code
        raise forms.ValidationError(_("This code is not valid: use a current one."))

    def clean_password(self) -> str:
        password = str(self.cleaned_data.get("password", ""))
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, on which an address's owner always wins and timing tells nothing.

    - An address that another account only *claims* (added as a secondary address, never
      verified) does not block its owner: the owner signs up, and the claim is dropped.
    - Signing up with an address that has an account sends its owner a notice instead of
      creating one; that path hashes the password too, so that both cost the same time and a
      stranger cannot learn from the answer's delay whether the address has an account.
    """

    def validate_unique_email(self, value: str) -> str:
        email = str(value).strip().lower()
        if self._only_claimed(email):
            self.account_already_exists = False
            return email
        return str(super().validate_unique_email(value))

    @staticmethod
    def _only_claimed(email: str) -> bool:
        addresses = EmailAddress.objects.filter(email__iexact=email)
        held = (
            User.objects.filter(email__iexact=email).exists()
            or addresses.filter(Q(verified=True) | Q(primary=True)).exists()
        )
        return not held and addresses.exists()

    def try_save(self, request: HttpRequest) -> Any:
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)

    def save(self, request: HttpRequest) -> User:
        user: User = super().save(request)
        # The owner's sign-up wins over other accounts' unverified claims of the address.
        EmailAddress.objects.filter(email__iexact=user.email, verified=False).exclude(
            user=user
        ).delete()
        return user
