"""The ledger's share of the demo territory: every actor's activities, month by month, from the
month it joined (a "joined" activity) to the demo's last month."""

import datetime
import random
import uuid
from dataclasses import replace

from django.core.files.base import ContentFile
from django.db import transaction

from missa.activity.models import Activity, MonthSummary
from missa.activity.services import ActivityRecord, record_activities
from missa.actors.models import Actor, ActorRole
from missa.core import art
from missa.core.images import encode_image
from missa.core.models import Sector, Territory, add_months, months_between
from missa.core.seeding import END, START, DemoContext

# (kind, title fr, title en). "{town}" is filled with a town (in each language, with French
# elision: "de Lyon", "d'Oslo"), "{theme}" with one of the programme's themes.
# Actions shown with a picture (drawn: the demo has no photographs, and says so in the alt text).
PICTURED_KINDS = {"hosted_event", "led_action", "promoted_brand"}
PICTURES_PER_MONTH = 2  # whatever the demo's scale
PICTURE_WIDTH = 1200
# Drawings per sector colour: each pictured action gets its own file, from a few drawings.
PICTURE_VARIANTS = 4
PICTURE_SIZE = f"{PICTURE_WIDTH}x{PICTURE_WIDTH * 2 // 3}"
PICTURE_ALT = (
    "Illustration : une roue à aubes au bord de la Sorgue, sous une guirlande de fanions",
    "Illustration: a water wheel on the bank of the Sorgue, under a string of bunting",
)

ACTIVITY_TEMPLATES = {
    "attended_meeting": [
        ("Participation au comité de pilotage", "Took part in the steering committee"),
        ("Participation à l'atelier « {theme} »", "Took part in the \u201c{theme}\u201d workshop"),
        ("Présent à la réunion des ambassadeurs", "Attended the ambassadors' meeting"),
    ],
    "hosted_event": [
        ("Portes ouvertes à l'atelier", "Open day at the workshop"),
        ("Accueil d'une délégation {de_town}", "Welcomed a delegation from {town}"),
        ("Soirée des ambassadeurs « {theme} »", "Ambassadors' evening: \u201c{theme}\u201d"),
        ("Marché nocturne au bord de la Sorgue", "Night market by the Sorgue"),
    ],
    "published_document": [
        ("Publication d'un guide « {theme} »", "Published a \u201c{theme}\u201d guide"),
        ("Diffusion de la lettre d'information", "Sent out the newsletter"),
    ],
    "led_action": [
        (
            "Pilotage de l'action « Accueil des nouveaux arrivants »",
            "Led the \u201cWelcoming newcomers\u201d action",
        ),
        (
            "Avancement de l'action « Parcours des antiquaires »",
            "Moved the \u201cAntique dealers' trail\u201d action forward",
        ),
        ("Lancement du chantier « {theme} »", "Launched the \u201c{theme}\u201d initiative"),
    ],
    "promoted_brand": [
        (
            "La marque sur le stand d'un salon à {town}",
            "Showed the brand at a trade fair in {town}",
        ),
        ("Vitrine aux couleurs de la marque", "Shop window in the brand's colours"),
        ("Emballages à l'effigie de la marque", "Packaging carrying the brand"),
    ],
    "media_mention": [
        ("Article dans la presse régionale", "Article in the regional press"),
        ("Reportage télévisé : « {theme} »", "Television report: \u201c{theme}\u201d"),
    ],
    "contributed_idea": [
        ("Idée proposée : navettes fluviales", "Idea: river shuttles"),
        ("Idée proposée : un label « {theme} »", "Idea: a \u201c{theme}\u201d label"),
        ("Contribution au plan d'actions", "Contribution to the action plan"),
    ],
    "welcomed_newcomer": [
        ("Accueil d'un nouvel habitant", "Welcomed a new resident"),
        ("Parrainage d'une entreprise qui s'installe", "Mentored a company moving in"),
    ],
    "partnership": [
        (
            "Partenariat « {theme} » avec une entreprise voisine",
            "\u201c{theme}\u201d partnership with a neighbouring company",
        ),
    ],
}
# (French, English)
FOREIGN_TOWNS = [
    ("Lyon", "Lyon"),
    ("Paris", "Paris"),
    ("Milan", "Milan"),
    ("Barcelone", "Barcelona"),
    ("Genève", "Geneva"),
    ("Bruxelles", "Brussels"),
    ("Montréal", "Montreal"),
    ("Oslo", "Oslo"),
    ("Cork", "Cork"),
    ("Mississauga", "Mississauga"),
    ("Venise", "Venice"),
    ("Munich", "Munich"),
]
THEMES = [
    ("Patrimoine et roues à aubes", "Heritage and water wheels"),
    ("Commerce de centre-ville", "Town-centre shops"),
    ("Mobilités douces", "Soft mobility"),
    ("Savoir-faire d'antiquaire", "Antique dealers' know-how"),
    ("Accueil des talents", "Welcoming talents"),
    ("Sorgue propre", "Clean Sorgue"),
    ("Saveurs du Comtat", "Flavours of the Comtat"),
]


def _de(town: str) -> str:
    """Return "de Lyon", "d'Oslo": French elides "de" before a vowel."""
    return f"d'{town}" if town[0].lower() in "aeiouyéèêâîôû" else f"de {town}"


def activity_title(rng: random.Random, kind: str) -> tuple[str, str]:
    """Return a made-up activity title of this kind, in French and English."""
    title_fr, title_en = rng.choice(ACTIVITY_TEMPLATES[kind])
    if "{town}" in title_en:
        town_fr, town_en = rng.choice(FOREIGN_TOWNS)
        title_fr = title_fr.replace("{de_town}", _de(town_fr)).replace("{town}", town_fr)
        title_en = title_en.replace("{town}", town_en)
    if "{theme}" in title_en:
        theme_fr, theme_en = rng.choice(THEMES)
        title_fr, title_en = (
            title_fr.replace("{theme}", theme_fr),
            title_en.replace("{theme}", theme_en),
        )
    return title_fr, title_en


# Institutions and the people who speak for them are busier than the average ambassador.
INSTITUTION_SIDE = [
    ActorRole.Role.INSTITUTIONAL_PARTNER,
    ActorRole.Role.PARTNER_TERRITORY,
    ActorRole.Role.EXPERT,
    ActorRole.Role.ELECTED_OFFICIAL,
]


def load(demo: DemoContext) -> dict[str, int]:
    """Record the activities of every actor that holds a role (pages in preparation have none)."""
    rng = demo.rng
    actors = list(
        Actor.objects.filter(roles__isnull=False).distinct().order_by("pk").only("pk", "joined_on")
    )
    roles = ActorRole.objects.values_list("actor_id", flat=True)
    institution_ids = set(roles.filter(role__in=INSTITUTION_SIDE))
    through = Actor.sectors.through
    sector_ids: dict[int, list[int]] = {}
    for actor_id, sector_id in through.objects.order_by("pk").values_list("actor_id", "sector_id"):
        sector_ids.setdefault(actor_id, []).append(sector_id)
    kinds = [kind for kind in ACTIVITY_TEMPLATES if kind != "attended_meeting"]
    # Pictures come from their own generator: adding them changes nothing else in the demo.
    pictures = random.Random(demo.seed + 1)
    drawings: dict[tuple[str, int], bytes] = {}
    colours = dict(Sector.objects.values_list("pk", "colour"))
    accent = Territory.objects.values_list("secondary_colour", flat=True).first() or "#f1c232"
    weights = [10, 3, 6, 14, 4, 6, 4, 2]
    month_count = months_between(START, END) + 1
    progress = demo.progress("activities", month_count)
    for offset in range(month_count):
        month = add_months(START, offset)
        records = []
        pictured = 0
        for actor in actors:
            joined = actor.joined_on
            if joined > add_months(month, 1) - datetime.timedelta(days=1):
                continue
            ids = sector_ids.get(actor.pk, [])
            if joined >= month:
                records.append(
                    ActivityRecord(
                        actor_id=actor.pk,
                        kind="joined",
                        date=joined,
                        sector_ids=ids,
                        title="A rejoint la démarche",
                        title_en="Joined the programme",
                    )
                )
            rate = 0.8 if actor.pk in institution_ids else 0.5
            while rng.random() < rate:
                kind = rng.choices(kinds, weights=weights)[0]
                title_fr, title_en = activity_title(rng, kind)
                first_day = joined.day if joined >= month else 1
                record = ActivityRecord(
                    actor_id=actor.pk,
                    kind=kind,
                    sector_ids=ids,
                    date=month.replace(day=rng.randint(first_day, 28)),
                    title=title_fr,
                    title_en=title_en,
                    is_public=rng.random() > 0.03,
                )
                if (
                    kind in PICTURED_KINDS
                    and pictured < PICTURES_PER_MONTH
                    and pictures.random() < 0.25
                ):
                    pictured += 1
                    colour = colours.get(ids[0], "#0b5394") if ids else "#0b5394"
                    variant = (colour, pictures.randrange(PICTURE_VARIANTS))
                    if variant not in drawings:
                        drawing = art.scene(pictures, colour, accent, width=PICTURE_WIDTH)
                        drawings[variant] = encode_image(drawing, "JPEG", quality=82).read()
                    record = replace(
                        record,
                        photo=ContentFile(
                            drawings[variant], name=f"{uuid.uuid4().hex}.{PICTURE_SIZE}.jpg"
                        ),
                        photo_alt=PICTURE_ALT[0],
                        photo_alt_en=PICTURE_ALT[1],
                    )
                records.append(record)
                rate /= 2
        with transaction.atomic():
            record_activities(records)
        progress.update(offset + 1)
    return {"activities": Activity.objects.count()}


def flush() -> None:
    Activity.objects.all().delete()
    MonthSummary.objects.all().delete()
