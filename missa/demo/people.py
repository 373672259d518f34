"""Fictional people, companies and activity titles, drawn from a seeded random generator."""

import random

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

# (kind, title fr, title en); "{x}" is filled with a place or a town.
ACTIVITY_TEMPLATES = {
    "attended_meeting": [
        ("Participation au comité de pilotage", "Took part in the steering committee"),
        ("Participation à l'atelier « {x} »", "Took part in the \u201c{x}\u201d workshop"),
        ("Présent à la réunion des ambassadeurs", "Attended the ambassadors' meeting"),
    ],
    "hosted_event": [
        ("Portes ouvertes à l'atelier", "Open day at the workshop"),
        ("Accueil d'une délégation de {x}", "Welcomed a delegation from {x}"),
        ("Soirée des ambassadeurs {x}", "Ambassadors' evening {x}"),
        ("Marché nocturne {x}", "Night market {x}"),
    ],
    "published_document": [
        ("Publication d'un guide {x}", "Published a guide {x}"),
        ("Diffusion de la lettre d'information", "Sent out the newsletter"),
    ],
    "led_action": [
        (
            "Pilotage de l'action « Accueil des nouveaux arrivants »",
            "Led the \u201cWelcoming newcomers\u201d action",
        ),
        (
            "Avancement de l'action « Parcours des antiquaires »",
            "Advanced the \u201cAntique dealers' trail\u201d action",
        ),
        ("Lancement d'un chantier « {x} »", "Started a \u201c{x}\u201d project"),
    ],
    "promoted_brand": [
        ("La marque sur le stand d'un salon à {x}", "Showed the brand at a trade fair in {x}"),
        ("Vitrine aux couleurs de la marque", "Shop window in the brand's colours"),
        ("Emballages à l'effigie de la marque", "Packaging carrying the brand"),
    ],
    "media_mention": [
        ("Article dans la presse régionale", "Article in the regional press"),
        ("Reportage télévisé sur {x}", "Television report on {x}"),
    ],
    "contributed_idea": [
        ("Idée proposée : navettes fluviales", "Idea: river shuttles"),
        ("Idée proposée : un label « {x} »", "Idea: a \u201c{x}\u201d label"),
        ("Contribution au plan d'actions", "Contribution to the action plan"),
    ],
    "welcomed_newcomer": [
        ("Accueil d'un nouvel habitant", "Welcomed a new resident"),
        ("Parrainage d'une entreprise qui s'installe", "Mentored a company moving in"),
    ],
    "partnership": [
        ("Partenariat avec une entreprise {x}", "Partnership with a company {x}"),
    ],
}
FOREIGN_TOWNS = [
    "Lyon",
    "Paris",
    "Milan",
    "Barcelone",
    "Genève",
    "Bruxelles",
    "Montréal",
    "Oslo",
    "Cork",
    "Mississauga",
    "Venise",
    "Munich",
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
    body = f"8{serial:08d}{rng.randrange(10000):04d}"
    for last in range(10):
        candidate = body + str(last)
        total = 0
        for index, char in enumerate(reversed(candidate)):
            value = int(char) * (2 if index % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable: one last digit always satisfies Luhn")


THEMES = [
    ("Patrimoine et roues à aubes", "Heritage and water wheels"),
    ("Commerce de centre-ville", "Town-centre shops"),
    ("Mobilités douces", "Soft mobility"),
    ("Savoir-faire d'antiquaire", "Antique dealers' know-how"),
    ("Accueil des talents", "Welcoming talents"),
    ("Sorgue propre", "Clean Sorgue"),
    ("Saveurs du Comtat", "Flavours of the Comtat"),
]
TOWN_KINDS = {"hosted_event", "promoted_brand"}


def activity_title(rng: random.Random, kind: str) -> tuple[str, str]:
    """Return a made-up activity title of this kind, in French and English."""
    title_fr, title_en = rng.choice(ACTIVITY_TEMPLATES[kind])
    if kind in TOWN_KINDS:
        town = rng.choice(FOREIGN_TOWNS)
        fill_fr, fill_en = town, town
    else:
        fill_fr, fill_en = rng.choice(THEMES)
    return title_fr.replace("{x}", fill_fr), title_en.replace("{x}", fill_en)
