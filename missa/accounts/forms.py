from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from missa.core.uploads import clean_image

from .models import User

PHOTO_MAX_BYTES = 5 * 1024 * 1024


class ProfileForm(forms.ModelForm):
    # A plain file field: the content is checked by clean_image, not by the file's name.
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("PNG, JPEG or WebP, 5 MB at most. It is re-encoded without its metadata."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )

    class Meta:
        model = User
        fields = ["display_name", "language", "photo"]

    def clean_photo(self) -> object:
        photo = self.cleaned_data.get("photo")
        if isinstance(photo, UploadedFile):
            return clean_image(photo, max_bytes=PHOTO_MAX_BYTES, max_side=800)
        return photo
