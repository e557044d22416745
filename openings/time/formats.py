"""Dates, times, zones and money written the way each language writes them (Babel, CLDR)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_timezone_name
from babel.numbers import format_currency, format_decimal

from ..messages import PERIODS, translator
from ..model import Salary

# Distinct values each formatting function remembers: a site repeats a few thousand dates, pay
# figures and deadlines across its postings and languages; the bound keeps memory flat.
MEMO = 16_384


@cache
def locale_for(lang: str, country: str) -> Locale:
    """The CLDR locale for a language as written in the site's country (en_CA, fr_CA)."""
    try:
        return Locale.parse(f"{lang}_{country}")
    except (ValueError, LookupError, UnknownLocaleError):
        return Locale.parse(lang)


@lru_cache(maxsize=MEMO)
def money(amount: Decimal, currency: str, locale: Locale) -> str:
    """`$75,129` or `75 129 $`; cents only when there are any (`$669.57`). Remembered by value:
    equal amounts are written alike, whatever their trailing zeros."""
    if amount == amount.to_integral_value():
        pattern = locale.currency_formats["standard"].pattern.split(";")[0]
        whole = pattern.replace(".00", "").replace(",00", "")
        return format_currency(amount, currency, format=whole, locale=locale,
                               currency_digits=False)
    return format_currency(amount, currency, locale=locale)


def pay(salary: Salary, lang: str, locale: Locale) -> str:
    """Pay in words: `$669.57 to $892.75 a week`."""
    t = translator(lang)
    low = money(salary.min, salary.currency, locale)
    per = t(PERIODS[salary.per])
    if salary.max is None or salary.max == salary.min:
        return t("{low} {per}").format(low=low, per=per)
    high = money(salary.max, salary.currency, locale)
    return t("{low} to {high} {per}").format(low=low, high=high, per=per)


@lru_cache(maxsize=MEMO)
def number(value: Decimal, locale: Locale) -> str:
    """A plain number (36.25 or 36,25)."""
    return format_decimal(value, locale=locale)


def first_of_month(text: str, day: date | datetime, locale: Locale) -> str:
    """French writes the first of the month as an ordinal: `1er décembre`."""
    if locale.language != "fr" or day.day != 1:
        return text
    return re.sub(r"(^|\s)1(\s)", r"\g<1>1er\2", text, count=1)


def long_date(day: date | datetime, locale: Locale) -> str:
    """`Friday, November 10, 2023` / `vendredi 10 novembre 2023`: the day as its own clock
    reads it."""
    return full_date(day.date() if isinstance(day, datetime) else day, locale)


@lru_cache(maxsize=MEMO)
def full_date(day: date, locale: Locale) -> str:
    """A calendar day with its weekday, remembered by day (two instants of one day share it)."""
    return first_of_month(format_date(day, "full", locale=locale), day, locale)


@lru_cache(maxsize=MEMO)
def calendar_date(day: date, locale: Locale) -> str:
    """`January 2, 2024` / `2 janvier 2024` (`1er février 2027`)."""
    return first_of_month(format_date(day, "long", locale=locale), day, locale)


NBSP = "\u00a0"
MINUS = "\u2212"

@dataclass(frozen=True)
class Region:
    """One of Canada's time zones: its standard offset from UTC in minutes, its name in
    English and in French, and the letter that ends its French abbreviations (HNE, HAE)."""

    offset: int
    english: str
    french: str
    letter: str


# Canada's time zones as the Government of Canada names them, by the letter that starts the tz
# database's abbreviation (EST, NDT). CLDR's en_CA says "Eastern Daylight Saving Time" and
# fr_CA abbreviates Atlantic daylight time HEA; Canadian usage is "Eastern Daylight Time", HAA.
CANADIAN_ZONES = {
    "N": Region(-210, "Newfoundland", "de Terre-Neuve", "T"),
    "A": Region(-240, "Atlantic", "de l’Atlantique", "A"),
    "E": Region(-300, "Eastern", "de l’Est", "E"),
    "C": Region(-360, "Central", "du Centre", "C"),
    "M": Region(-420, "Mountain", "des Rocheuses", "R"),
    "P": Region(-480, "Pacific", "du Pacifique", "P"),
}


@dataclass(frozen=True)
class ZoneName:
    """A zone's name on one date: `Eastern Standard Time` and `EST`; no long name where CLDR
    has only an offset."""

    long: str | None
    short: str


def clock(local: datetime, locale: Locale) -> str:
    """`5:00 p.m.`, `noon`; in French `17 h`, `8 h 30`, as both languages write times in prose
    (CLDR's narrow no-break space before `p.m.` reads as none in most fonts: a full one)."""
    if locale.language == "fr":
        return f"{local.hour}{NBSP}h" + (f"{NBSP}{local.minute:02d}" if local.minute else "")
    if locale.language == "en" and (local.hour, local.minute) == (12, 0):
        return "noon"
    return format_time(local, "short", locale=locale).replace(" ", NBSP).replace("\u202f", NBSP)


def offset_minutes(local: datetime) -> int:
    """The offset from UTC in minutes (-210 in Newfoundland in winter)."""
    offset = local.utcoffset()
    return int(offset.total_seconds() // 60) if offset else 0


def offset_name(local: datetime) -> str:
    """`UTC`, `UTC+1`, `UTC−3:30`: an abbreviation any reader can work out, where CLDR has none."""
    minutes = offset_minutes(local)
    if not minutes:
        return "UTC"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes > 0 else MINUS}{hours}" + (f":{rest:02d}" if rest else "")


def canadian_zone(local: datetime, locale: Locale) -> ZoneName | None:
    """A Canadian zone's name in English or French; None elsewhere, or when the abbreviation
    belongs to another zone (China's CST is not Central: the offset must agree)."""
    abbr = local.tzname() or ""
    region = CANADIAN_ZONES.get(abbr[0]) if re.fullmatch(r"[A-Z][SD]T", abbr) else None
    daylight = abbr[1:2] == "D"
    if region is None or offset_minutes(local) != region.offset + 60 * daylight:
        return None
    if locale.language == "en":
        return ZoneName(f"{region.english} {'Daylight' if daylight else 'Standard'} Time", abbr)
    if locale.language == "fr":
        return ZoneName(f"heure {'avancée' if daylight else 'normale'} {region.french}",
                        f"H{'A' if daylight else 'N'}{region.letter}")
    return None


def zone_name(local: datetime, locale: Locale) -> ZoneName:
    """The zone's name true on that date: Canadian usage where it applies, else CLDR's."""
    canadian = canadian_zone(local, locale)
    if canadian:
        return canadian
    long = get_timezone_name(local, "long", locale=locale)
    return ZoneName(None if any(c.isdigit() for c in long) else long, offset_name(local))


def deadline_text(at: datetime, zone: ZoneInfo, lang: str, locale: Locale) -> str:
    """The deadline, date first, short enough for a card: `Friday, November 10, 2023, at
    5:00 p.m. EST` / `vendredi 10 novembre 2023 à 17 h (HNE)`."""
    return written_deadline(at.astimezone(UTC), zone, lang, locale, spelled=False)


def deadline_long(at: datetime, zone: ZoneInfo, lang: str, locale: Locale) -> str:
    """The deadline with the zone's name spelled out once, for the posting's own page:
    `…, at 5:00 p.m. Eastern Standard Time (EST)` / `… à 17 h, heure normale de l’Est (HNE)`."""
    return written_deadline(at.astimezone(UTC), zone, lang, locale, spelled=True)


@lru_cache(maxsize=MEMO)
def written_deadline(at: datetime, zone: ZoneInfo, lang: str, locale: Locale,
                     spelled: bool) -> str:
    """A deadline in words, remembered by its instant in UTC (so the two hours a DST change
    repeats stay apart), zone, language and locale; `spelled` names the zone in full where
    it has a name."""
    local = at.astimezone(zone)
    name, t = zone_name(local, locale), translator(lang)
    if spelled and name.long is not None:
        time = t("{time} {zone} ({abbr})").format(time=clock(local, locale), zone=name.long,
                                                   abbr=name.short)
        return t("{date}, at {time}").format(date=long_date(local, locale), time=time)
    time = t("{time} {zone}").format(time=clock(local, locale), zone=name.short)
    return t("{date}, at {time}").format(date=long_date(local, locale),
                                        time=time.replace(" ", NBSP))
