"""System checks of MISSA's own rules about its models."""

from typing import Any

from django.apps import apps
from django.core import checks
from django.db import models

from .fields import SingleLineField

# Django's own fields that restrict their characters already, or hold no text a person wrote.
_EXEMPT = {("accounts", "user", "username"), ("accounts", "user", "password")}


@checks.register(checks.Tags.models)
def single_line_fields(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Every free one-line text field of a MISSA model is a SingleLineField."""
    errors: list[checks.CheckMessage] = []
    for model in apps.get_models():
        if not model.__module__.startswith("missa."):
            continue
        meta = model._meta
        for field in meta.local_fields:
            if type(field) is not models.CharField or field.choices:
                continue
            if (meta.app_label, meta.model_name, field.name) in _EXEMPT:
                continue
            errors.append(
                checks.Error(
                    f"{meta.label}.{field.name} is a free one-line text: make it a "
                    f"{SingleLineField.__module__}.SingleLineField.",
                    obj=field,
                    id="missa.E001",
                )
            )
    return errors
