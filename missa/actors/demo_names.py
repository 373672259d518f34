"""Fictional people and companies of the demo territory, drawn from a seeded random generator."""

import random

from missa.actors.validators import with_luhn_digit

FIRST_NAMES = [
    "Camille",
    "Léa",
    "Manon",
    "Chloé",
    "Inès",
    "Sarah",
    "Julie",
    "Claire",
    "Élodie",
    "Sophie",
    "Nathalie",
    "Isabelle",
    "Céline",
    "Émilie",
    "Laure",
    "Marion",
    "Anaïs",
    "Mathilde",
    "Lucie",
    "Hélène",
    "Thomas",
    "Nicolas",
    "Julien",
    "Maxime",
    "Antoine",
    "Pierre",
    "Alexandre",
    "Hugo",
    "Louis",
    "Mathieu",
    "Romain",
    "Sébastien",
    "Olivier",
    "Laurent",
    "Vincent",
    "Frédéric",
    "Christophe",
    "Guillaume",
    "Benoît",
    "Rémi",
    "Paul",
    "Marc",
    "Jean",
    "Yves",
    "Karim",
    "Samir",
    "Mélanie",
    "Aurélie",
    "Florence",
    "Agnès",
]
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Roux",
    "Fabre",
    "Girard",
    "Bonnet",
    "Blanc",
    "Garnier",
    "Faure",
    "Rousseau",
    "Mercier",
    "Chabert",
    "Reynaud",
    "Arnaud",
    "Michel",
    "Brun",
    "Meyer",
    "Barbier",
    "Roche",
    "Gauthier",
    "Perrin",
    "Morel",
    "Fournier",
    "Guérin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Sanchez",
    "Giraud",
    "Aubert",
    "Durand",
    "Lambert",
    "Bonnefoy",
    "Rey",
    "Gilles",
    "Vidal",
    "Olivier",
    "Pons",
    "Jourdan",
    "Bouvier",
    "Dumas",
    "Michaud",
    "Sauvan",
    "Teissier",
    "Imbert",
    "Castel",
    "Maurel",
]
PLACES = [
    "des Sorgues",
    "du Partage des Eaux",
    "de la Roue",
    "du Vaucluse",
    "du Luberon",
    "de Provence",
    "du Ventoux",
    "des Quais",
    "de la Venise",
    "du Comtat",
    "des Moulins",
    "du Pont",
    "de la Filature",
    "des Jardins",
    "du Marché",
]
# Per sector: business patterns, "{p}" is a place, "{n}" a family name.
COMPANY_PATTERNS = {
    "economique": [
        "Antiquités {n}",
        "Brocante {p}",
        "Atelier {n}",
        "Menuiserie {n}",
        "Imprimerie {p}",
        "Garage {n}",
        "Boulangerie {n}",
        "Pharmacie {p}",
        "Cabinet {n} Conseil",
        "{n} Bâtiment",
        "Quincaillerie {p}",
        "Épicerie {p}",
        "{n} & Fils",
        "Domaine {n}",
        "Librairie {p}",
    ],
    "connaissance": [
        "{n} Formation",
        "Institut {p}",
        "{n} Numérique",
        "Lab {p}",
        "École {p}",
        "Studio {n} Design",
        "{n} Ingénierie",
    ],
    "residentiel": [
        "Agence immobilière {p}",
        "{n} Habitat",
        "Résidence {p}",
        "{n} Paysages",
        "Crèche {p}",
        "Architecte {n}",
    ],
    "tourisme": [
        "Hôtel {p}",
        "Restaurant {p}",
        "Chambres d'hôtes {n}",
        "Canoë {p}",
        "Guides {p}",
        "Camping {p}",
        "Café {p}",
        "Mas {n}",
    ],
    "grands-evenements": [
        "{n} Événements",
        "Productions {p}",
        "Traiteur {n}",
        "Son et Lumière {p}",
    ],
    "action-internationale": [
        "{n} Export",
        "{n} International",
        "Provence Trade {n}",
        "Import {p}",
    ],
}
ASSOCIATIONS = [
    "Association des antiquaires de L'Isle",
    "Office de commerce et d'artisanat",
    "Comité des fêtes",
    "Club de canoë-kayak de la Sorgue",
    "Les Amis de la Sorgue",
    "Association des commerçants du centre-ville",
    "Festival de musique au fil de l'eau",
    "Club des entreprises du Pays des Sorgues",
    "Maison des jeunes et de la culture",
    "Les Jardins partagés",
    "Harmonie municipale",
    "Club de rugby des Sorgues",
    "Association du patrimoine des roues à aubes",
    "Ciné-club de la Venise comtadine",
    "Réseau des jeunes entrepreneurs",
]
PERSONALITY_TITLES = [
    ("cheffe étoilée", "starred chef"),
    ("photographe", "photographer"),
    ("champion de canoë", "canoe champion"),
    ("peintre", "painter"),
    ("écrivaine", "writer"),
    ("luthier", "violin maker"),
    ("navigatrice", "sailor"),
    ("chanteur", "singer"),
    ("historienne", "historian"),
    ("designer", "designer"),
]


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


NAME_SUFFIXES = ["& Fils", "& Associés", "Frères", "et Cie", "Sœurs", "Atelier 2", "Maison"]


def company_name(rng: random.Random, sector_slug: str, taken: set[str]) -> str:
    """Return a made-up company name that is not in taken (and add it there)."""
    for attempt in range(12):
        pattern = rng.choice(COMPANY_PATTERNS[sector_slug])
        name = pattern.format(n=rng.choice(LAST_NAMES), p=rng.choice(PLACES))
        if attempt > 5:
            name = f"{name} {rng.choice(NAME_SUFFIXES)}"
        if name not in taken:
            break
    else:
        name = f"{name} {len(taken)}"
    taken.add(name)
    return name


def siret(rng: random.Random, serial: int) -> str:
    """Return a unique, checksum-valid, made-up SIRET (never La Poste's SIREN)."""
    return with_luhn_digit(f"8{serial:08d}{rng.randrange(10000):04d}")
