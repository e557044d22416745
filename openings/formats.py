"""Dates, times, zones and money written the way each language writes them (Babel, CLDR)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_timezone_name
from babel.numbers import format_currency, format_decimal

from .messages import PERIODS, translator
from .model import Salary


@cache
def locale_for(lang: str, country: str) -> Locale:
    """The CLDR locale for a language as written in the site's country (en_CA, fr_CA)."""
    try:
        return Locale.parse(f"{lang}_{country}")
    except (ValueError, LookupError, UnknownLocaleError):
        return Locale.parse(lang)


def money(amount: Decimal, currency: str, locale: Locale) -> str:
    """`$75,129` or `75 129 $`; cents only when there are any (`$669.57`)."""
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


def number(value: Decimal, locale: Locale) -> str:
    """A plain number (36.25 or 36,25)."""
    return format_decimal(value, locale=locale)


def first_of_month(text: str, day: date | datetime, locale: Locale) -> str:
    """French writes the first of the month as an ordinal: `1er décembre`."""
    if locale.language != "fr" or day.day != 1:
        return text
    return re.sub(r"(^|\s)1(\s)", r"\g<1>1er\2", text, count=1)


def long_date(day: date | datetime, locale: Locale) -> str:
    """`Friday, November 10, 2023` / `vendredi 10 novembre 2023`."""
    return first_of_month(format_date(day, "full", locale=locale), day, locale)


def calendar_date(day: date, locale: Locale) -> str:
    """`January 2, 2024` / `2 janvier 2024` (`1er février 2027`)."""
    return first_of_month(format_date(day, "long", locale=locale), day, locale)


def deadline_text(at: datetime, zone: ZoneInfo, lang: str, locale: Locale) -> str:
    """The deadline in full, with the zone's name and the abbreviation true on that date."""
    local = at.astimezone(zone)
    t = translator(lang)
    return t("{time} {zone} ({abbr}), {date}").format(
        time=format_time(local, "short", locale=locale).replace(" ", "\u00a0"),
        zone=get_timezone_name(local, "long", locale=locale),
        abbr=get_timezone_name(local, "short", locale=locale),
        date=long_date(local, locale),
    )
