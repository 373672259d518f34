"""The charter's share of the demo territory: the ambassadors' charter, published at the
brand launch."""

import datetime

from django.db import transaction

from missa.charter.models import CharterVersion, Commitment
from missa.core.seeding import DemoContext

CHARTER = {
    "title_fr": "Charte des ambassadeurs de la marque partagée",
    "title_en": "Charter of the shared brand's ambassadors",
    "text_fr": (
        "Les ambassadeurs sont les entreprises, associations, institutions et personnalités qui "
        "portent la marque partagée du territoire et le font rayonner.\n\n"
        "En rejoignant le réseau, chacun s'engage à faire vivre la marque dans le respect de ses "
        "valeurs : **l'eau, le patrimoine, le savoir-faire et l'accueil**."
    ),
    "text_en": (
        "Ambassadors are the companies, associations, institutions and personalities who carry "
        "the territory's shared brand and make it known.\n\n"
        "By joining the network, each one commits to bringing the brand to life in line with its "
        "values: **water, heritage, know-how and hospitality**."
    ),
    "benefits_fr": (
        "- le kit de marque : logos, modèles, photos et guide d'utilisation ;\n"
        "- une page publique dans l'annuaire des acteurs ;\n"
        "- les rencontres du réseau et les ateliers du plan d'actions ;\n"
        "- la mise en avant de leurs actions dans le journal mensuel."
    ),
    "benefits_en": (
        "- the brand kit: logos, templates, photos and usage guide;\n"
        "- a public page in the actors directory;\n"
        "- the network's meetings and the action plan's workshops;\n"
        "- their actions featured in the monthly journal."
    ),
    "commitments": [
        (
            "Utiliser la marque selon son guide d'utilisation.",
            "Use the brand as its usage guide says.",
            True,
        ),
        (
            "Promouvoir le territoire auprès de ses clients, partenaires et visiteurs.",
            "Promote the territory to customers, partners and visitors.",
            True,
        ),
        (
            "Signaler chaque mois ses actions pour le territoire dans le journal.",
            "Report each month what one does for the territory in the journal.",
            False,
        ),
        (
            "Accueillir et parrainer des entreprises ou des talents qui s'installent.",
            "Welcome and mentor companies or talents moving in.",
            False,
        ),
        (
            "Participer aux rencontres du réseau des ambassadeurs.",
            "Take part in the ambassadors' network meetings.",
            False,
        ),
    ],
}


@transaction.atomic
def load(demo: DemoContext) -> dict[str, int]:
    version = CharterVersion.objects.create(
        title_fr=CHARTER["title_fr"],
        title_en=CHARTER["title_en"],
        text_fr=CHARTER["text_fr"],
        text_en=CHARTER["text_en"],
        benefits_fr=CHARTER["benefits_fr"],
        benefits_en=CHARTER["benefits_en"],
    )
    for order, (text_fr, text_en, required) in enumerate(CHARTER["commitments"], start=1):
        Commitment.objects.create(
            version=version,
            order=order,
            text_fr=text_fr,
            text_en=text_en,
            is_required=bool(required),
        )
    # The charter came with the brand launch, in April 2018.
    CharterVersion.objects.filter(pk=version.pk).update(
        published_at=datetime.datetime(2018, 4, 12, 18, 0, tzinfo=datetime.UTC)
    )
    return {}


def flush() -> None:
    Commitment.objects.all().delete()
    CharterVersion.objects.all().delete()
