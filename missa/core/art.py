"""Pictures MISSA draws itself, with Pillow: honest illustrations rather than grey boxes.

The demo territory has no photographs, so it draws them: the territory's emblem (a water wheel
on the river), logos for organisations, and scenes for reported actions (hills, the Sorgue, a
water wheel, bunting in the sector's colour). Each drawing is made at twice its size and reduced,
which smooths its edges. The results are encoded by core.images.encode_image like any upload.
"""

import math
import random
from typing import Any
from xml.sax.saxutils import escape

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

from .colours import DARK, LIGHT, initials, readable_on, rgb

Colour = tuple[int, int, int]
WATER = (46, 112, 168)
WATER_LIGHT = (120, 178, 214)
WOOD = (110, 76, 48)


def mix(first: Colour, second: Colour, share: float) -> Colour:
    """The colour share of the way from first to second."""
    return (
        round(first[0] + (second[0] - first[0]) * share),
        round(first[1] + (second[1] - first[1]) * share),
        round(first[2] + (second[2] - first[2]) * share),
    )


def _wheel(
    draw: ImageDraw.ImageDraw,
    centre: tuple[float, float],
    radius: float,
    colour: Colour,
    turn: float,
) -> None:
    """A water wheel: rim, hub, spokes and paddles."""
    x, y = centre
    width = max(2, round(radius / 9))
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=colour, width=width)
    inner = radius * 0.72
    draw.ellipse((x - inner, y - inner, x + inner, y + inner), outline=colour, width=width // 2 + 1)
    hub = radius * 0.14
    draw.ellipse((x - hub, y - hub, x + hub, y + hub), fill=colour)
    for spoke in range(12):
        angle = turn + spoke * math.pi / 6
        cos, sin = math.cos(angle), math.sin(angle)
        draw.line((x, y, x + cos * radius, y + sin * radius), fill=colour, width=width // 2 + 1)
        # A paddle across the rim.
        px, py = x + cos * radius * 1.08, y + sin * radius * 1.08
        half = radius * 0.16
        draw.line(
            (px - sin * half, py + cos * half, px + sin * half, py - cos * half),
            fill=colour,
            width=width,
        )


def _waves(
    draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], colour: Colour, rows: int
) -> None:
    left, top, right, bottom = box
    step = (bottom - top) / (rows + 1)
    for row in range(1, rows + 1):
        y = top + row * step
        points = [
            (x, y + math.sin(x / 38 + row) * step * 0.18) for x in range(int(left), int(right), 8)
        ]
        draw.line(points, fill=colour, width=max(2, round(step / 10)))


def emblem(primary: str, secondary: str, size: int = 512) -> Image.Image:
    """The territory's emblem: a water wheel over the river, in its two colours."""
    big = size * 2
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, big - 1, big - 1), fill=rgb(primary))
    _wheel(draw, (big / 2, big * 0.44), big * 0.27, rgb(LIGHT), 0.2)
    # The river: the bottom of the disc, with its waves.
    draw.chord((0, 0, big - 1, big - 1), 25, 155, fill=rgb(secondary))
    _waves(draw, (big * 0.22, big * 0.74, big * 0.78, big * 0.94), rgb(primary), 2)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def organisation_logo(name: str, colour: str, shape: int, size: int = 384) -> Image.Image:
    """A simple logo for a made-up organisation: a shape in its colour and its initials."""
    big = size * 2
    image = Image.new("RGB", (big, big), rgb(LIGHT))
    draw = ImageDraw.Draw(image)
    fill, ink = rgb(colour), rgb(readable_on(colour))
    margin = big * 0.08
    box = (margin, margin, big - margin, big - margin)
    if shape % 4 == 0:
        draw.ellipse(box, fill=fill)
    elif shape % 4 == 1:
        draw.rounded_rectangle(box, radius=big * 0.18, fill=fill)
    elif shape % 4 == 2:
        draw.regular_polygon((big / 2, big / 2, big / 2 - margin), 6, rotation=30, fill=fill)
    else:
        draw.rounded_rectangle(box, radius=big * 0.05, fill=fill)
        draw.line((margin, big * 0.78, big - margin, big * 0.78), fill=ink, width=round(big / 40))
    typeface = font(round(big * 0.3), bold=True)
    draw.text((big / 2, big / 2), initials(name), fill=ink, font=typeface, anchor="mm")
    return image.resize((size, size), Image.Resampling.LANCZOS)


def scene(rng: random.Random, colour: str, accent: str, width: int = 1200) -> Image.Image:
    """An illustrated report picture: hills, the river, a water wheel and bunting in the sector's
    colour, under a sky whose hour the generator chooses."""
    height = width * 2 // 3
    big_w, big_h = width * 2, height * 2
    image = Image.new("RGB", (big_w, big_h))
    draw = ImageDraw.Draw(image)
    evening = rng.random() < 0.35
    top, bottom = (
        ((64, 88, 150), (247, 178, 120)) if evening else ((120, 180, 226), (226, 240, 248))
    )
    horizon = big_h * 0.55
    for y in range(round(horizon)):
        draw.line((0, y, big_w, y), fill=mix(top, bottom, y / horizon))
    sun_x, sun_y, sun_r = big_w * rng.uniform(0.15, 0.85), big_h * 0.2, big_h * 0.07
    draw.ellipse(
        (sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r),
        fill=(250, 214, 120) if evening else (255, 244, 200),
    )
    sector = rgb(colour)
    for layer, share in enumerate((0.55, 0.35)):
        green = mix((96, 140, 84), sector, 0.25 + layer * 0.1)
        base = horizon - big_h * 0.12 + layer * big_h * 0.09
        points = [(0.0, float(big_h))]
        phase = rng.uniform(0, math.tau)
        for x in range(0, big_w + 40, 40):
            points.append((x, base - math.sin(x / big_w * math.tau * 1.3 + phase) * big_h * 0.06))
        points.append((float(big_w), float(big_h)))
        draw.polygon(points, fill=mix(green, (255, 255, 255), share * 0.4))
    bank = big_h * 0.7
    draw.rectangle((0, bank, big_w, big_h), fill=WATER)
    _waves(draw, (0, bank, big_w, big_h), WATER_LIGHT, 5)
    # The wheel stands on the bank, half in the water.
    wheel_x = big_w * rng.choice((0.22, 0.72))
    radius = big_h * 0.2
    draw.rectangle(
        (wheel_x + radius * 0.6, bank - radius * 1.9, wheel_x + radius * 2.4, bank + 10),
        fill=(226, 206, 170),
    )
    draw.polygon(
        [
            (wheel_x + radius * 0.45, bank - radius * 1.9),
            (wheel_x + radius * 1.5, bank - radius * 2.6),
            (wheel_x + radius * 2.55, bank - radius * 1.9),
        ],
        fill=(176, 92, 64),
    )
    _wheel(draw, (wheel_x, bank - radius * 0.25), radius, WOOD, rng.uniform(0, math.pi))
    # Bunting across the picture in the sector's colour and the brand's accent.
    flags = [sector, rgb(accent), rgb(LIGHT)]
    y0 = big_h * rng.uniform(0.08, 0.16)
    sag = big_h * 0.06
    count = 14
    for index in range(count):
        flag_x = big_w * (index + 0.5) / count
        flag_y = y0 + sag * math.sin(math.pi * (index + 0.5) / count)
        half = big_w / count * 0.32
        draw.polygon(
            [(flag_x - half, flag_y), (flag_x + half, flag_y), (flag_x, flag_y + half * 1.7)],
            fill=flags[index % 3],
        )
    draw.line(
        [(big_w * i / 40, y0 + sag * math.sin(math.pi * i / 40) - 2) for i in range(41)],
        fill=rgb(DARK),
        width=3,
    )
    return image.resize((width, height), Image.Resampling.LANCZOS)


# -- share cards (the picture a link shows on social networks) -------------------------------

SHARE_SIZE = (1200, 630)


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans from the npm lock (every accent of French), else Pillow's own font."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(settings.MISSA_FONT_DIR / name), size)
    except OSError:
        return ImageFont.load_default(size=size)


def wrap(draw: ImageDraw.ImageDraw, text: str, typeface: Any, width: int, lines: int) -> list[str]:
    """text cut into at most lines lines that fit width, the last one ending with "…" if cut."""
    words, result, current = text.split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=typeface) <= width or not current:
            current = candidate
        else:
            result.append(current)
            current = word
    if current:
        result.append(current)
    if len(result) > lines:
        result = result[:lines]
        last = result[-1]
        while last and draw.textlength(f"{last}…", font=typeface) > width:
            last = last[:-1]
        result[-1] = f"{last.rstrip()}…"
    return result


def share_card(
    *,
    title: str,
    subtitle: str,
    site_name: str,
    primary: str,
    secondary: str,
    picture: Image.Image | None = None,
    monogram_name: str = "",
    monogram_colour: str = "",
) -> Image.Image:
    """A 1200 × 630 card: the site's colours, a picture (a logo, or initials), a title and a
    line under it, the site's name at the foot."""
    width, height = SHARE_SIZE
    image = Image.new("RGB", SHARE_SIZE, rgb(LIGHT))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 24), fill=rgb(primary))
    draw.rectangle((0, height - 96, width, height), fill=rgb(primary))
    draw.rectangle((0, height - 104, width, height - 96), fill=rgb(secondary))
    left = 72
    box = 240
    top = 110
    if picture is not None:
        thumb = picture.convert("RGBA")
        thumb.thumbnail((box, box), Image.Resampling.LANCZOS)
        image.paste(
            thumb, (left + (box - thumb.width) // 2, top + (box - thumb.height) // 2), thumb
        )
    elif monogram_name:
        colour = monogram_colour if len(monogram_colour) == 7 else primary
        draw.rounded_rectangle((left, top, left + box, top + box), radius=40, fill=rgb(colour))
        draw.text(
            (left + box / 2, top + box / 2),
            initials(monogram_name),
            font=font(104, bold=True),
            fill=rgb(readable_on(colour)),
            anchor="mm",
        )
    text_left = left + box + 56 if (picture is not None or monogram_name) else left
    text_width = width - text_left - 64
    title_font = font(58, bold=True)
    y = top
    for line in wrap(draw, title, title_font, text_width, 3):
        draw.text((text_left, y), line, font=title_font, fill=rgb(DARK))
        y += 72
    subtitle_font = font(34)
    for line in wrap(draw, subtitle, subtitle_font, text_width, 3):
        draw.text((text_left, y + 12), line, font=subtitle_font, fill=(60, 64, 70))
        y += 46
    draw.text(
        (left, height - 48),
        site_name,
        font=font(34, bold=True),
        fill=rgb(readable_on(primary)),
        anchor="lm",
    )
    return image


def brand_logo(
    primary: str, secondary: str, name: str, variant: str, width: int = 1200
) -> Image.Image:
    """The brand's logo: the emblem and the territory's name, in colour, in one colour (mono) or
    reversed (light on the brand colour)."""
    height = width * 3 // 8
    background, ink, marks = _logo_colours(primary, secondary, variant)
    image = Image.new("RGB", (width, height), rgb(background))
    size = height * 4 // 5
    mark = emblem(*marks, size)
    image.paste(mark, (height // 10, height // 10), mark)
    left = height + height // 10
    points = _name_points(name, width, height, left)
    draw = ImageDraw.Draw(image)
    draw.text((left, height // 2), name, font=font(points, bold=True), fill=rgb(ink), anchor="lm")
    return image


def _logo_colours(primary: str, secondary: str, variant: str) -> tuple[str, str, tuple[str, str]]:
    """A logo variant's background, the name's ink and the emblem's two colours."""
    return {
        "colour": (LIGHT, primary, (primary, secondary)),
        "mono": (LIGHT, DARK, (DARK, "#ffffff")),
        "reversed": (primary, LIGHT, (secondary, primary)),
    }[variant]


def _name_points(name: str, width: int, height: int, left: int) -> int:
    """The size of the name on one line, as large as fits beside the emblem."""
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    points = height // 5
    while (
        points > 12 and measure.textlength(name, font=font(points, bold=True)) > width - left - 40
    ):
        points -= 2
    return points


def poster(primary: str, secondary: str, name: str, headline: str, footer: str) -> Image.Image:
    """An A4 shop-window poster (at 100 dpi): the emblem, a headline, a blank for the shop's
    name, the territory's name at the foot."""
    width, height = 827, 1169
    page = Image.new("RGB", (width, height), rgb(LIGHT))
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, width, 520), fill=rgb(primary))
    mark = emblem(primary, secondary, 320)
    page.paste(mark, ((width - 320) // 2, 60), mark)
    draw.text((width / 2, 450), name, font=font(44, bold=True), fill=rgb(LIGHT), anchor="mm")
    for index, line in enumerate(wrap(draw, headline, font(48, bold=True), width - 120, 3)):
        draw.text(
            (width / 2, 620 + index * 64),
            line,
            font=font(48, bold=True),
            fill=rgb(DARK),
            anchor="mm",
        )
    draw.rounded_rectangle((90, 820, width - 90, 960), radius=16, outline=rgb(primary), width=4)
    draw.rectangle((0, height - 90, width, height), fill=rgb(secondary))
    draw.text((width / 2, height - 45), footer, font=font(26), fill=rgb(DARK), anchor="mm")
    return page


def badge(
    *, organisation: str, role: str, territory: str, primary: str, secondary: str, size: int = 600
) -> Image.Image:
    """An "Ambassador of the brand" badge for an organisation's website or window: the emblem,
    the role, the organisation's name and the territory's."""
    image = Image.new("RGB", (size, size), rgb(LIGHT))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(
        (6, 6, size - 7, size - 7), radius=size // 12, outline=rgb(primary), width=size // 50
    )
    mark = emblem(primary, secondary, size * 2 // 5)
    image.paste(mark, ((size - mark.width) // 2, size // 12), mark)
    # The role on one line, as large as fits.
    points = size // 14
    while points > 10 and draw.textlength(role.upper(), font=font(points, bold=True)) > size * 0.84:
        points -= 1
    draw.text(
        (size / 2, size * 0.58),
        role.upper(),
        font=font(points, bold=True),
        fill=rgb(primary),
        anchor="mm",
    )
    name_font = font(size // 15, bold=True)
    lines = wrap(draw, organisation, name_font, size * 4 // 5, 3)
    y = size * (0.7 if len(lines) < 3 else 0.67)
    for line in lines:
        draw.text((size / 2, y), line, font=name_font, fill=rgb(DARK), anchor="mm")
        y += size // 13
    draw.rectangle((size // 50, size * 0.88, size - size // 50, size * 0.9), fill=rgb(secondary))
    draw.text(
        (size / 2, size * 0.94), territory, font=font(size // 20), fill=rgb(DARK), anchor="mm"
    )
    return image


# ---------------------------------------------------------------------------------------------
# The same drawings as vector sources (SVG), for the brand kit: a designer's file, not a picture.


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def emblem_svg(primary: str, secondary: str, left: float, top: float, size: float) -> str:
    """The emblem (see emblem) as an SVG group: the disc, the wheel, the river and its waves."""
    n = _number
    radius = size / 2
    cx, cy = left + radius, top + radius
    parts = [f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(radius)}" fill="{primary}"/>']
    # The wheel: rim, inner rim, hub, twelve spokes and their paddles.
    wx, wy, wheel = cx, top + size * 0.44, size * 0.27
    width = max(1.0, wheel / 9)
    parts.append(
        f'<g fill="none" stroke="{LIGHT}" stroke-linecap="round">'
        f'<circle cx="{n(wx)}" cy="{n(wy)}" r="{n(wheel)}" stroke-width="{n(width)}"/>'
        f'<circle cx="{n(wx)}" cy="{n(wy)}" r="{n(wheel * 0.72)}" stroke-width="{n(width / 2)}"/>'
    )
    for spoke in range(12):
        angle = 0.2 + spoke * math.pi / 6
        cos, sin = math.cos(angle), math.sin(angle)
        px, py, half = wx + cos * wheel * 1.08, wy + sin * wheel * 1.08, wheel * 0.16
        parts.append(
            f'<path d="M{n(wx)} {n(wy)}L{n(wx + cos * wheel)} {n(wy + sin * wheel)}'
            f'M{n(px - sin * half)} {n(py + cos * half)}L{n(px + sin * half)} {n(py - cos * half)}"'
            f' stroke-width="{n(width / 2)}"/>'
        )
    parts.append(f'</g><circle cx="{n(wx)}" cy="{n(wy)}" r="{n(wheel * 0.14)}" fill="{LIGHT}"/>')
    # The river: the bottom of the disc, from 25° to 155°, with two waves.
    start = (cx + radius * math.cos(math.radians(25)), cy + radius * math.sin(math.radians(25)))
    end = (cx + radius * math.cos(math.radians(155)), cy + radius * math.sin(math.radians(155)))
    parts.append(
        f'<path d="M{n(start[0])} {n(start[1])}A{n(radius)} {n(radius)} 0 0 1 '
        f'{n(end[0])} {n(end[1])}Z" fill="{secondary}"/>'
    )
    step = size * 0.2 / 3
    for row in (1, 2):
        y = top + size * 0.74 + row * step
        points = " ".join(
            f"{n(left + x)} {n(y + math.sin((left + x) / 19 + row) * step * 0.18)}"
            for x in range(int(size * 0.22), int(size * 0.78), 4)
        )
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{primary}" '
            f'stroke-width="{n(max(1.0, step / 10))}"/>'
        )
    return "<g>" + "".join(parts) + "</g>"


def brand_logo_svg(primary: str, secondary: str, name: str, variant: str) -> str:
    """The brand's logo (see brand_logo) as an SVG document: 1200 × 450, the name in DejaVu Sans
    at the size the raster logo uses."""
    width, height = 1200, 450
    background, ink, colours = _logo_colours(primary, secondary, variant)
    size = height * 4 // 5
    left = height + height // 10
    points = _name_points(name, width, height, left)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
        f"<title>{escape(name)}</title>"
        f'<rect width="{width}" height="{height}" fill="{background}"/>'
        + emblem_svg(*colours, height // 10, height // 10, size)
        + f'<text x="{left}" y="{height // 2}" dominant-baseline="middle" '
        f'font-family="DejaVu Sans, Verdana, sans-serif" font-weight="bold" '
        f'font-size="{points}" fill="{ink}">{escape(name)}</text></svg>\n'
    )
