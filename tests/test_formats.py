"""SPEC §5: dates, times and money written the way each language writes them.

Babel (CLDR) separates French thousands, amounts and `$` with a no-break space (U+00A0) or a
narrow no-break space (U+202F), and English times from `p.m.` with U+202F. Both are right for
print; the tests compare text after turning those two into a plain space, so that they check
the words and the order, not which kind of space CLDR chose.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from openings.formats import calendar_date, deadline_text, locale_for, long_date, money, pay
from openings.model import Salary
from openings.timeline import END_OF_DAY, parse_moment

TORONTO = ZoneInfo("America/Toronto")
EN = locale_for("en", "CA")
FR = locale_for("fr", "CA")
LOCALES = {"en": EN, "fr": FR}


def plain(text: str) -> str:
    """Text with no-break spaces (U+00A0, U+202F) turned into plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def deadline_at(text: str) -> datetime:
    moment = parse_moment(text, TORONTO, END_OF_DAY)
    assert not isinstance(moment, str), moment
    return moment.at


def deadline_in(lang: str, text: str) -> str:
    return plain(deadline_text(deadline_at(text), TORONTO, lang, LOCALES[lang]))


def salary(low: str, high: str | None, per: str) -> Salary:
    return Salary(Decimal(low), Decimal(high) if high else None, per, "CAD", None)


def pay_in(lang: str, pay_salary: Salary) -> str:
    return plain(pay(pay_salary, lang, LOCALES[lang]))


# --- Locales --------------------------------------------------------------------------------


def test_english_and_french_are_written_as_in_canada():
    assert str(EN) == "en_CA"
    assert str(FR) == "fr_CA"


@pytest.mark.parametrize("lang", ["es", "de", "zh"])
def test_a_language_without_a_canadian_variant_falls_back_to_the_language(lang):
    assert str(locale_for(lang, "CA")) == lang


# --- Money ----------------------------------------------------------------------------------


def test_a_whole_amount_in_english_has_no_cents():
    assert money(Decimal("75129"), "CAD", EN) == "$75,129"


def test_a_whole_amount_in_french_has_no_cents_and_the_dollar_sign_after():
    assert plain(money(Decimal("75129"), "CAD", FR)) == "75 129 $"


def test_french_money_uses_no_break_spaces_so_it_never_wraps():
    text = money(Decimal("75129"), "CAD", FR)
    assert " " not in text


def test_cents_are_kept_when_there_are_any():
    assert money(Decimal("669.57"), "CAD", EN) == "$669.57"
    assert plain(money(Decimal("669.57"), "CAD", FR)) == "669,57 $"


def test_cents_are_written_with_two_digits():
    assert money(Decimal("669.5"), "CAD", EN) == "$669.50"
    assert plain(money(Decimal("669.5"), "CAD", FR)) == "669,50 $"


def test_zero_cents_count_as_no_cents():
    assert money(Decimal("75129.00"), "CAD", EN) == "$75,129"
    assert plain(money(Decimal("75129.00"), "CAD", FR)) == "75 129 $"


def test_large_amounts_are_grouped_in_thousands():
    assert money(Decimal("1250000"), "CAD", EN) == "$1,250,000"
    assert plain(money(Decimal("1250000"), "CAD", FR)) == "1 250 000 $"


# --- Pay ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("per", "english", "french"), [
    ("hour", "$25.50 to $31.75 an hour", "25,50 $ à 31,75 $ l\u2019heure"),
    ("day", "$25.50 to $31.75 a day", "25,50 $ à 31,75 $ par jour"),
    ("week", "$25.50 to $31.75 a week", "25,50 $ à 31,75 $ par semaine"),
    ("month", "$25.50 to $31.75 a month", "25,50 $ à 31,75 $ par mois"),
    ("year", "$25.50 to $31.75 a year", "25,50 $ à 31,75 $ par année"),
])
def test_a_pay_range_says_its_period_in_words_in_both_languages(per, english, french):
    band = salary("25.50", "31.75", per)
    assert pay_in("en", band) == english
    assert pay_in("fr", band) == french


def test_the_data_co_op_weekly_pay_range():
    band = salary("669.57", "892.75", "week")
    assert pay_in("en", band) == "$669.57 to $892.75 a week"
    assert pay_in("fr", band) == "669,57 $ à 892,75 $ par semaine"


def test_a_yearly_range_of_whole_dollars_has_no_cents():
    band = salary("75129", "93000", "year")
    assert pay_in("en", band) == "$75,129 to $93,000 a year"
    assert pay_in("fr", band) == "75 129 $ à 93 000 $ par année"


def test_pay_without_a_maximum_is_a_single_amount():
    band = salary("75129", None, "year")
    assert pay_in("en", band) == "$75,129 a year"
    assert pay_in("fr", band) == "75 129 $ par année"


def test_pay_whose_maximum_equals_its_minimum_is_a_single_amount():
    band = salary("18.50", "18.50", "hour")
    assert pay_in("en", band) == "$18.50 an hour"
    assert pay_in("fr", band) == "18,50 $ l\u2019heure"


# --- Dates ----------------------------------------------------------------------------------


def test_a_calendar_date_in_english():
    assert calendar_date(date(2026, 12, 4), EN) == "December 4, 2026"


def test_a_calendar_date_in_french():
    assert calendar_date(date(2026, 12, 4), FR) == "4 décembre 2026"


def test_a_long_date_names_the_weekday():
    assert date(2026, 12, 4).weekday() == 4  # a Friday
    assert plain(long_date(date(2026, 12, 4), EN)) == "Friday, December 4, 2026"
    assert plain(long_date(date(2026, 12, 4), FR)) == "vendredi 4 décembre 2026"


# --- The deadline in words ------------------------------------------------------------------


def test_a_date_only_deadline_reads_1159_pm_in_english():
    text = deadline_in("en", "2026-12-04")
    assert "11:59 p.m." in text
    assert "December 4, 2026" in text


def test_a_date_only_deadline_reads_23_h_59_in_french():
    text = deadline_in("fr", "2026-12-04")
    assert "23 h 59" in text
    assert "4 décembre 2026" in text


def test_the_deadline_is_dated_in_the_site_zone_not_in_utc():
    # 23:59 on 4 December in Toronto is already 5 December in UTC.
    at = deadline_at("2026-12-04")
    assert at.astimezone(UTC).day == 5
    assert "December 4, 2026" in deadline_in("en", "2026-12-04")
    assert "December 5" not in deadline_in("en", "2026-12-04")


def test_the_data_co_op_deadline_reads_eastern_standard_time_never_daylight():
    text = deadline_in("en", "2023-11-10T17:00:00-05:00")
    assert "5:00 p.m." in text
    assert "Eastern Standard Time" in text
    assert "EST" in text
    assert "EDT" not in text
    assert "Daylight" not in text
    assert "November 10, 2023" in text


def test_the_data_co_op_deadline_in_french_reads_heure_normale():
    text = deadline_in("fr", "2023-11-10T17:00:00-05:00")
    assert "17 h 00" in text
    assert "heure normale de l\u2019Est" in text
    assert "HNE" in text
    assert "HAE" not in text
    assert "10 novembre 2023" in text


def test_a_july_deadline_reads_eastern_daylight_time():
    text = deadline_in("en", "2027-07-15 17:00")
    assert "5:00 p.m." in text
    assert "EDT" in text
    assert "EST" not in text
    assert "July 15, 2027" in text


def test_a_july_deadline_in_french_reads_heure_avancee():
    text = deadline_in("fr", "2027-07-15 17:00")
    assert "17 h 00" in text
    assert "HAE" in text
    assert "HNE" not in text
    assert "15 juillet 2027" in text


def test_a_deadline_given_in_another_offset_is_told_in_site_time():
    # 16:00 in Vancouver (UTC-8) is 19:00 in Toronto.
    assert "7:00 p.m." in deadline_in("en", "2026-11-24T16:00:00-08:00")
    assert "19 h 00" in deadline_in("fr", "2026-11-24T16:00:00-08:00")


def test_the_deadline_text_is_the_same_for_an_instant_given_in_utc_or_local_time():
    local = datetime(2026, 12, 4, 17, 0, tzinfo=TORONTO)
    assert (deadline_text(local, TORONTO, "en", EN)
            == deadline_text(local.astimezone(UTC), TORONTO, "en", EN))


def test_french_writes_the_first_of_the_month_as_an_ordinal() -> None:
    from datetime import date as day

    french = locale_for("fr", "CA")
    assert calendar_date(day(2027, 2, 1), french) == "1er février 2027"
    assert long_date(day(2026, 12, 1), french) == "mardi 1er décembre 2026"
    assert calendar_date(day(2027, 2, 11), french) == "11 février 2027"
    assert calendar_date(day(2027, 2, 1), locale_for("en", "CA")) == "February 1, 2027"
