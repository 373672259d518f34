"""The press page's share of the demo territory: four releases of 2017–2018 and the press kit of
the brand's launch (a one-page PDF drawn for the demo)."""

import datetime
import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from missa.core import art
from missa.core.models import Territory
from missa.core.seeding import DemoContext

from .models import PressRelease

RELEASES = [
    (
        "lancement-demarche",
        datetime.date(2017, 5, 15),
        "L'Isle-sur-la-Sorgue lance sa démarche d'attractivité",
        "L'Isle-sur-la-Sorgue launches its attractiveness programme",
        "La commune réunit ses entreprises autour d'une démarche de marketing territorial de "
        "douze mois, accompagnée par une chaire universitaire.",
        "The town brings its companies together in a twelve-month territorial-marketing "
        "programme, advised by a university chair.",
        False,
    ),
    (
        "comite-de-pilotage",
        datetime.date(2017, 7, 3),
        "27 entrepreneurs au comité de pilotage",
        "27 entrepreneurs on the steering committee",
        "Le comité de pilotage de la démarche est constitué : 27 chefs d'entreprise de tous les "
        "secteurs, avec le maire et les partenaires institutionnels.",
        "The programme's steering committee is formed: 27 business leaders from every sector, "
        "with the mayor and the institutional partners.",
        False,
    ),
    (
        "dossier-de-presse-lancement-marque",
        datetime.date(2018, 4, 5),
        "Dossier de presse : le lancement de la marque partagée",
        "Press kit: the launch of the shared brand",
        "La marque partagée du territoire est lancée : son histoire, ses valeurs, ses 500 "
        "entreprises ambassadrices et le plan d'actions à venir.",
        "The territory's shared brand is launched: its story, its values, its 500 ambassador "
        "companies and the coming action plan.",
        True,
    ),
    (
        "plan-actions-collectif",
        datetime.date(2018, 6, 12),
        "Un plan d'actions collectif pour 2018–2020",
        "A collective action plan for 2018–2020",
        "Entreprises, associations et partenaires institutionnels s'engagent dans un plan "
        "d'actions commun, suivi mois après mois sur cette plateforme.",
        "Companies, associations and institutional partners commit to a shared action plan, "
        "followed month after month on this platform.",
        False,
    ),
]


def press_kit_pdf(territory: Territory | None) -> "ContentFile[bytes]":
    """A one-page A4 PDF (drawn, then saved by Pillow) that says it is the demo's press kit."""
    page = Image.new("RGB", (827, 1169), "white")
    draw = ImageDraw.Draw(page)
    primary = territory.primary_colour if territory else "#0b5394"
    secondary = territory.secondary_colour if territory else "#f1c232"
    draw.rectangle((0, 0, 827, 180), fill=primary)
    emblem = art.emblem(primary, secondary, size=140)
    page.paste(emblem, (40, 20), emblem)
    name = territory.name if territory else "MISSA"
    draw.text((200, 60), name, font=art.font(40, bold=True), fill="white")
    draw.text((200, 115), "Dossier de presse — avril 2018", font=art.font(26), fill="white")
    lines = [
        "Le lancement de la marque partagée du territoire",
        "",
        "• 27 entrepreneurs au comité de pilotage",
        "• 500 entreprises ambassadrices",
        "• 6 secteurs, 5 objectifs, 5 retombées attendues",
        "• Un plan d'actions collectif 2018–2020",
        "",
        "Document de démonstration : le territoire, ses acteurs",
        "et leurs chiffres sont fictifs.",
    ]
    y = 240
    for line in lines:
        draw.text((60, y), line, font=art.font(26, bold=(y == 240)), fill="#1b1f24")
        y += 46
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=100.0)
    return ContentFile(buffer.getvalue(), name="dossier-de-presse-2018.pdf")


def load(demo: DemoContext) -> dict[str, int]:
    territory = Territory.objects.first()
    for slug, date, title_fr, title_en, summary_fr, summary_en, is_kit in RELEASES:
        release = PressRelease(
            slug=slug,
            date=date,
            title_fr=title_fr,
            title_en=title_en,
            summary_fr=summary_fr,
            summary_en=summary_en,
            body_fr="*Communiqué de démonstration : les faits et les chiffres sont fictifs.*",
            body_en="*A demonstration release: its facts and figures are fictional.*",
            is_press_kit=is_kit,
            is_published=True,
        )
        if is_kit:
            release.file_fr = press_kit_pdf(territory)  # type: ignore[attr-defined]
        release.save()
    return {"press releases": len(RELEASES)}


def flush() -> None:
    PressRelease.objects.all().delete()
