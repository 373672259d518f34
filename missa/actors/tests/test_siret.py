import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from missa.actors.validators import luhn_is_valid, siret_is_valid, validate_siret
from missa.factories import valid_siret


@pytest.mark.parametrize("value", ["73282932000074", "35600000000010", valid_siret(42)])
def test_valid_sirets_pass(value: str) -> None:
    validate_siret(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("7328293200007", "siret_format"),
        ("732829320000745", "siret_format"),
        ("7328293200007A", "siret_format"),
        ("７３２８２９３２００００７４", "siret_format"),
        ("73282932000075", "siret_checksum"),
    ],
)
def test_invalid_sirets_are_refused_with_a_reason(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        validate_siret(value)
    assert error.value.code == code


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_changing_one_digit_breaks_the_checksum(serial: int) -> None:
    value = valid_siret(serial)
    assert siret_is_valid(value)
    for position in range(14):
        digit = int(value[position])
        changed = value[:position] + str((digit + 1) % 10) + value[position + 1 :]
        assert not luhn_is_valid(changed)
