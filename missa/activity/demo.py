"""The ledger's share of the demo territory: every actor's activities, month by month, from the
month it joined (a "joined" activity) to the demo's last month."""

import datetime
import random

from django.db import transaction

from missa.activity.models import Activity, MonthSummary
from missa.activity.services import ActivityRecord, record_activities
from missa.actors.models import Actor, ActorRole
from missa.core.models import add_months, months_between
from missa.core.seeding import END, START, DemoContext

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
    committee_ids = set(roles.filter(role=ActorRole.Role.COMMITTEE_MEMBER))
    institution_ids = set(roles.filter(role__in=INSTITUTION_SIDE))
    through = Actor.sectors.through
    sector_ids: dict[int, list[int]] = {}
    for actor_id, sector_id in through.objects.order_by("pk").values_list("actor_id", "sector_id"):
        sector_ids.setdefault(actor_id, []).append(sector_id)
    kinds = [kind for kind in ACTIVITY_TEMPLATES if kind != "attended_meeting"]
    weights = [10, 3, 6, 14, 4, 6, 4, 2]
    month_count = months_between(START, END) + 1
    progress = demo.progress("activities", month_count)
    for offset in range(month_count):
        month = add_months(START, offset)
        records = []
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
            if actor.pk in committee_ids:
                title_fr, title_en = ACTIVITY_TEMPLATES["attended_meeting"][0]
                records.append(
                    ActivityRecord(
                        actor_id=actor.pk,
                        kind="attended_meeting",
                        sector_ids=ids,
                        date=month.replace(day=rng.randint(5, 12)),
                        title=title_fr,
                        title_en=title_en,
                    )
                )
            rate = 0.8 if actor.pk in institution_ids else 0.5
            while rng.random() < rate:
                kind = rng.choices(kinds, weights=weights)[0]
                title_fr, title_en = activity_title(rng, kind)
                first_day = joined.day if joined >= month else 1
                records.append(
                    ActivityRecord(
                        actor_id=actor.pk,
                        kind=kind,
                        sector_ids=ids,
                        date=month.replace(day=rng.randint(first_day, 28)),
                        title=title_fr,
                        title_en=title_en,
                        is_public=rng.random() > 0.03,
                    )
                )
                rate /= 2
        with transaction.atomic():
            record_activities(records)
        progress.update(offset + 1)
    return {"activities": Activity.objects.count()}


def flush() -> None:
    Activity.objects.all().delete()
    MonthSummary.objects.all().delete()
