"""What the demo's calls asked in 2017–2018 and the ideas people gave (French, as written)."""

# slug of the call → (sector slug or "", phase slug, opens (y, m, d), closes (y, m, d),
#   title fr, title en, question fr, question en)
Day = tuple[int, int, int]
CALLS: list[tuple[str, str, str, Day, Day, str, str, str, str]] = [
    (
        "idees-economie",
        "economique",
        "etudes",
        (2017, 5, 15),
        (2017, 6, 30),
        "Entreprendre à L'Isle-sur-la-Sorgue",
        "Doing business in L'Isle-sur-la-Sorgue",
        "Qu'est-ce qui ferait venir et rester les entreprises ?",
        "What would bring companies here, and make them stay?",
    ),
    (
        "idees-tourisme",
        "tourisme",
        "etudes",
        (2017, 5, 15),
        (2017, 6, 30),
        "Accueillir les visiteurs toute l'année",
        "Welcoming visitors all year round",
        "Comment faire vivre la ville au-delà de l'été et des dimanches de brocante ?",
        "How can the town live beyond summer and the antiques Sundays?",
    ),
    (
        "idees-residentiel",
        "residentiel",
        "etudes",
        (2017, 6, 1),
        (2017, 7, 15),
        "Bien vivre au bord de la Sorgue",
        "Living well by the Sorgue",
        "Qu'est-ce qui rendrait la vie quotidienne plus agréable pour les habitants ?",
        "What would make daily life better for the people who live here?",
    ),
    (
        "idees-connaissance",
        "connaissance",
        "diagnostic",
        (2017, 7, 1),
        (2017, 8, 31),
        "Savoirs, formation et innovation",
        "Knowledge, training and innovation",
        "Quels savoirs et quelles formations le territoire devrait-il faire grandir ?",
        "Which skills and which training should the territory grow?",
    ),
    (
        "idees-evenements",
        "grands-evenements",
        "diagnostic",
        (2017, 7, 15),
        (2017, 9, 15),
        "Les grands rendez-vous de demain",
        "Tomorrow's great events",
        "Quels événements porteraient l'image de la ville au-delà de la région ?",
        "Which events would carry the town's image beyond the region?",
    ),
    (
        "idees-international",
        "action-internationale",
        "diagnostic",
        (2017, 8, 1),
        (2017, 9, 30),
        "Rayonner à l'international",
        "Reaching the world",
        "Comment faire connaître L'Isle-sur-la-Sorgue à l'étranger ?",
        "How can L'Isle-sur-la-Sorgue become known abroad?",
    ),
    (
        "nom-de-la-marque",
        "",
        "marque",
        (2018, 1, 15),
        (2018, 2, 28),
        "Le nom de notre marque",
        "Our brand's name",
        "Quel nom, quelle signature pour la marque partagée du territoire ?",
        "Which name and which tagline for the territory's shared brand?",
    ),
]

DESCRIPTION = (
    "Le comité de pilotage ouvre cet appel à tous : habitants, entreprises, associations, "
    "visiteurs. Proposez vos idées, soutenez celles des autres et discutez-les. Le comité étudie "
    "chaque idée et y répond publiquement ; celles qu'il retient nourrissent la stratégie puis le "
    "plan d'actions.\n\n**Une idée = une proposition concrète**, en quelques lignes : ce que vous "
    "proposez, pour qui, et pourquoi."
)
DESCRIPTION_EN = (
    "The steering committee opens this call to everyone: inhabitants, companies, associations, "
    "visitors. Propose your ideas, support other people's and discuss them. The committee studies "
    "each idea and answers it in public; those it retains feed the strategy, then the action "
    "plan.\n\n**One idea = one concrete proposal**, in a few lines: what you propose, for whom, "
    "and why."
)

IDEAS = {
    "economique": [
        "Un espace de coworking dans une ancienne fabrique au bord de l'eau",
        "Un guichet unique pour les créateurs d'entreprise",
        "Des loyers réduits pour les commerces qui s'installent en centre-ville",
        "Un annuaire des savoir-faire locaux pour les donneurs d'ordre",
        "Une pépinière d'artisans d'art",
        "Des rencontres mensuelles entre chefs d'entreprise",
        "La fibre dans toutes les zones d'activité",
        "Un marché de producteurs le soir en semaine",
        "Une carte cadeau valable chez tous les commerçants",
        "Accueillir les conjoints des salariés qui s'installent",
    ],
    "tourisme": [
        "Un parcours des roues à aubes, avec une application",
        "Des visites guidées en anglais toute l'année",
        "Une brocante nocturne en hiver",
        "Des navettes depuis la gare les jours de marché",
        "Des circuits à vélo vers la Fontaine-de-Vaucluse",
        "Un office de tourisme ouvert le dimanche soir",
        "Des paniers pique-nique de produits locaux",
        "Une signalétique bilingue dans le centre ancien",
        "Des offres hors saison avec les hébergeurs",
        "Un pass musées et antiquaires",
    ],
    "residentiel": [
        "Des bancs et de l'ombre le long des quais",
        "Une crèche ouverte plus tard le soir",
        "Des jardins partagés près des écoles",
        "Moins de voitures dans le centre le samedi",
        "Un accueil des nouveaux habitants chaque trimestre",
        "Des pistes cyclables jusqu'aux collèges",
        "Un cinéma en plein air l'été",
        "Des logements pour les jeunes actifs",
        "Un marché couvert rénové",
        "Des fontaines d'eau potable en ville",
    ],
    "connaissance": [
        "Une école des métiers de la restauration d'antiquités",
        "Des stages dans les entreprises du réseau",
        "Un campus connecté pour les étudiants à distance",
        "Une bibliothèque ouverte le dimanche",
        "Des ateliers numériques pour les commerçants",
        "Un festival des sciences de l'eau",
        "Des conférences sur l'histoire des Sorgues",
        "Une formation à l'accueil des visiteurs étrangers",
        "Un fab lab dans une ancienne usine",
        "Des classes de découverte sur la rivière",
    ],
    "grands-evenements": [
        "Un festival de musique sur l'eau",
        "Une grande foire internationale des antiquaires au printemps",
        "Un marché flottant illuminé à Noël",
        "Une course à pied le long des canaux",
        "Un salon des métiers d'art",
        "Une fête des roues à aubes",
        "Des concerts dans les cours des hôtels particuliers",
        "Un rendez-vous gastronomique autour de la truite",
        "Une biennale de photographie",
        "Un week-end du patrimoine industriel",
    ],
    "action-internationale": [
        "Un jumelage avec une ville d'antiquaires à l'étranger",
        "Des pages du site de la ville en anglais, allemand et italien",
        "Des ambassadeurs parmi les étrangers installés ici",
        "Une présence aux salons d'antiquités de Londres et de Bruxelles",
        "Accueillir des journalistes étrangers chaque année",
        "Des partenariats avec les agences de voyage européennes",
        "Un club des entreprises exportatrices",
        "Des échanges scolaires avec d'autres villes d'eau",
        "Une vidéo de la ville sous-titrée en six langues",
        "Des offres pour les congrès internationaux",
    ],
    "": [
        "L'Isle-sur-la-Sorgue, la Venise comtadine",
        "Au fil de la Sorgue",
        "L'Isle, l'eau vive",
        "L'Isle-sur-la-Sorgue, esprit brocante",
        "Sorgue & Savoir-faire",
        "L'Isle, ville d'eau et d'art",
        "L'Isle-sur-la-Sorgue, source d'inspiration",
        "Les Sorgues, une île, mille rencontres",
        "L'Isle, naturellement",
        "Cœur de Sorgue",
    ],
}
VARIANTS = [
    "",
    " pour les familles",
    " avec les associations",
    " le week-end",
    " en toute saison",
    " avec les commerçants du centre",
    " pour les jeunes",
    " dès l'an prochain",
]

TEXT_OPENINGS = [
    "Je propose {title}.",
    "Mon idée : {title}.",
    "Pourquoi pas {title} ?",
    "Nous pensons qu'il faudrait {title}.",
]
TEXT_REASONS = [
    "Beaucoup de personnes autour de nous en parlent depuis longtemps.",
    "Cela existe dans d'autres villes de taille comparable et cela marche bien.",
    "Ce serait utile aux habitants comme aux visiteurs.",
    "Les entreprises du centre en profiteraient directement.",
    "Cela donnerait une image plus vivante de la ville.",
    "Le coût serait modeste si la commune et les entreprises s'y mettent ensemble.",
]
TEXT_CLOSINGS = [
    "Je suis prêt·e à y contribuer.",
    "Notre association peut aider à l'organiser.",
    "À discuter !",
    "Qu'en pensez-vous ?",
    "",
]

ANSWERS = {
    "under_study": "Le comité de pilotage étudie cette idée avec les services de la ville.",
    "retained": (
        "Le comité retient cette idée : elle rejoint la stratégie d'attractivité. Merci à son "
        "auteur et à celles et ceux qui l'ont soutenue."
    ),
    "in_plan": (
        "Idée retenue et inscrite au plan d'actions 2018–2020 : une action la met en œuvre avec "
        "les partenaires du réseau."
    ),
    "not_retained": (
        "Le comité ne retient pas cette idée pour l'instant : elle dépasse les moyens de la "
        "démarche, ou une autre idée voisine a été préférée. Elle reste consultable."
    ),
}

COMMENTS = [
    "Très bonne idée, je soutiens !",
    "Il faudrait penser aussi aux personnes âgées.",
    "Ça existe à Pernes-les-Fontaines et ça marche très bien.",
    "Qui paierait ? La commune seule n'en a pas les moyens.",
    "Les commerçants du centre seraient partants, j'en ai parlé autour de moi.",
    "Oui, mais pas seulement l'été : toute l'année.",
    "Attention au stationnement, c'est déjà compliqué le dimanche.",
    "Je peux aider, je suis bénévole dans une association du quartier.",
    "Excellente proposition pour les familles.",
    "On en parle depuis des années, il est temps !",
    "Pourquoi ne pas commencer par un essai sur un week-end ?",
    "Les visiteurs étrangers le demandent souvent à l'office de tourisme.",
]
REPLIES = [
    "D'accord avec vous.",
    "Bonne remarque, il faudrait le préciser dans l'idée.",
    "Pas forcément : des partenaires privés pourraient participer.",
    "Merci pour ce retour !",
    "C'est prévu dans une autre idée de cet appel.",
]

# The 2017 survey of the town's image: (kind, question fr, question en, options [(fr, en)]).
SURVEY = [
    (
        "single",
        "Quel mot résume le mieux L'Isle-sur-la-Sorgue ?",
        "Which word best sums up L'Isle-sur-la-Sorgue?",
        [
            ("L'eau", "Water"),
            ("Les antiquaires", "Antiques"),
            ("Le patrimoine", "Heritage"),
            ("La qualité de vie", "Quality of life"),
            ("Le tourisme", "Tourism"),
        ],
    ),
    (
        "scale",
        "Êtes-vous fier ou fière de dire que vous vivez ou travaillez ici ?",
        "Are you proud to say that you live or work here?",
        [],
    ),
    (
        "multiple",
        "Qu'est-ce qui manque le plus à la ville ?",
        "What does the town lack most?",
        [
            ("Des emplois", "Jobs"),
            ("Des logements abordables", "Affordable housing"),
            ("Des animations hors saison", "Events out of season"),
            ("Des transports", "Transport"),
            ("Des commerces de proximité", "Local shops"),
        ],
    ),
    (
        "ranking",
        "Classez les atouts à mettre en avant",
        "Rank the strengths to put forward",
        [
            ("La Sorgue et ses roues à aubes", "The Sorgue and its water wheels"),
            ("Les antiquaires et la brocante", "Antiques and second-hand dealers"),
            ("La gastronomie et les marchés", "Food and markets"),
            ("Les festivals", "Festivals"),
            ("La nature autour de la ville", "The countryside around the town"),
        ],
    ),
    (
        "scale",
        "Recommanderiez-vous la ville à un proche qui veut s'installer ?",
        "Would you recommend the town to a friend who wants to settle?",
        [],
    ),
    (
        "long_text",
        "Un mot, une idée pour la future marque ?",
        "A word, an idea for the future brand?",
        [],
    ),
]
FREE_ANSWERS = [
    "Une marque qui parle de l'eau avant tout.",
    "Ne pas oublier les habitants : ce n'est pas qu'une ville pour touristes.",
    "Mettre en avant les artisans et les savoir-faire.",
    "Une ville vivante toute l'année, pas seulement l'été.",
    "Quelque chose de simple, que tout le monde puisse porter.",
    "La Sorgue, c'est notre identité.",
    "Parler aux jeunes aussi.",
    "Le marché du dimanche, c'est notre carte de visite.",
]
