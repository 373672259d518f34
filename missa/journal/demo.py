"""The journal's share of the demo territory: one editorial per month, written from the month's
phase and its stored figures."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import translation

from missa.activity.models import Activity, MonthSummary
from missa.core.models import Sector, add_months, month_name, months_between
from missa.core.seeding import END, START, DemoContext
from missa.journal.models import JournalMonth
from missa.programme.models import Phase

# phase slug -> (title fr, title en, paragraph fr, paragraph en)
PHASE_TEXT = {
    "etudes": (
        "Écouter le territoire",
        "Listening to the territory",
        "Le mois est consacré aux **études et analyses** : entretiens avec les chefs "
        "d'entreprise, questionnaires aux habitants et aux visiteurs, lecture des données "
        "économiques. Objectif : connaître la ville telle qu'elle est vécue, pas seulement "
        "telle qu'on la raconte.",
        "This month is devoted to **studies and analysis**: interviews with business owners, "
        "surveys of inhabitants and visitors, a close reading of economic data. The aim: to know "
        "the town as it is lived, not only as it is told.",
    ),
    "diagnostic": (
        "Le diagnostic se dessine",
        "The diagnosis takes shape",
        "Le **diagnostic d'attractivité** rassemble forces et faiblesses : un patrimoine et un "
        "marché des antiquaires connus bien au-delà de la Provence, mais des jeunes qui partent "
        "et une image parfois réduite au tourisme d'un week-end.",
        "The **attractiveness diagnosis** brings strengths and weaknesses together: a heritage and "
        "an antiques market known far beyond Provence, but young people leaving and an image "
        "sometimes reduced to weekend tourism.",
    ),
    "strategie": (
        "Choisir un cap",
        "Setting a course",
        "Le comité de pilotage travaille la **stratégie d'attractivité** : quels publics viser, "
        "quels atouts mettre en avant, quelles filières d'excellence développer dans les six "
        "secteurs stratégiques.",
        "The steering committee works on the **attractiveness strategy**: which audiences to aim "
        "for, which assets to put forward, which clusters of excellence to grow across the six "
        "strategic sectors.",
    ),
    "marque": (
        "Une marque à plusieurs mains",
        "A brand with many hands",
        "La **conception de la marque** partagée avance en ateliers avec les ambassadeurs : "
        "valeurs, promesse, identité visuelle. Chaque entreprise pourra la porter.",
        "The **design of the shared brand** moves forward in workshops with the ambassadors: "
        "values, promise, visual identity. Every company will be able to carry it.",
    ),
    "lancement": (
        "La marque est lancée",
        "The brand is launched",
        "Ce mois-ci, la **marque partagée est lancée** publiquement. Les ambassadeurs la "
        "reçoivent avec son kit et s'engagent à la faire vivre.",
        "This month the **shared brand is launched** in public. The ambassadors receive it with "
        "its kit and commit to bringing it to life.",
    ),
    "plan-actions": (
        "Le plan d'actions en mouvement",
        "The action plan in motion",
        "Le **plan d'actions collectif** mobilise les entreprises et les personnalités de "
        "référence, avec les partenaires institutionnels : accueil des nouveaux arrivants, "
        "parcours des antiquaires, présence de la marque sur les salons.",
        "The **collective action plan** mobilises companies and reference personalities, with "
        "the institutional partners: welcoming newcomers, the antique dealers' trail, the brand "
        "at trade fairs.",
    ),
}


def _month_name(month: datetime.date, language: str) -> str:
    with translation.override(language):
        return month_name(month)


def _names(names: list[str], and_word: str) -> str:
    """Return "**A**, **B** and **C**"."""
    bold = [f"**{name}**" for name in names]
    return bold[0] if len(bold) == 1 else f"{', '.join(bold[:-1])} {and_word} {bold[-1]}"


def _plural(count: int, one: str, many: str) -> str:
    return f"**{count} {one if count == 1 else many}**"


@dataclass
class MonthStory:
    """What happened in a month, read from the ledger: the editorial is written from it."""

    summary: MonthSummary | None
    newcomers: list[str] = field(default_factory=list)
    # (title fr, title en, actor)
    highlights: list[tuple[str, str, str]] = field(default_factory=list)
    top_sector: Sector | None = None
    top_sector_count: int = 0
    # The sector whose activity grew the most since the month before, and by how much.
    rising_sector: Sector | None = None
    rising_by: int = 0


HIGHLIGHT_KINDS = ["hosted_event", "promoted_brand", "media_mention", "partnership", "led_action"]


def month_story(month: datetime.date, sectors: dict[int, Sector]) -> MonthStory:
    """Read a month's figures, first newcomers, notable actions and most active sector."""
    summary = MonthSummary.objects.filter(month=month).first()
    before = MonthSummary.objects.filter(month=add_months(month, -1)).first()
    public = Activity.objects.public().for_month(month).order_by("date", "pk")
    newcomers = list(public.filter(kind="joined").values_list("actor__name", flat=True)[:3])
    highlights: list[tuple[str, str, str]] = []
    for title_fr, title_en, actor in public.filter(kind__in=HIGHLIGHT_KINDS).values_list(
        "title_fr", "title_en", "actor__name"
    )[:12]:
        if all(title_fr != seen[0] for seen in highlights):
            highlights.append((title_fr, title_en or title_fr, actor))
        if len(highlights) == 2:
            break
    story = MonthStory(summary=summary, newcomers=newcomers, highlights=highlights)
    if summary and summary.sector_counts:
        sector_id, count = max(
            ((int(key), int(value)) for key, value in summary.sector_counts.items()),
            key=lambda item: (item[1], -item[0]),
        )
        story.top_sector, story.top_sector_count = sectors.get(sector_id), count
        previous = before.sector_counts if before else {}
        growth = [
            (int(value) - int(previous.get(key, 0)), -int(key))
            for key, value in summary.sector_counts.items()
        ]
        rise, negative_id = max(growth)
        if rise > 0:
            story.rising_sector, story.rising_by = sectors.get(-negative_id), rise
    return story


def editorial_for(
    month: datetime.date, phase: Phase, story: MonthStory, number: int, used: set[str]
) -> dict[str, str]:
    """Return the demo editorial of a month (title and text, in French and English), written
    from what happened that month."""
    _title_fr, _title_en, phase_body_fr, phase_body_en = PHASE_TEXT[phase.slug]
    summary = story.summary
    activities = summary.activity_count if summary else 0
    actors = summary.actor_count if summary else 0
    joined = int(summary.kind_counts.get("joined", 0)) if summary else 0
    fr = [
        f"En {_month_name(month, 'fr')}, {number}{'ᵉʳ' if number == 1 else 'ᵉ'} mois de la "
        "démarche, le journal compte "
        f"{_plural(activities, 'activité', 'activités')} de {_plural(actors, 'acteur', 'acteurs')}"
        + (
            f", dont {_plural(joined, 'nouvelle adhésion', 'nouvelles adhésions')}."
            if joined
            else "."
        )
    ]
    en = [
        f"In {_month_name(month, 'en')}, month {number} of the programme, the journal records "
        f"{_plural(activities, 'activity', 'activities')} by {_plural(actors, 'actor', 'actors')}"
        + (f", including {_plural(joined, 'new member', 'new members')}." if joined else ".")
    ]
    if story.newcomers:
        fr.append(f"Parmi les nouveaux venus : {_names(story.newcomers, 'et')}.")
        en.append(f"Among the newcomers: {_names(story.newcomers, 'and')}.")
    if story.highlights:
        fr.append(
            "À retenir : "
            + " ; ".join(f"{title} ({actor})" for title, _en, actor in story.highlights)
            + "."
        )
        en.append(
            "Worth noting: "
            + "; ".join(f"{title} ({actor})" for _fr, title, actor in story.highlights)
            + "."
        )
    sector = story.top_sector
    if sector is not None:
        sector_fr = getattr(sector, "name_fr", "") or sector.name
        sector_en = getattr(sector, "name_en", "") or sector_fr
        fr.append(
            f"Le secteur le plus actif : **{sector_fr}**, avec "
            f"{_plural(story.top_sector_count, 'activité', 'activités')}."
        )
        en.append(
            f"The most active sector: **{sector_en}**, with "
            f"{_plural(story.top_sector_count, 'activity', 'activities')}."
        )
    phase_fr, phase_en = getattr(phase, "name_fr", phase.name), getattr(phase, "name_en", "")
    if month == phase.start_month:
        fr.append(phase_body_fr)
        en.append(phase_body_en)
    fr.append(f"*Phase en cours : {phase_fr}.*")
    en.append(f"*Current phase: {phase_en or phase_fr}.*")
    title_fr, title_en = _title(month, phase, story, joined, used)
    used.add(title_fr)
    return {
        "title_fr": title_fr,
        "title_en": title_en,
        "editorial_fr": "\n\n".join(fr),
        "editorial_en": "\n\n".join(en),
    }


def _title(
    month: datetime.date, phase: Phase, story: MonthStory, joined: int, used: set[str]
) -> tuple[str, str]:
    """Return the month's title: its phase's when the phase begins, else its news, in turn
    the newcomers, a rising sector or a notable action — never a title already used (the
    phase and the month, when all of them were)."""
    if month == phase.start_month:
        return PHASE_TEXT[phase.slug][0], PHASE_TEXT[phase.slug][1]
    candidates: list[tuple[str, str]] = []
    if joined > 1:
        candidates.append((f"{joined} nouveaux ambassadeurs", f"{joined} new ambassadors"))
    sector = story.rising_sector
    if sector is not None:
        name_fr = getattr(sector, "name_fr", "") or sector.name
        name_en = getattr(sector, "name_en", "") or name_fr
        more_fr = "activité de plus" if story.rising_by == 1 else "activités de plus"
        more_en = "more activity" if story.rising_by == 1 else "more activities"
        candidates.append(
            (
                f"Secteur {name_fr} : {story.rising_by} {more_fr}",
                f"{name_en} sector: {story.rising_by} {more_en}",
            )
        )
    candidates += [(title_fr, title_en) for title_fr, title_en, _actor in story.highlights]
    # Start from a different angle each month.
    turn = months_between(START, month) % max(len(candidates), 1)
    for title_fr, title_en in candidates[turn:] + candidates[:turn]:
        if title_fr not in used:
            return title_fr, title_en
    # Every angle told already: the phase and the month, which no other month has.
    return (
        f"{PHASE_TEXT[phase.slug][0]} : {_month_name(month, 'fr')}",
        f"{PHASE_TEXT[phase.slug][1]}: {_month_name(month, 'en')}",
    )


@transaction.atomic
def load(demo: DemoContext) -> dict[str, int]:
    phases = list(Phase.objects.all())
    sectors = {sector.pk: sector for sector in Sector.objects.all()}
    used: set[str] = set()
    for offset in range(months_between(START, END) + 1):
        month = add_months(START, offset)
        phase = next(p for p in phases if p.start_month <= month <= p.end_month)
        text = editorial_for(month, phase, month_story(month, sectors), offset + 1, used)
        JournalMonth.objects.create(month=month, is_published=True, **text)
    return {"journal months": JournalMonth.objects.count()}


def flush() -> None:
    JournalMonth.objects.all().delete()
