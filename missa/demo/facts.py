"""The demo territory's public facts (L'Isle-sur-la-Sorgue, 2017 programme).

Public institutions are named; companies and private persons are generated (see people.py).
"""

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

# (name, kind, role, sector slugs, website)
INSTITUTIONS = [
    (
        "Commune de L'Isle-sur-la-Sorgue",
        "public_body",
        "institutional_partner",
        ["economique", "residentiel", "tourisme"],
        "https://www.islesurlasorgue.fr",
    ),
    (
        "CCI de Vaucluse",
        "institution",
        "institutional_partner",
        ["economique", "action-internationale"],
        "",
    ),
    (
        "Chambre de métiers et de l'artisanat de Vaucluse",
        "institution",
        "institutional_partner",
        ["economique", "connaissance"],
        "",
    ),
    (
        "Chambre d'agriculture de Vaucluse",
        "institution",
        "institutional_partner",
        ["economique"],
        "",
    ),
    (
        "Communauté de communes du Pays des Sorgues et des Monts de Vaucluse",
        "public_body",
        "institutional_partner",
        ["economique", "residentiel", "tourisme"],
        "",
    ),
    (
        "Département de Vaucluse",
        "public_body",
        "institutional_partner",
        ["tourisme", "residentiel"],
        "",
    ),
    (
        "Région Provence-Alpes-Côte d'Azur",
        "public_body",
        "institutional_partner",
        ["economique", "action-internationale"],
        "",
    ),
    ("Provence", "partner_territory", "partner_territory", ["tourisme"], ""),
    (
        "Métropole Aix-Marseille-Provence",
        "partner_territory",
        "partner_territory",
        ["economique", "action-internationale"],
        "",
    ),
    (
        "Grand Avignon",
        "partner_territory",
        "partner_territory",
        ["tourisme", "grands-evenements"],
        "",
    ),
    (
        "Chaire Attractivité et Nouveau Marketing Territorial",
        "institution",
        "expert",
        ["connaissance"],
        "",
    ),
]

TOWNS = [
    ("L'Isle-sur-la-Sorgue", "84800", 70),
    ("Le Thor", "84250", 6),
    ("Fontaine-de-Vaucluse", "84800", 5),
    ("Saumane-de-Vaucluse", "84800", 4),
    ("Lagnes", "84800", 4),
    ("Châteauneuf-de-Gadagne", "84470", 4),
    ("Cavaillon", "84300", 4),
    ("Velleron", "84740", 3),
]

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
