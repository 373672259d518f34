"""Brand-kit files move out of the public media space, into the private storage."""

from typing import Any

from django.core.files.storage import storages
from django.db import migrations, models

import missa.core.storage


def move_files_to_private_storage(apps: Any, schema_editor: Any) -> None:
    """Move each asset's file from the public media to the private storage (same name)."""
    public, private = storages["default"], storages["private"]
    asset_model = apps.get_model("brandkit", "BrandAsset")
    for name in asset_model.objects.exclude(file="").values_list("file", flat=True):
        if private.exists(name) or not public.exists(name):
            continue
        with public.open(name, "rb") as source:
            saved = private.save(name, source)
        if saved != name:  # never expected: the name was free
            asset_model.objects.filter(file=name).update(file=saved)
        public.delete(name)


class Migration(migrations.Migration):
    dependencies = [("brandkit", "0002_single_line_fields")]

    operations = [
        migrations.AlterField(
            model_name="brandasset",
            name="file",
            field=models.FileField(
                blank=True,
                storage=missa.core.storage.private_storage,
                upload_to="brandkit/",
                verbose_name="file",
            ),
        ),
        migrations.RunPython(move_files_to_private_storage, migrations.RunPython.noop),
    ]
