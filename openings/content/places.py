"""Slugs and places: file names -> URL-safe slugs, location text -> structured parts."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..model import Location

LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o",
                           "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th"})
NOT_SLUG = re.compile(r"[^a-z0-9]+")
CITY_PROVINCE = re.compile(r"^(?P<city>[^,()]+?)\s*(?:,\s*(?P<a>[^,()]+)|\((?P<b>[^()]+)\))$")
REGIONS = {
    "alberta": "AB", "british columbia": "BC", "colombie-britannique": "BC",
    "manitoba": "MB", "new brunswick": "NB", "nouveau-brunswick": "NB",
    "newfoundland and labrador": "NL", "terre-neuve-et-labrador": "NL",
    "nova scotia": "NS", "nouvelle-ecosse": "NS", "ontario": "ON",
    "prince edward island": "PE", "ile-du-prince-edouard": "PE", "quebec": "QC",
    "saskatchewan": "SK", "northwest territories": "NT", "territoires du nord-ouest": "NT",
    "nunavut": "NU", "yukon": "YT",
}


def fold(text: str) -> str:
    """Lower-case text with accents removed (é -> e) and ligatures spelled out (œ -> oe)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=4096)
def slugify(name: str) -> str:
    """A file name (without .md) -> its slug: [a-z0-9] runs joined by single hyphens."""
    return NOT_SLUG.sub("-", fold(name)).strip("-")


def region_code(name: str) -> str | None:
    """A province or territory name (English or French) or code -> its two-letter code."""
    key = fold(name).strip().replace("\u2019", "'")
    if key.upper() in REGIONS.values():
        return key.upper()
    return REGIONS.get(key)


def parse_location(text: str, region: str, country: str) -> Location:
    """`City, Province` or `City (Province)` -> structured parts; else the site's region."""
    match = CITY_PROVINCE.match(text.strip())
    if match:
        code = region_code(match["a"] or match["b"])
        if code:
            return Location(text, match["city"].strip(), code, "CA")
    return Location(text, None, region, country)
