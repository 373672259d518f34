"""Build the demo territory: the brief's public facts plus a seeded, fictional population."""

import datetime
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from django.db import transaction
from django.utils.text import slugify

from missa.activity.models import Activity, MonthSummary
from missa.activity.services import ActivityRecord, record_activities
from missa.actors.models import Actor, ActorRole, normalize_for_search
from missa.charter.models import CharterVersion, Commitment
from missa.core.models import Benefit, Objective, Sector, Territory, add_months, months_between
from missa.journal.models import JournalMonth
from missa.programme.models import Deliverable, Phase

from . import facts, people
from .editorials import editorial_for

START = datetime.date(2017, 5, 1)
LAUNCH = datetime.date(2018, 4, 1)
END = datetime.date(2020, 12, 1)
AMBASSADOR_COMPANIES = 500
# Companies whose page the town's team is still preparing (not public), per 500.
DRAFT_COMPANIES = 10
COMMITTEE_SIZE = 27


class Stream(Protocol):
    def write(self, text: str) -> object: ...

    def flush(self) -> None: ...


class ProgressBar:
    """A plain progress bar on a terminal stream (no dependency)."""

    def __init__(self, stream: Stream, label: str, total: int) -> None:
        self.stream, self.label, self.total, self.shown = stream, label, max(total, 1), -1

    def update(self, done: int) -> None:
        percent = min(100, 100 * done // self.total)
        if percent != self.shown:
            self.shown = percent
            bar = "#" * (percent // 4)
            self.stream.write(f"\r{self.label:<12} [{bar:<25}] {percent:3d}%")
            if percent == 100:
                self.stream.write("\n")
            self.stream.flush()


@dataclass
class DemoLoader:
    scale: int = 1
    seed: int = 2017
    stream: Stream = field(default_factory=lambda: sys.stderr)
    rng: random.Random = field(init=False)
    sectors: dict[str, Sector] = field(init=False, default_factory=dict)
    slugs: set[str] = field(init=False, default_factory=set)
    names: set[str] = field(init=False, default_factory=set)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def run(self) -> dict[str, int]:
        with transaction.atomic():
            self.load_territory()
            self.load_programme()
            self.load_charter()
            institutions = self.load_institutions()
            companies = self.load_companies()
            committee = self.load_committee(companies)
            others = self.load_associations_and_people()
            self.load_draft_companies()
        actors = institutions + companies + committee + others
        self.load_activities(actors, committee, institutions)
        with transaction.atomic():
            self.load_editorials()
        return {
            "actors": Actor.objects.count(),
            "activities": Activity.objects.count(),
            "months": JournalMonth.objects.count(),
        }

    # -- facts -----------------------------------------------------------------------------

    def load_territory(self) -> None:
        Territory.objects.create(**facts.TERRITORY)
        for order, (slug, icon, colour, name_fr, name_en, text_fr, text_en) in enumerate(
            facts.SECTORS, start=1
        ):
            self.sectors[slug] = Sector.objects.create(
                order=order,
                slug=slug,
                icon=icon,
                colour=colour,
                name_fr=name_fr,
                name_en=name_en,
                description_fr=text_fr,
                description_en=text_en,
            )
        for order, (slug, name_fr, name_en, text_fr, text_en) in enumerate(
            facts.OBJECTIVES, start=1
        ):
            Objective.objects.create(
                order=order,
                slug=slug,
                name_fr=name_fr,
                name_en=name_en,
                description_fr=text_fr,
                description_en=text_en,
            )
        for order, (slug, icon, name_fr, name_en, text_fr, text_en) in enumerate(
            facts.BENEFITS, start=1
        ):
            Benefit.objects.create(
                order=order,
                slug=slug,
                icon=icon,
                name_fr=name_fr,
                name_en=name_en,
                description_fr=text_fr,
                description_en=text_en,
            )

    def load_charter(self) -> None:
        charter = facts.CHARTER
        version = CharterVersion.objects.create(
            title_fr=charter["title_fr"],
            title_en=charter["title_en"],
            text_fr=charter["text_fr"],
            text_en=charter["text_en"],
            benefits_fr=charter["benefits_fr"],
            benefits_en=charter["benefits_en"],
        )
        for order, (text_fr, text_en, required) in enumerate(charter["commitments"], start=1):
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

    def load_programme(self) -> None:
        for order, (
            slug,
            start,
            end,
            name_fr,
            name_en,
            text_fr,
            text_en,
            deliverables,
        ) in enumerate(facts.PHASES, start=1):
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
                    phase=phase,
                    title_fr=title_fr,
                    title_en=title_en,
                    date=datetime.date(*day),
                )

    # -- actors ----------------------------------------------------------------------------

    def unique_slug(self, name: str) -> str:
        base = slugify(name)[:200] or "acteur"
        slug, number = base, 2
        while slug in self.slugs:
            slug, number = f"{base}-{number}", number + 1
        self.slugs.add(slug)
        return slug

    def town(self) -> tuple[str, str]:
        towns = facts.TOWNS
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
        for name, kind, role, sector_slugs, website in facts.INSTITUTIONS:
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
            name = people.person_name(self.rng)
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
        total = AMBASSADOR_COMPANIES * self.scale
        progress = ProgressBar(self.stream, "companies", total)
        slugs = list(self.sectors)
        companies: list[Actor] = []
        sector_choice: dict[int, list[str]] = {}
        for serial in range(total):
            main = self.rng.choices(slugs, weights=[40, 8, 10, 28, 7, 7])[0]
            extra = [self.rng.choice(slugs)] if self.rng.random() < 0.3 else []
            name = people.company_name(self.rng, main, self.names)
            town, postcode = self.town()
            sector_fr = getattr(self.sectors[main], "name_fr", "")
            sector_en = getattr(self.sectors[main], "name_en", "")
            actor = Actor(
                kind=Actor.Kind.COMPANY,
                name=name,
                slug=self.unique_slug(name),
                search_name=normalize_for_search(name),
                siret=people.siret(self.rng, serial),
                town=town,
                postcode=postcode,
                joined_on=self.joined_date(),
                description_fr=(
                    f"Entreprise du secteur {sector_fr.lower()} installée à {town}, "
                    "ambassadrice de la marque partagée (entreprise fictive)."
                ),
                description_en=(
                    f"A {sector_en.lower()} company based in {town}, ambassador of the "
                    "shared brand (fictional company)."
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

    def load_draft_companies(self) -> None:
        """Add companies that the town's team is still preparing: not public, no role yet."""
        drafts = []
        for serial in range(DRAFT_COMPANIES * self.scale):
            name = people.company_name(self.rng, "economique", self.names)
            town, postcode = self.town()
            drafts.append(
                Actor(
                    kind=Actor.Kind.COMPANY,
                    name=name,
                    slug=self.unique_slug(name),
                    search_name=normalize_for_search(name),
                    siret=people.siret(self.rng, AMBASSADOR_COMPANIES * self.scale + serial),
                    town=town,
                    postcode=postcode,
                    joined_on=END,
                    is_public=False,
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
            name = people.person_name(self.rng)
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
        for name in people.ASSOCIATIONS:
            association = Actor.objects.create(
                kind=Actor.Kind.ASSOCIATION,
                name=name,
                slug=self.unique_slug(name),
                town="L'Isle-sur-la-Sorgue",
                postcode="84800",
                joined_on=self.joined_date(),
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
        for title_fr, title_en in people.PERSONALITY_TITLES:
            name = people.person_name(self.rng)
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

    # -- the ledger ------------------------------------------------------------------------

    def load_activities(
        self, actors: list[Actor], committee: list[Actor], institutions: list[Actor]
    ) -> None:
        through = Actor.sectors.through
        sector_ids: dict[int, list[int]] = {}
        for actor_id, sector_id in through.objects.values_list("actor_id", "sector_id"):
            sector_ids.setdefault(actor_id, []).append(sector_id)
        committee_ids = {actor.pk for actor in committee}
        institution_ids = {actor.pk for actor in institutions}
        kinds = [kind for kind in people.ACTIVITY_TEMPLATES if kind != "attended_meeting"]
        weights = [10, 3, 6, 14, 4, 6, 4, 2]
        month_count = months_between(START, END) + 1
        progress = ProgressBar(self.stream, "activities", month_count)
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
                    title_fr, title_en = people.ACTIVITY_TEMPLATES["attended_meeting"][0]
                    records.append(
                        ActivityRecord(
                            actor_id=actor.pk,
                            kind="attended_meeting",
                            sector_ids=ids,
                            date=month.replace(day=self.rng.randint(5, 12)),
                            title=title_fr,
                            title_en=title_en,
                        )
                    )
                rate = 0.8 if actor.pk in institution_ids else 0.5
                while self.rng.random() < rate:
                    kind = self.rng.choices(kinds, weights=weights)[0]
                    title_fr, title_en = people.activity_title(self.rng, kind)
                    first_day = joined.day if joined >= month else 1
                    records.append(
                        ActivityRecord(
                            actor_id=actor.pk,
                            kind=kind,
                            sector_ids=ids,
                            date=month.replace(day=self.rng.randint(first_day, 28)),
                            title=title_fr,
                            title_en=title_en,
                            is_public=self.rng.random() > 0.03,
                        )
                    )
                    rate /= 2
            with transaction.atomic():
                record_activities(records)
            progress.update(offset + 1)

    def load_editorials(self) -> None:
        phases = list(Phase.objects.all())
        summaries = {summary.month: summary for summary in MonthSummary.objects.all()}
        for offset in range(months_between(START, END) + 1):
            month = add_months(START, offset)
            phase = next(p for p in phases if p.start_month <= month <= p.end_month)
            text = editorial_for(month, phase, summaries.get(month), offset + 1)
            JournalMonth.objects.create(month=month, is_published=True, **text)
