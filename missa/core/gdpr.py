"""Helpers of the personal-data services (accounts.services) and of each app's personal_data.py."""

import datetime
import decimal
import uuid
from typing import Any

from allauth.account.models import EmailAddress
from django.db import models
from django.db.models.fields.files import FieldFile

# Never copied into an export, whoever asks: secrets and what only proves them.
SECRET_FIELDS = {"password", "secret", "data", "key", "session_data", "token"}


def _json(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, list | tuple):
        return [_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _json(item) for key, item in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def row_data(obj: models.Model) -> dict[str, Any]:
    """Return every field of a row, related rows by their name, secrets hidden."""
    row: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in SECRET_FIELDS:
            row[field.name] = "(hidden)"
        elif field.is_relation:
            related = getattr(obj, field.name)
            row[field.name] = str(related) if related is not None else None
        else:
            row[field.name] = _json(getattr(obj, field.attname))
    for field in obj._meta.many_to_many:
        row[field.name] = [str(item) for item in getattr(obj, field.name).all()]
    return row


def addresses_of(user: Any) -> set[str]:
    """Return every email address of an account, lower case."""
    addresses = {user.email.lower()} if user.email else set()
    addresses |= {
        address.lower()
        for address in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }
    return addresses


def matching(field: str, addresses: set[str]) -> models.Q:
    """Return a filter on field equal to one of addresses, whatever the case (none: nothing)."""
    condition = models.Q(pk__in=[])
    for address in addresses:
        condition |= models.Q(**{f"{field}__iexact": address})
    return condition
