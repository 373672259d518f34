"""The actors' share of the demo territory: the institutions that are named in the brief, then a
fictional population (500 ambassador companies per scale, the 27 founders of the steering
committee, associations, personalities, and a few company pages still in preparation)."""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify

from missa.actors.models import Actor, ActorRole, normalize_for_search
from missa.core import art, geo
from missa.core.images import encode_image
from missa.core.models import Sector, Territory, add_months, months_between
from missa.core.seeding import END, LAUNCH, START, DemoContext

from . import demo_names as names

AMBASSADOR_COMPANIES = 500
# Companies whose page the town's team is still preparing (not public), per 500.
DRAFT_COMPANIES = 10
COMMITTEE_SIZE = 27

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
# Where each town's houses gather (latitude, longitude, roughly): the demo's pins gather there,
# inside the town's outline on the map. The town hall is the commune's own pin.
TOWN_CENTRES = {
    "L'Isle-sur-la-Sorgue": (43.9190, 5.0504),
    "Le Thor": (43.9290, 4.9950),
    "Fontaine-de-Vaucluse": (43.9220, 5.1280),
    "Saumane-de-Vaucluse": (43.9390, 5.1140),
    "Lagnes": (43.8930, 5.1140),
    "Châteauneuf-de-Gadagne": (43.9270, 4.9440),
    "Cavaillon": (43.8370, 5.0380),
    "Velleron": (43.9570, 5.0290),
}
TOWN_HALL = (Decimal("43.91899"), Decimal("5.05035"))


def load(demo: DemoContext) -> dict[str, int]:
    with transaction.atomic():
        _Population(demo).load()
    return {"actors": Actor.objects.count()}


def flush() -> None:
    Actor.objects.all().delete()


@dataclass
class _Population:
    demo: DemoContext
    sectors: dict[str, Sector] = field(init=False)
    slugs: set[str] = field(init=False, default_factory=set)
    names: set[str] = field(init=False, default_factory=set)
    rng: random.Random = field(init=False)
    outlines: dict[str, list[geo.Polygon]] = field(init=False)
    map_rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.sectors = {sector.slug: sector for sector in Sector.objects.order_by("order")}
        self.rng = self.demo.rng
        territory = Territory.objects.order_by("pk").first()
        self.outlines = {
            feature["properties"]["name"]: geo.feature_polygons(feature)
            for feature in (territory.map_outlines if territory else {}).get("features", [])
        }
        # Its own generator: placing pins leaves the rest of the territory as it was.
        self.map_rng = random.Random(f"map-{self.demo.seed}")

    def load(self) -> None:
        self.load_institutions()
        companies = self.load_companies()
        self.load_committee(companies)
        self.load_associations_and_people()
        self.load_draft_companies()
        if self.outlines:
            # The commune's own pin: its town hall.
            Actor.objects.filter(name=INSTITUTIONS[0][0]).update(
                latitude=TOWN_HALL[0], longitude=TOWN_HALL[1]
            )

    def unique_slug(self, name: str) -> str:
        base = slugify(name)[:200] or "acteur"
        slug, number = base, 2
        while slug in self.slugs:
            slug, number = f"{base}-{number}", number + 1
        self.slugs.add(slug)
        return slug

    def town(self) -> tuple[str, str]:
        towns = TOWNS
        name, postcode, _weight = self.rng.choices(towns, weights=[t[2] for t in towns])[0]
        return name, postcode

    def add_sectors(self, actors: list[Actor], slugs_for: Callable[[Actor], list[str]]) -> None:
        through = Actor.sectors.through
        through.objects.bulk_create(
            [
                through(actor_id=actor.pk, sector_id=self.sectors[slug].pk)
                for actor in actors
                for slug in slugs_for(actor)
            ],
            batch_size=5000,
        )

    def load_institutions(self) -> list[Actor]:
        created = []
        for name, kind, role, sector_slugs, website in INSTITUTIONS:
            actor = Actor.objects.create(
                kind=kind,
                name=name,
                slug=self.unique_slug(name),
                website=website,
                joined_on=START,
                town="",
                postcode="",
            )
            actor.sectors.set([self.sectors[slug] for slug in sector_slugs])
            ActorRole.objects.create(actor=actor, role=role, start_date=START)
            created.append(actor)
        commune, chair = created[0], created[-1]
        mayor = Actor.objects.create(
            kind=Actor.Kind.PERSON,
            name="Maire de L'Isle-sur-la-Sorgue",
            slug=self.unique_slug("maire"),
            represents=commune,
            joined_on=START,
            town="L'Isle-sur-la-Sorgue",
            postcode="84800",
            description_fr="Le maire porte la démarche d'attractivité de la commune.",
            description_en="The mayor leads the town's attractiveness programme.",
        )
        mayor.sectors.set(self.sectors.values())
        ActorRole.objects.create(
            actor=mayor,
            role=ActorRole.Role.ELECTED_OFFICIAL,
            start_date=START,
            position_fr="Maire",
            position_en="Mayor",
        )
        created.append(mayor)
        for _index in range(2):
            name = names.person_name(self.rng)
            expert = Actor.objects.create(
                kind=Actor.Kind.PERSON,
                name=name,
                slug=self.unique_slug(name),
                represents=chair,
                joined_on=START,
                description_fr="Experte de la chaire qui accompagne la démarche (personne fictive).",
                description_en="Expert of the chair advising the programme (fictional person).",
            )
            expert.sectors.set([self.sectors["connaissance"]])
            ActorRole.objects.create(
                actor=expert,
                role=ActorRole.Role.EXPERT,
                start_date=START,
                position_fr="Experte de la chaire",
                position_en="Chair expert",
            )
            created.append(expert)
        return created

    def joined_date(self) -> datetime.date:
        """Return a joining date: a first wave before the brand launch, most after it."""
        if self.rng.random() < 0.35:
            first, last = START, add_months(LAUNCH, -1)
        else:
            first, last = LAUNCH, END
        month = add_months(first, self.rng.randrange(months_between(first, last) + 1))
        return month.replace(day=self.rng.randint(1, 28))

    def load_companies(self) -> list[Actor]:
        total = AMBASSADOR_COMPANIES * self.demo.scale
        progress = self.demo.progress("companies", total)
        slugs = list(self.sectors)
        companies: list[Actor] = []
        sector_choice: dict[int, list[str]] = {}
        for serial in range(total):
            main = self.rng.choices(slugs, weights=[40, 8, 10, 28, 7, 7])[0]
            extra = [self.rng.choice(slugs)] if self.rng.random() < 0.3 else []
            name = names.company_name(self.rng, main, self.names)
            town, postcode = self.town()
            sector_fr = getattr(self.sectors[main], "name_fr", "")
            sector_en = getattr(self.sectors[main], "name_en", "")
            actor = Actor(
                kind=Actor.Kind.COMPANY,
                name=name,
                slug=self.unique_slug(name),
                search_name=normalize_for_search(name),
                siret=names.siret(self.rng, serial),
                town=town,
                postcode=postcode,
                joined_on=self.joined_date(),
                **self.place(town, Actor.Kind.COMPANY),
                description_fr=(
                    f"Entreprise du secteur {sector_fr.lower()} installée à {town}, "
                    "ambassadrice de la marque partagée (entreprise fictive)."
                ),
                description_en=(
                    f"A company in the {sector_en.lower()} sector, based in {town}, "
                    "ambassador of the shared brand (fictional company)."
                ),
            )
            companies.append(actor)
            sector_choice[serial] = sorted({main, *extra})
            if len(companies) % 2000 == 0:
                progress.update(len(companies))
        Actor.objects.bulk_create(companies, batch_size=2000)
        by_pk = {actor.pk: serial for serial, actor in enumerate(companies)}
        self.add_sectors(companies, lambda actor: sector_choice[by_pk[actor.pk]])
        ActorRole.objects.bulk_create(
            [
                ActorRole(actor=actor, role=ActorRole.Role.AMBASSADOR, start_date=actor.joined_on)
                for actor in companies
            ],
            batch_size=5000,
        )
        progress.update(total)
        return companies

    def place(self, town: str, kind: str) -> dict[str, Decimal]:
        """Where an organisation's pin stands: inside its town's outline, gathered around the
        town's centre; people are not places (no pin), nor are towns the map does not draw."""
        if kind == Actor.Kind.PERSON or town not in self.outlines:
            return {}
        latitude, longitude = geo.random_point(
            self.outlines[town], self.map_rng, near=TOWN_CENTRES.get(town)
        )
        return {"latitude": Decimal(str(latitude)), "longitude": Decimal(str(longitude))}

    def load_draft_companies(self) -> None:
        """Add companies that the town's team is still preparing: not public, no role yet."""
        drafts = []
        for serial in range(DRAFT_COMPANIES * self.demo.scale):
            name = names.company_name(self.rng, "economique", self.names)
            town, postcode = self.town()
            drafts.append(
                Actor(
                    kind=Actor.Kind.COMPANY,
                    name=name,
                    slug=self.unique_slug(name),
                    search_name=normalize_for_search(name),
                    siret=names.siret(self.rng, AMBASSADOR_COMPANIES * self.demo.scale + serial),
                    town=town,
                    postcode=postcode,
                    joined_on=END,
                    is_public=False,
                    **self.place(town, Actor.Kind.COMPANY),
                    description_fr="Fiche en préparation par l'équipe de la ville.",
                    description_en="Page being prepared by the town's team.",
                )
            )
        Actor.objects.bulk_create(drafts, batch_size=2000)
        self.add_sectors(drafts, lambda actor: ["economique"])

    def load_committee(self, companies: list[Actor]) -> list[Actor]:
        founders = companies[:COMMITTEE_SIZE]
        members = []
        for index, company in enumerate(founders):
            # Committee members' companies are founding ambassadors.
            ActorRole.objects.filter(actor=company).update(start_date=START)
            Actor.objects.filter(pk=company.pk).update(joined_on=START)
            company.joined_on = START
            # The founders' companies have a logo (drawn); the others show their initials.
            first_sector = company.sectors.order_by("order", "slug").first()
            drawing = art.organisation_logo(
                company.name, first_sector.colour if first_sector else "#0b5394", shape=index
            )
            company.logo = encode_image(drawing, "PNG", optimize=True)
            company.save(update_fields=["logo"])
            name = names.person_name(self.rng)
            person = Actor.objects.create(
                kind=Actor.Kind.PERSON,
                name=name,
                slug=self.unique_slug(name),
                represents=company,
                joined_on=START,
                town=company.town,
                postcode=company.postcode,
                description_fr=f"Dirigeant·e de {company.name}, membre du comité de pilotage "
                "(personne fictive).",
                description_en=f"Head of {company.name}, steering-committee member "
                "(fictional person).",
            )
            person.sectors.set(company.sectors.all())
            position = ("Coprésident·e", "Co-chair") if index < 2 else ("", "")
            ActorRole.objects.create(
                actor=person,
                role=ActorRole.Role.COMMITTEE_MEMBER,
                start_date=START,
                position_fr=position[0],
                position_en=position[1],
            )
            members.append(person)
        return members

    def load_associations_and_people(self) -> list[Actor]:
        created = []
        for name in names.ASSOCIATIONS:
            association = Actor.objects.create(
                kind=Actor.Kind.ASSOCIATION,
                name=name,
                slug=self.unique_slug(name),
                town="L'Isle-sur-la-Sorgue",
                postcode="84800",
                joined_on=self.joined_date(),
                **self.place("L'Isle-sur-la-Sorgue", Actor.Kind.ASSOCIATION),
                description_fr="Association du territoire, ambassadrice de la marque partagée.",
                description_en="A local association, ambassador of the shared brand.",
            )
            association.sectors.set(
                [self.sectors[self.rng.choice(["tourisme", "grands-evenements", "residentiel"])]]
            )
            ActorRole.objects.create(
                actor=association,
                role=ActorRole.Role.AMBASSADOR,
                start_date=association.joined_on,
            )
            created.append(association)
        for title_fr, title_en in names.PERSONALITY_TITLES:
            name = names.person_name(self.rng)
            person = Actor.objects.create(
                kind=Actor.Kind.PERSON,
                name=name,
                slug=self.unique_slug(name),
                joined_on=self.joined_date(),
                town="L'Isle-sur-la-Sorgue",
                postcode="84800",
                description_fr=f"{title_fr.capitalize()}, personnalité ambassadrice du territoire "
                "(personne fictive).",
                description_en=f"{title_en.capitalize()}, a personality acting as ambassador of "
                "the territory (fictional person).",
            )
            person.sectors.set(
                [
                    self.sectors[
                        self.rng.choice(["tourisme", "grands-evenements", "action-internationale"])
                    ]
                ]
            )
            ActorRole.objects.create(
                actor=person,
                role=ActorRole.Role.AMBASSADOR,
                start_date=person.joined_on,
                position_fr=title_fr,
                position_en=title_en,
            )
            created.append(person)
        return created
