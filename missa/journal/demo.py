"""The journal's share of the demo territory: one editorial per month, written from the month's
phase and its stored figures."""

import datetime

from django.db import transaction
from django.utils import translation

from missa.activity.models import MonthSummary
from missa.core.models import add_months, month_name, months_between
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


def editorial_for(
    month: datetime.date, phase: Phase, summary: MonthSummary | None, number: int
) -> dict[str, str]:
    """Return the demo editorial of a month (title and text, in French and English)."""
    title_fr, title_en, body_fr, body_en = PHASE_TEXT[phase.slug]
    activities = summary.activity_count if summary else 0
    actors = summary.actor_count if summary else 0
    joined = int(summary.kind_counts.get("joined", 0)) if summary else 0
    figures_fr = (
        f"En {_month_name(month, 'fr')}, {number}ᵉ mois de la démarche, le journal compte "
        f"**{activities} activités** de **{actors} acteurs**"
        + (
            f", dont **{joined} nouvelle{'s' if joined > 1 else ''} adhésion{'s' if joined > 1 else ''}**."
            if joined
            else "."
        )
    )
    figures_en = (
        f"In {_month_name(month, 'en')}, month {number} of the programme, the journal records "
        f"**{activities} activities** by **{actors} actors**"
        + (f", including **{joined} new member{'s' if joined > 1 else ''}**." if joined else ".")
    )
    phase_fr, phase_en = getattr(phase, "name_fr", phase.name), getattr(phase, "name_en", "")
    return {
        "title_fr": title_fr,
        "title_en": title_en,
        "editorial_fr": f"{figures_fr}\n\n{body_fr}\n\n*Phase en cours : {phase_fr}.*",
        "editorial_en": f"{figures_en}\n\n{body_en}\n\n*Current phase: {phase_en or phase_fr}.*",
    }


@transaction.atomic
def load(demo: DemoContext) -> dict[str, int]:
    phases = list(Phase.objects.all())
    summaries = {summary.month: summary for summary in MonthSummary.objects.all()}
    for offset in range(months_between(START, END) + 1):
        month = add_months(START, offset)
        phase = next(p for p in phases if p.start_month <= month <= p.end_month)
        text = editorial_for(month, phase, summaries.get(month), offset + 1)
        JournalMonth.objects.create(month=month, is_published=True, **text)
    return {"journal months": JournalMonth.objects.count()}


def flush() -> None:
    JournalMonth.objects.all().delete()
