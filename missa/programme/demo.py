"""The programme's share of the demo territory: the 2017 programme's phases and deliverables."""

import datetime

from django.db import transaction

from missa.core.seeding import DemoContext
from missa.programme.models import Deliverable, Phase

# (slug, start (y, m), end (y, m), name fr, name en, description fr, description en, deliverables)
# deliverables: (title fr, title en, (y, m, d))
PHASES = [
    (
        "etudes",
        (2017, 5),
        (2017, 6),
        "Études et analyses",
        "Studies and analysis",
        "Entretiens, questionnaires et analyse des données pour connaître le territoire tel qu'il "
        "est vécu et perçu.",
        "Interviews, surveys and data analysis to know the territory as it is lived and perceived.",
        [
            ("Note de lancement de la démarche", "Programme launch note", (2017, 5, 15)),
            (
                "Synthèse de l'enquête auprès des entreprises",
                "Company survey summary",
                (2017, 6, 28),
            ),
        ],
    ),
    (
        "diagnostic",
        (2017, 7),
        (2017, 9),
        "Diagnostic",
        "Diagnosis",
        "Forces, faiblesses, image perçue : le diagnostic partagé d'attractivité.",
        "Strengths, weaknesses, perceived image: the shared attractiveness diagnosis.",
        [("Diagnostic d'attractivité", "Attractiveness diagnosis", (2017, 9, 25))],
    ),
    (
        "strategie",
        (2017, 10),
        (2017, 12),
        "Stratégie d'attractivité",
        "Attractiveness strategy",
        "Les choix de positionnement et la stratégie de marketing territorial.",
        "Positioning choices and the territorial-marketing strategy.",
        [
            (
                "Stratégie d'attractivité et de marketing territorial",
                "Attractiveness and territorial-marketing strategy",
                (2017, 12, 14),
            )
        ],
    ),
    (
        "marque",
        (2018, 1),
        (2018, 3),
        "Conception de la marque",
        "Brand design",
        "La marque partagée, sa plateforme et son identité, construites avec les ambassadeurs.",
        "The shared brand, its platform and identity, built with the ambassadors.",
        [
            ("Plateforme de marque", "Brand platform", (2018, 2, 20)),
            ("Charte graphique", "Brand guidelines", (2018, 3, 27)),
        ],
    ),
    (
        "lancement",
        (2018, 4),
        (2018, 4),
        "Lancement de la marque",
        "Brand launch",
        "Le lancement public de la marque partagée, en avril 2018.",
        "The public launch of the shared brand, in April 2018.",
        [("Dossier de presse du lancement", "Launch press kit", (2018, 4, 12))],
    ),
    (
        "plan-actions",
        (2018, 5),
        (2020, 12),
        "Plan d'actions collectif",
        "Collective action plan",
        "Un plan d'actions qui mobilise les entreprises et les personnalités de référence, avec les "
        "partenaires institutionnels et privés.",
        "An action plan that mobilises companies and reference personalities, with institutional "
        "and private partners.",
        [
            ("Plan d'actions 2018–2020", "2018–2020 action plan", (2018, 6, 5)),
            ("Bilan d'étape 2019", "2019 progress review", (2019, 12, 10)),
            ("Bilan 2018–2020", "2018–2020 review", (2020, 12, 15)),
        ],
    ),
]


@transaction.atomic
def load(demo: DemoContext) -> dict[str, int]:
    for order, (
        slug,
        start,
        end,
        name_fr,
        name_en,
        text_fr,
        text_en,
        deliverables,
    ) in enumerate(PHASES, start=1):
        phase = Phase.objects.create(
            order=order,
            slug=slug,
            name_fr=name_fr,
            name_en=name_en,
            description_fr=text_fr,
            description_en=text_en,
            start_month=datetime.date(*start, 1),
            end_month=datetime.date(*end, 1),
        )
        for title_fr, title_en, day in deliverables:
            Deliverable.objects.create(
                phase=phase, title_fr=title_fr, title_en=title_en, date=datetime.date(*day)
            )
    return {}


def flush() -> None:
    Phase.objects.all().delete()
