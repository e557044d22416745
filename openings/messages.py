"""The interface's words in each language, from gettext catalogues (layouts/locales/).

Message ids are the English text; a language is added by adding its catalogue,
`layouts/locales/<lang>/LC_MESSAGES/messages.po` (`make messages` extracts and updates them).
Words chosen by a value (a status, a term type) are listed here with `N_` so extraction sees them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parent.parent / "layouts" / "locales"
Translate = Callable[[str], str]


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


STATUS = {"open": N_("Open"), "closing-soon": N_("Closing soon"), "closed": N_("Closed")}
TERMS = {"permanent": N_("Permanent"), "temporary": N_("Temporary"), "contract": N_("Contract"),
         "co-op": N_("Co-op"), "student": N_("Student"), "casual": N_("Casual"),
         "seasonal": N_("Seasonal")}
PERIODS = {"hour": N_("an hour"), "day": N_("a day"), "week": N_("a week"),
           "month": N_("a month"), "year": N_("a year")}
ARRANGEMENT_LABELS = {"on-site": N_("On site"), "hybrid": N_("Hybrid (some work from home)"),
                "remote": N_("Remote")}


@cache
def catalogue(lang: str) -> dict[str, str]:
    """A language's translations, read once; empty for English and unknown languages."""
    path = LOCALES / lang / "LC_MESSAGES" / "messages.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        po = read_po(handle, locale=lang)
    return {str(m.id): str(m.string) for m in po if m.id and m.string and not m.fuzzy}


@cache
def translator(lang: str) -> Translate:
    """gettext for one language: the translation, or the English text when there is none (one
    function per language, so it can key caches)."""
    table = catalogue(lang)
    return lambda message: table.get(message, message)


@cache
def language_name(lang: str) -> str:
    """A language's name in itself (English, Français), for the language toggle."""
    name: str = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


@cache
def language_in(lang: str, reader: str) -> str:
    """A language's name as a reader of another language writes it (anglais, French)."""
    name: str = Locale.parse(lang).get_display_name(reader) or lang
    return name
