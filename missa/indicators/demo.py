"""The indicators' share of the demo territory: 20 indicators across the five benefits — 11
measured by MISSA (their history month by month where MISSA's data are dated), 9 entered by
the town's team with yearly series from 2015 (the INSEE population of 2015, 19,483, as a
baseline; the other values plausible and labelled as demo data in their source)."""

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from missa.core.models import Benefit, Objective, add_months
from missa.core.seeding import END, START, DemoContext

from .measures import MEASURES
from .models import Indicator, Measurement
from .services import refresh_indicator, take_measures

DEMO_SOURCE = " (données de démonstration)"
DEMO_SOURCE_EN = " (demo data)"

# (slug, benefit, objectives, name fr, name en, unit fr, unit en, direction, frequency,
#  source fr, source en, baseline (value, year), target (value, year), series {year: value},
#  headline)
ENTERED: list[tuple[Any, ...]] = [
    (
        "population",
        "qualite-de-vie",
        ["retombees"],
        "Population municipale",
        "Municipal population",
        "habitants",
        "inhabitants",
        "up",
        "yearly",
        "INSEE, recensement",
        "INSEE, census",
        (19483, 2015),
        (20200, 2022),
        {2015: 19483, 2016: 19511, 2017: 19560, 2018: 19622, 2019: 19710, 2020: 19795},
        True,
    ),
    (
        "emplois",
        "economiques",
        ["retombees"],
        "Emplois salariés privés",
        "Private-sector jobs",
        "emplois",
        "jobs",
        "up",
        "yearly",
        "URSSAF",
        "URSSAF",
        (6120, 2015),
        (6800, 2022),
        {2015: 6120, 2016: 6185, 2017: 6240, 2018: 6330, 2019: 6455, 2020: 6390},
        False,
    ),
    (
        "creations-entreprises",
        "economiques",
        ["excellence"],
        "Créations d'entreprises",
        "Business creations",
        "entreprises",
        "businesses",
        "up",
        "yearly",
        "INSEE, SIRENE",
        "INSEE, SIRENE",
        (182, 2015),
        (240, 2022),
        {2015: 182, 2016: 190, 2017: 201, 2018: 214, 2019: 229, 2020: 221},
        False,
    ),
    (
        "nuitees",
        "economiques",
        ["notoriete", "retombees"],
        "Nuitées touristiques",
        "Tourist nights",
        "nuitées",
        "nights",
        "up",
        "yearly",
        "Office de tourisme, taxe de séjour",
        "Tourist office, tourist tax",
        (412000, 2015),
        (500000, 2022),
        {2015: 412000, 2016: 405000, 2017: 421000, 2018: 446000, 2019: 471000, 2020: 352000},
        False,
    ),
    (
        "image-ville",
        "culture-identite",
        ["notoriete"],
        "Image de la ville (note sur 10)",
        "The town's image (out of 10)",
        "/10",
        "/10",
        "up",
        "yearly",
        "Enquête d'image",
        "Image survey",
        (6.4, 2017),
        (7.5, 2022),
        {2017: 6.4, 2018: 6.9, 2019: 7.1, 2020: 7.0},
        False,
    ),
    (
        "fierte",
        "culture-identite",
        ["federer"],
        "Fierté d'habiter la ville",
        "Pride in living in the town",
        "%",
        "%",
        "up",
        "yearly",
        "Enquête d'image",
        "Image survey",
        (58, 2017),
        (70, 2022),
        {2017: 58, 2018: 63, 2019: 66, 2020: 67},
        True,
    ),
    (
        "chomage",
        "sociales",
        ["retombees"],
        "Taux de chômage de la zone d'emploi",
        "Unemployment rate of the employment area",
        "%",
        "%",
        "down",
        "yearly",
        "INSEE, taux de chômage localisés",
        "INSEE, local unemployment rates",
        (12.9, 2015),
        (10.5, 2022),
        {2015: 12.9, 2016: 12.6, 2017: 12.1, 2018: 11.6, 2019: 11.2, 2020: 11.4},
        False,
    ),
    (
        "frequentation-evenements",
        "qualite-de-vie",
        ["retombees"],
        "Fréquentation des grands événements",
        "Attendance at major events",
        "visiteurs",
        "visitors",
        "up",
        "yearly",
        "Organisateurs",
        "Organisers",
        (95000, 2016),
        (130000, 2022),
        {2016: 95000, 2017: 101000, 2018: 112000, 2019: 121000, 2020: 38000},
        False,
    ),
    (
        "couverture-presse",
        "culture-identite",
        ["notoriete"],
        "Retombées presse",
        "Press coverage",
        "articles",
        "articles",
        "up",
        "yearly",
        "Revue de presse",
        "Press review",
        (120, 2016),
        (250, 2022),
        {2016: 120, 2017: 146, 2018: 231, 2019: 204, 2020: 188},
        False,
    ),
]

# (slug, measure, benefit, objectives, name fr, name en, unit fr, unit en, baseline, target, headline)
MEASURED: list[tuple[Any, ...]] = [
    (
        "ambassadeurs",
        "ambassadors",
        "dynamique-interne",
        ["federer"],
        "Ambassadeurs",
        "Ambassadors",
        "ambassadeurs",
        "ambassadors",
        0,
        500,
        True,
    ),
    (
        "ambassadeurs-actifs",
        "active_ambassadors",
        "dynamique-interne",
        ["federer"],
        "Ambassadeurs actifs (90 jours)",
        "Active ambassadors (90 days)",
        "ambassadeurs",
        "ambassadors",
        0,
        300,
        False,
    ),
    (
        "partenaires",
        "partners",
        "dynamique-interne",
        ["moyens"],
        "Partenaires institutionnels et territoires",
        "Institutional partners and territories",
        "partenaires",
        "partners",
        0,
        12,
        False,
    ),
    (
        "participants",
        "participants",
        "sociales",
        ["federer"],
        "Participants à la co-construction",
        "Participants in the co-construction",
        "personnes",
        "people",
        0,
        2000,
        False,
    ),
    (
        "idees",
        "ideas",
        "sociales",
        ["federer"],
        "Idées proposées",
        "Ideas proposed",
        "idées",
        "ideas",
        0,
        300,
        False,
    ),
    (
        "soutiens",
        "supports",
        "sociales",
        ["federer"],
        "Soutiens aux idées",
        "Supports given to ideas",
        "soutiens",
        "supports",
        0,
        15000,
        False,
    ),
    (
        "idees-repondues",
        "answered_share",
        "sociales",
        ["federer"],
        "Part des idées ayant reçu une réponse",
        "Share of the ideas answered",
        "%",
        "%",
        0,
        80,
        False,
    ),
    (
        "actions-realisees",
        "actions_done",
        "dynamique-interne",
        ["moyens"],
        "Actions du plan réalisées",
        "Actions of the plan done",
        "actions",
        "actions",
        0,
        40,
        False,
    ),
    (
        "actions-a-l-heure",
        "actions_on_time",
        "dynamique-interne",
        ["moyens"],
        "Actions dans les temps",
        "Actions on time",
        "%",
        "%",
        0,
        90,
        False,
    ),
    (
        "cofinancement",
        "cofunding_share",
        "economiques",
        ["moyens"],
        "Part cofinancée du plan",
        "Co-funded share of the plan",
        "%",
        "%",
        0,
        60,
        False,
    ),
    (
        "telechargements-kit",
        "brandkit_downloads",
        "culture-identite",
        ["notoriete"],
        "Téléchargements du kit de marque",
        "Brand-kit downloads",
        "téléchargements",
        "downloads",
        0,
        2000,
        False,
    ),
]
# Measures that MISSA can take as of a past day (its roles and ledger are dated).
DATED = {"ambassadors", "active_ambassadors", "partners"}


@transaction.atomic
def load(demo: DemoContext) -> dict[str, int]:
    benefits = {term.slug: term for term in Benefit.objects.all()}
    objectives = {term.slug: term for term in Objective.objects.all()}
    indicators = []
    for order, row in enumerate(ENTERED, start=1):
        (slug, benefit, chosen, name_fr, name_en, unit_fr, unit_en, direction, frequency,
         source_fr, source_en, baseline, target, series, headline) = row  # fmt: skip
        indicator = Indicator.objects.create(
            slug=slug,
            order=order,
            name_fr=name_fr,
            name_en=name_en,
            definition_fr=f"{name_fr} de L'Isle-sur-la-Sorgue, mesuré chaque année.",
            definition_en=f"{name_en} of L'Isle-sur-la-Sorgue, measured every year.",
            unit_fr=unit_fr,
            unit_en=unit_en,
            method_fr="Valeur publiée par la source, saisie par l'équipe de la ville.",
            method_en="The value published by the source, entered by the town's team.",
            source_fr=source_fr + DEMO_SOURCE,
            source_en=source_en + DEMO_SOURCE_EN,
            frequency=frequency,
            direction=direction,
            kind=Indicator.Kind.ENTERED,
            benefit=benefits[benefit],
            baseline_value=Decimal(str(baseline[0])),
            baseline_on=datetime.date(baseline[1], 12, 31),
            target_value=Decimal(str(target[0])),
            target_on=datetime.date(target[1], 12, 31),
            is_headline=headline,
        )
        indicator.objectives.set([objectives[o] for o in chosen if o in objectives])
        Measurement.objects.bulk_create(
            [
                Measurement(
                    indicator=indicator,
                    on=datetime.date(year, 12, 31),
                    value=Decimal(str(value)),
                    source=source_fr + DEMO_SOURCE,
                    is_provisional=year == max(series),
                )
                for year, value in series.items()
            ]
        )
        indicators.append(indicator)
    for order, row in enumerate(MEASURED, start=len(ENTERED) + 1):
        (slug, measure, benefit, chosen, name_fr, name_en, unit_fr, unit_en, baseline, target,
         headline) = row  # fmt: skip
        indicator = Indicator.objects.create(
            slug=slug,
            order=order,
            name_fr=name_fr,
            name_en=name_en,
            definition_fr=f"{MEASURES[measure][0]} : compté par MISSA à partir de ses propres données.",
            definition_en=f"{name_en}: counted by MISSA from its own data.",
            unit_fr=unit_fr,
            unit_en=unit_en,
            method_fr="Calculé par MISSA sur ses données enregistrées, à chaque changement.",
            method_en="Computed by MISSA from its stored data, whenever they change.",
            source_fr="MISSA",
            source_en="MISSA",
            frequency=Indicator.Frequency.MONTHLY,
            direction=Indicator.Direction.UP,
            kind=Indicator.Kind.MEASURED,
            measure=measure,
            benefit=benefits[benefit],
            baseline_value=Decimal(baseline),
            baseline_on=START,
            target_value=Decimal(target),
            target_on=datetime.date(2022, 12, 31),
            is_headline=headline,
        )
        indicator.objectives.set([objectives[o] for o in chosen if o in objectives])
        if measure in DATED:
            # Its history, month by month, as MISSA's dated data say.
            month, rows = START, []
            while month <= END:
                day = add_months(month, 1) - datetime.timedelta(days=1)
                rows.append(
                    Measurement(
                        indicator=indicator, on=day, value=MEASURES[measure][1](day), source="MISSA"
                    )
                )
                month = add_months(month, 1)
            Measurement.objects.bulk_create(rows)
        indicators.append(indicator)
    take_measures()
    for indicator in indicators:
        refresh_indicator(indicator)
    return {"indicators": len(indicators)}


def flush() -> None:
    Indicator.objects.all().delete()
