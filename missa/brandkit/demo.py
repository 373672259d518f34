"""The brand kit's share of the demo territory: the logo in colour, in one colour and reversed
(PNG, and SVG sources), a shop-window poster to fill in, and the brand guide — all drawn for
the demo."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from missa.core import art, svg
from missa.core.models import Territory
from missa.core.seeding import DemoContext

from .models import BrandAsset

GUIDE_LINES = [
    "Guide de la marque partagée (démonstration)",
    "",
    "Couleurs : le bleu de la Sorgue et le jaune du soleil.",
    "Typographie : une linéale lisible (DejaVu Sans, ou la police système).",
    "",
    "À faire : garder l'espace autour du logo ; le poser sur un fond uni.",
    "À éviter : le déformer, changer ses couleurs, l'entourer d'effets.",
]


def _png(image: Image.Image, name: str) -> "ContentFile[bytes]":
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name=name)


def _svg(drawing: str, name: str) -> "ContentFile[bytes]":
    # Through the same cleaning as an upload (core.svg), so the demo shows what members get.
    return ContentFile(svg.sanitise_svg(drawing.encode()), name=name)


def _pdf(image: Image.Image, name: str) -> "ContentFile[bytes]":
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=100.0)
    return ContentFile(buffer.getvalue(), name=name)


def _guide(primary: str, secondary: str, name: str) -> Image.Image:
    page = art.poster(primary, secondary, name, "Guide de la marque", "Document de démonstration")
    draw = ImageDraw.Draw(page)
    draw.rectangle((60, 560, 767, 1060), fill="white")
    for index, line in enumerate(GUIDE_LINES):
        draw.text((80, 580 + index * 40), line, font=art.font(22, bold=index == 0), fill="#000000")
    for index, colour in enumerate((primary, secondary)):
        draw.rectangle((80 + index * 140, 900, 200 + index * 140, 1000), fill=colour)
    return page


def load(demo: DemoContext) -> dict[str, int]:
    territory = Territory.objects.get()
    primary, secondary = territory.primary_colour, territory.secondary_colour
    name = territory.name
    assets = [
        (
            "Logo — couleur",
            "Logo — colour",
            "logo",
            "public",
            _png(art.brand_logo(primary, secondary, name, "colour"), "logo-couleur.png"),
            "Sur fond clair. PNG, 1200 × 450 pixels.",
            "On a light background. PNG, 1200 × 450 pixels.",
        ),
        (
            "Logo — une couleur",
            "Logo — one colour",
            "logo",
            "public",
            _png(art.brand_logo(primary, secondary, name, "mono"), "logo-mono.png"),
            "Pour l'impression en une couleur (tampons, gravure).",
            "For one-colour printing (stamps, engraving).",
        ),
        (
            "Logo — inversé",
            "Logo — reversed",
            "logo",
            "members",
            _png(art.brand_logo(primary, secondary, name, "reversed"), "logo-inverse.png"),
            "Sur fond foncé ou sur la couleur de la marque.",
            "On a dark background or on the brand's colour.",
        ),
        (
            "Logo — couleur, source vectorielle",
            "Logo — colour, vector source",
            "logo",
            "public",
            _svg(art.brand_logo_svg(primary, secondary, name, "colour"), "logo-couleur.svg"),
            "SVG, pour l'imprimeur ou le graphiste : toutes les tailles sans perte.",
            "SVG, for printers and designers: any size without loss.",
        ),
        (
            "Logo — une couleur, source vectorielle",
            "Logo — one colour, vector source",
            "logo",
            "public",
            _svg(art.brand_logo_svg(primary, secondary, name, "mono"), "logo-mono.svg"),
            "SVG en une couleur, pour la gravure, la découpe ou la broderie.",
            "One-colour SVG, for engraving, cutting or embroidery.",
        ),
        (
            "Logo — inversé, source vectorielle",
            "Logo — reversed, vector source",
            "logo",
            "members",
            _svg(art.brand_logo_svg(primary, secondary, name, "reversed"), "logo-inverse.svg"),
            "SVG inversé, sur fond foncé ou sur la couleur de la marque.",
            "Reversed SVG, on a dark background or on the brand's colour.",
        ),
        (
            "Affiche de vitrine « Ambassadeur de la marque »",
            "Shop-window poster “Ambassador of the brand”",
            "template",
            "members",
            _pdf(
                art.poster(
                    primary, secondary, name, "Ici, un ambassadeur de la marque", "Votre nom ici"
                ),
                "affiche-vitrine.pdf",
            ),
            "A4, à imprimer et à compléter du nom de votre commerce.",
            "A4, to print and fill in with your shop's name.",
        ),
        (
            "Guide de la marque",
            "Brand guide",
            "guide",
            "public",
            _pdf(_guide(primary, secondary, name), "guide-de-la-marque.pdf"),
            "Les couleurs, la typographie, ce qu'il faut faire et éviter.",
            "The colours, the typeface, the do's and don'ts.",
        ),
    ]
    for order, (title_fr, title_en, kind, access, file, text_fr, text_en) in enumerate(assets):
        asset = BrandAsset(
            title_fr=title_fr,
            title_en=title_en,
            kind=kind,
            access=access,
            description_fr=f"{text_fr} *Fichier de démonstration.*",
            description_en=f"{text_en} *A demonstration file.*",
            order=order,
        )
        asset.file.save(file.name or "asset", file, save=False)
        asset.save()
    return {"brand assets": len(assets)}


def flush() -> None:
    BrandAsset.objects.all().delete()
