"""Validation of French business identifiers."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# La Poste's establishments share one SIREN and follow another checksum rule.
LA_POSTE_SIREN = "356000000"


def luhn_is_valid(digits: str) -> bool:
    """Return whether a string of digits passes the Luhn checksum."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def with_luhn_digit(body: str) -> str:
    """Return body followed by the one digit that makes it pass the Luhn checksum."""
    for last in "0123456789":
        if luhn_is_valid(body + last):
            return body + last
    raise AssertionError("unreachable: one last digit always satisfies Luhn")


def siret_is_valid(value: str) -> bool:
    """Return whether value is a well-formed SIRET (14 digits with a valid checksum)."""
    if len(value) != 14 or not value.isascii() or not value.isdigit():
        return False
    if value.startswith(LA_POSTE_SIREN):
        return sum(int(char) for char in value) % 5 == 0
    return luhn_is_valid(value)


def validate_siret(value: str) -> None:
    """Raise ValidationError unless value is a valid SIRET."""
    if len(value) != 14 or not value.isascii() or not value.isdigit():
        raise ValidationError(_("A SIRET has exactly 14 digits."), code="siret_format")
    if not siret_is_valid(value):
        raise ValidationError(
            _("This SIRET is not valid: check for a typing mistake."), code="siret_checksum"
        )
