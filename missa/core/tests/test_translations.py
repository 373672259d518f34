"""Every catalogue is complete and compiled from its current source."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "missa" / "locale"


def read_po(path: Path) -> list[dict[str, object]]:
    """Return the entries of a .po file: msgid, msgid_plural, msgstr(s) and flags."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith("#~")]
        entry: dict[str, object] = {"flags": "", "msgstr": {}}
        key = None
        for line in lines:
            if line.startswith("#,"):
                entry["flags"] = line
                continue
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgid_plural|msgid|msgstr(?:\[(\d)\])?) "(.*)"$', line)
            if match:
                key = match.group(1)
                value = match.group(3)
            else:
                value = line.strip()[1:-1]
            assert key is not None
            text = bytes(value, "utf-8").decode("unicode_escape").encode("latin-1").decode()
            if key.startswith("msgstr"):
                strings = entry["msgstr"]
                assert isinstance(strings, dict)
                strings[key] = strings.get(key, "") + text
            else:
                entry[key] = str(entry.get(key, "")) + text
        if "msgid" in entry:
            entries.append(entry)
    return entries


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_catalogue_is_complete_and_compiled(language: str) -> None:
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    mo = LOCALE / language / "LC_MESSAGES" / "django.mo"
    entries = [entry for entry in read_po(po) if entry["msgid"]]
    assert len(entries) > 100
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in entries:
        msgid = str(entry["msgid"])
        strings = entry["msgstr"]
        assert isinstance(strings, dict)
        assert "fuzzy" not in str(entry["flags"]), msgid
        assert strings and all(strings.values()), f"untranslated in {language}: {msgid!r}"
        if "msgid_plural" in entry:
            assert compiled.ngettext(msgid, str(entry["msgid_plural"]), 1) == strings["msgstr[0]"]
        else:
            assert compiled.gettext(msgid) == strings["msgstr"], f"recompile {language}: {msgid!r}"
