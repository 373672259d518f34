from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from missa.core.uploads import clean_asset_file, clean_image

from .models import BrandAsset, MisuseReport


class BrandAssetAdminForm(forms.ModelForm):
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PNG, JPEG, WebP, PDF or ZIP, 50 MB at most. SVG is not accepted."),
    )

    class Meta:
        model = BrandAsset
        fields = [
            "title_fr",
            "title_en",
            "description_fr",
            "description_en",
            "kind",
            "language",
            "version",
            "file",
            "access",
            "credit",
            "rights",
            "expires_on",
            "is_published",
            "order",
        ]

    def clean_file(self) -> object:
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            return clean_asset_file(upload)
        return upload


class MisuseReportForm(forms.ModelForm):
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("PNG, JPEG or WebP, 5 MB at most."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )

    class Meta:
        model = MisuseReport
        fields = ["description", "link", "photo", "email"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def clean_photo(self) -> object:
        upload = self.cleaned_data.get("photo")
        if isinstance(upload, UploadedFile):
            return clean_image(upload)
        return None
