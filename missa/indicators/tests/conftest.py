"""The indicators' cast: the population (entered, baseline 19,483 in 2015, target 20,200 in
2022) and the ambassadors (measured by MISSA)."""

import datetime
from decimal import Decimal

import pytest

from missa.actors.models import Actor
from missa.core.models import Benefit
from missa.indicators.models import Indicator


@pytest.fixture
def benefit(db: object) -> Benefit:
    return Benefit.objects.get_or_create(
        slug="qualite-de-vie", defaults={"name_fr": "Qualité de vie"}
    )[0]


@pytest.fixture
def population(benefit: Benefit) -> Indicator:
    return Indicator.objects.create(
        slug="population",
        name_fr="Population municipale",
        definition_fr="Les habitants de la commune.",
        unit_fr="habitants",
        source_fr="INSEE",
        frequency=Indicator.Frequency.YEARLY,
        benefit=benefit,
        baseline_value=Decimal(19483),
        baseline_on=datetime.date(2015, 12, 31),
        target_value=Decimal(20200),
        target_on=datetime.date(2022, 12, 31),
    )


@pytest.fixture
def ambassadors(benefit: Benefit, cast: dict[str, Actor]) -> Indicator:
    return Indicator.objects.create(
        slug="ambassadeurs",
        name_fr="Ambassadeurs",
        definition_fr="Les ambassadeurs de la marque.",
        source_fr="MISSA",
        frequency=Indicator.Frequency.MONTHLY,
        kind=Indicator.Kind.MEASURED,
        measure="ambassadors",
        benefit=benefit,
        baseline_value=Decimal(0),
        baseline_on=datetime.date(2017, 5, 1),
        target_value=Decimal(10),
        target_on=datetime.date(2027, 5, 1),
    )
