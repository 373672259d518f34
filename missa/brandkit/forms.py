from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from missa.core.forms import ImageUploadField
from missa.core.uploads import clean_asset_file

from .models import BrandAsset, MisuseReport


class BrandAssetAdminForm(forms.ModelForm):
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_(
            "PNG, JPEG, WebP, PDF or ZIP, 50 MB at most; or an SVG drawing (2 MB at most), "
            "kept without its scripts, links and outside references."
        ),
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
    photo = ImageUploadField(label=_("Photo (optional)"))

    class Meta:
        model = MisuseReport
        fields = ["description", "link", "photo", "email"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
