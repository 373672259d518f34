"""Colours and initials for pictures MISSA draws itself (monograms, share images, demo art)."""

import re
import unicodedata

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DARK = "#000000"
LIGHT = "#ffffff"
# Words that do not make an initial: "Office de Tourisme" is OT, "L'Atelier du Lin" AL.
SMALL_WORDS = {
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "sur",
    "the", "of", "and", "&",
}  # fmt: skip


def rgb(colour: str) -> tuple[int, int, int]:
    """ "#0b5394" → (11, 83, 148)."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: str) -> float:
    """The relative luminance of WCAG 2 (0 for black, 1 for white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG 2's contrast ratio between two colours (1 to 21)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_on(background: str) -> str:
    """White or near-black, whichever reads better on background."""
    return LIGHT if contrast(LIGHT, background) >= contrast(DARK, background) else DARK


def initials(name: object, letters: int = 2) -> str:
    """The initials of a name, in capitals: "Les Jardins de la Sorgue" → "JS"."""
    words = re.findall(r"[^\W_]+", str(name))
    significant = [word for word in words if word.lower() not in SMALL_WORDS] or words
    picked = "".join(word[0] for word in significant[:letters])
    return unicodedata.normalize("NFC", picked).upper() or "?"
