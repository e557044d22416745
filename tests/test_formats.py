"""SPEC §5: dates, times and money written the way each language writes them.

Babel (CLDR) separates French thousands, amounts and `$` with a no-break space (U+00A0) or a
narrow no-break space (U+202F), and English times from `p.m.` with U+202F. Both are right for
print; the tests compare text after turning those two into a plain space, so that they check
the words and the order, not which kind of space CLDR chose.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo, available_timezones

import pytest

from openings.messages import translator
from openings.model import Salary
from openings.time.formats import (
    calendar_date,
    deadline_long,
    deadline_text,
    locale_for,
    long_date,
    money,
    pay,
)
from openings.time.timeline import END_OF_DAY, parse_moment

TORONTO = ZoneInfo("America/Toronto")
EN = locale_for("en", "CA")
FR = locale_for("fr", "CA")
LOCALES = {"en": EN, "fr": FR}


def plain(text: str) -> str:
    """Text with no-break spaces (U+00A0, U+202F) turned into plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def deadline_at(text: str, zone: ZoneInfo = TORONTO) -> datetime:
    moment = parse_moment(text, zone, END_OF_DAY)
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
#
# As a Canadian public service writes it: the date, then the time, then the zone (SPEC §5), so
# that "Apply by …" and "Closed on …" (in French "Postulez au plus tard le …" and "Fermé le …")
# read as one sentence with one text; the zone's abbreviation on cards, its name spelled out
# once on the posting's page.


def long_in(lang: str, text: str, zone: ZoneInfo = TORONTO) -> str:
    return plain(deadline_long(deadline_at(text, zone), zone, lang, LOCALES[lang]))


@pytest.mark.parametrize(("when", "english", "french"), [
    ("2023-11-10T17:00:00-05:00", "Friday, November 10, 2023, at 5:00 p.m. EST",
     "vendredi 10 novembre 2023 à 17 h (HNE)"),
    ("2027-07-15 17:00", "Thursday, July 15, 2027, at 5:00 p.m. EDT",
     "jeudi 15 juillet 2027 à 17 h (HAE)"),
    ("2027-01-15 12:00", "Friday, January 15, 2027, at noon EST",
     "vendredi 15 janvier 2027 à 12 h (HNE)"),
    ("2027-01-15 08:30", "Friday, January 15, 2027, at 8:30 a.m. EST",
     "vendredi 15 janvier 2027 à 8 h 30 (HNE)"),
    ("2026-12-04", "Friday, December 4, 2026, at 11:59 p.m. EST",
     "vendredi 4 décembre 2026 à 23 h 59 (HNE)"),
    ("2027-02-01 17:00", "Monday, February 1, 2027, at 5:00 p.m. EST",
     "lundi 1er février 2027 à 17 h (HNE)"),
], ids=["standard-time", "daylight-time", "noon", "half-past-eight", "date-only", "first"])
def test_a_deadline_reads_date_first_then_time_then_zone(when, english, french):
    assert deadline_in("en", when) == english
    assert deadline_in("fr", when) == french


def test_the_labels_and_the_deadline_read_as_one_sentence_in_both_languages():
    en, fr = translator("en"), translator("fr")
    when = "2023-11-10T17:00:00-05:00"
    assert f"{en('Closed on')} {deadline_in('en', when)}" == \
        "Closed on Friday, November 10, 2023, at 5:00 p.m. EST"
    assert f"{fr('Apply by')} {deadline_in('fr', when)}" == \
        "Postulez au plus tard le vendredi 10 novembre 2023 à 17 h (HNE)"
    assert f"{fr('Closed on')} {deadline_in('fr', when)}" == \
        "Fermé le vendredi 10 novembre 2023 à 17 h (HNE)"


def test_the_posting_page_spells_out_the_zone_as_canadians_name_it():
    assert long_in("en", "2023-11-10T17:00:00-05:00") == \
        "Friday, November 10, 2023, at 5:00 p.m. Eastern Standard Time (EST)"
    assert long_in("fr", "2023-11-10T17:00:00-05:00") == \
        "vendredi 10 novembre 2023 à 17 h, heure normale de l\u2019Est (HNE)"
    assert long_in("en", "2027-07-15 17:00") == \
        "Thursday, July 15, 2027, at 5:00 p.m. Eastern Daylight Time (EDT)"
    assert long_in("fr", "2027-07-15 17:00") == \
        "jeudi 15 juillet 2027 à 17 h, heure avancée de l\u2019Est (HAE)"


def test_summer_time_is_daylight_time_never_daylight_saving_time():
    # CLDR's en_CA says "Eastern Daylight Saving Time"; no Canadian government writes that.
    assert "Saving" not in long_in("en", "2027-07-15 17:00")


@pytest.mark.parametrize(("when", "english", "french"), [
    # Spring forward on 14 March 2027: 01:30 is still standard time, 03:00 already daylight.
    ("2027-03-14 01:30", "Sunday, March 14, 2027, at 1:30 a.m. EST",
     "dimanche 14 mars 2027 à 1 h 30 (HNE)"),
    ("2027-03-14 03:00", "Sunday, March 14, 2027, at 3:00 a.m. EDT",
     "dimanche 14 mars 2027 à 3 h (HAE)"),
    ("2027-03-14 17:00", "Sunday, March 14, 2027, at 5:00 p.m. EDT",
     "dimanche 14 mars 2027 à 17 h (HAE)"),
    # Fall back on 1 November 2026: 01:30 happens twice; each is told with its own zone.
    ("2026-11-01T01:30:00-04:00", "Sunday, November 1, 2026, at 1:30 a.m. EDT",
     "dimanche 1er novembre 2026 à 1 h 30 (HAE)"),
    ("2026-11-01T01:30:00-05:00", "Sunday, November 1, 2026, at 1:30 a.m. EST",
     "dimanche 1er novembre 2026 à 1 h 30 (HNE)"),
    ("2026-11-01 17:00", "Sunday, November 1, 2026, at 5:00 p.m. EST",
     "dimanche 1er novembre 2026 à 17 h (HNE)"),
], ids=["spring-before", "spring-after", "spring-evening", "fall-first", "fall-second",
        "fall-evening"])
def test_a_deadline_on_a_day_the_clocks_change_names_the_zone_true_at_that_hour(
        when, english, french):
    assert deadline_in("en", when) == english
    assert deadline_in("fr", when) == french


def test_an_ambiguous_fall_back_time_reads_as_the_earlier_one():
    assert deadline_in("en", "2026-11-01 01:30") == "Sunday, November 1, 2026, at 1:30 a.m. EDT"


@pytest.mark.parametrize(("zone", "when", "english", "french"), [
    ("America/St_Johns", "2026-12-04 16:30",
     "Friday, December 4, 2026, at 4:30 p.m. NST", "vendredi 4 décembre 2026 à 16 h 30 (HNT)"),
    ("America/St_Johns", "2027-07-15 16:30",
     "Thursday, July 15, 2027, at 4:30 p.m. NDT", "jeudi 15 juillet 2027 à 16 h 30 (HAT)"),
    ("America/Halifax", "2027-07-15 17:00",
     "Thursday, July 15, 2027, at 5:00 p.m. ADT", "jeudi 15 juillet 2027 à 17 h (HAA)"),
    ("America/Winnipeg", "2026-12-04 17:00",
     "Friday, December 4, 2026, at 5:00 p.m. CST", "vendredi 4 décembre 2026 à 17 h (HNC)"),
    ("America/Regina", "2027-07-15 17:00",
     "Thursday, July 15, 2027, at 5:00 p.m. CST", "jeudi 15 juillet 2027 à 17 h (HNC)"),
    ("America/Edmonton", "2027-07-15 17:00",
     "Thursday, July 15, 2027, at 5:00 p.m. MDT", "jeudi 15 juillet 2027 à 17 h (HAR)"),
    ("America/Whitehorse", "2027-07-15 17:00",
     "Thursday, July 15, 2027, at 5:00 p.m. MST", "jeudi 15 juillet 2027 à 17 h (HNR)"),
    ("America/Vancouver", "2026-12-04 17:00",
     "Friday, December 4, 2026, at 5:00 p.m. PST", "vendredi 4 décembre 2026 à 17 h (HNP)"),
], ids=["newfoundland", "newfoundland-summer", "atlantic-summer", "central", "saskatchewan",
        "mountain-summer", "yukon", "pacific"])
def test_every_canadian_zone_has_its_canadian_abbreviation(zone, when, english, french):
    here = ZoneInfo(zone)
    at = deadline_at(when, here)
    assert plain(deadline_text(at, here, "en", EN)) == english
    assert plain(deadline_text(at, here, "fr", FR)) == french


def test_newfoundland_time_is_spelled_out_with_its_half_hour():
    here = ZoneInfo("America/St_Johns")
    assert long_in("en", "2026-12-04 16:30", here) == \
        "Friday, December 4, 2026, at 4:30 p.m. Newfoundland Standard Time (NST)"
    assert long_in("fr", "2026-12-04 16:30", here) == \
        "vendredi 4 décembre 2026 à 16 h 30, heure normale de Terre-Neuve (HNT)"
    # 17:00 in Toronto is 18:30 in St. John's.
    toronto = deadline_at("2026-12-04 17:00")
    assert plain(deadline_text(toronto, here, "en", EN)).endswith("at 6:30 p.m. NST")


@pytest.mark.parametrize(("zone", "english", "french"), [
    ("Europe/Paris", "Friday, December 4, 2026, at 5:00 p.m. UTC+1",
     "vendredi 4 décembre 2026 à 17 h (UTC+1)"),
    ("Asia/Kolkata", "Friday, December 4, 2026, at 5:00 p.m. UTC+5:30",
     "vendredi 4 décembre 2026 à 17 h (UTC+5:30)"),
    ("America/Sao_Paulo", "Friday, December 4, 2026, at 5:00 p.m. UTC\u22123",
     "vendredi 4 décembre 2026 à 17 h (UTC\u22123)"),
    ("Asia/Shanghai", "Friday, December 4, 2026, at 5:00 p.m. UTC+8",
     "vendredi 4 décembre 2026 à 17 h (UTC+8)"),
    ("UTC", "Friday, December 4, 2026, at 5:00 p.m. UTC",
     "vendredi 4 décembre 2026 à 17 h (UTC)"),
], ids=["paris", "kolkata", "sao-paulo", "shanghai-cst-is-not-central", "utc"])
def test_a_zone_outside_canada_is_named_by_its_offset_from_utc(zone, english, french):
    here = ZoneInfo(zone)
    at = deadline_at("2026-12-04 17:00", here)
    assert plain(deadline_text(at, here, "en", EN)) == english
    assert plain(deadline_text(at, here, "fr", FR)) == french


def test_a_zone_outside_canada_is_spelled_out_with_cldrs_name():
    here = ZoneInfo("Europe/Paris")
    assert long_in("en", "2026-12-04 17:00", here) == \
        "Friday, December 4, 2026, at 5:00 p.m. Central European Standard Time (UTC+1)"
    assert long_in("fr", "2026-12-04 17:00", here) == \
        "vendredi 4 décembre 2026 à 17 h, heure normale de l\u2019Europe centrale (UTC+1)"
    kolkata = ZoneInfo("Asia/Kolkata")         # CLDR has only "GMT+05:30": said once
    assert long_in("en", "2026-12-04 17:00", kolkata) == \
        "Friday, December 4, 2026, at 5:00 p.m. UTC+5:30"


def test_every_iana_zone_gives_a_deadline_a_reader_can_read():
    # No CLDR fallback such as "GMT+05:30" or "-0700", and no placeholder left unfilled.
    unreadable = []
    for name in sorted(available_timezones()):
        here = ZoneInfo(name)
        for month in (1, 7):
            at = datetime(2027, month, 15, 22, 0, tzinfo=UTC)
            for lang in ("en", "fr"):
                for words in (deadline_text, deadline_long):
                    text = words(at, here, lang, LOCALES[lang])
                    if re.search(r"GMT|[+-]\d{4}|[{}]", text):
                        unreadable.append((name, text))
    assert unreadable == []


def test_the_time_and_its_zone_never_part_at_a_line_break():
    assert deadline_text(deadline_at("2023-11-10T17:00:00-05:00"), TORONTO, "en", EN) \
        .endswith("at 5:00\u00a0p.m.\u00a0EST")
    assert deadline_text(deadline_at("2027-01-15 08:30"), TORONTO, "fr", FR) \
        .endswith("à 8\u00a0h\u00a030\u00a0(HNE)")


def test_the_deadline_is_dated_in_the_site_zone_not_in_utc():
    # 23:59 on 4 December in Toronto is already 5 December in UTC.
    at = deadline_at("2026-12-04")
    assert at.astimezone(UTC).day == 5
    assert "December 4, 2026" in deadline_in("en", "2026-12-04")
    assert "December 5" not in deadline_in("en", "2026-12-04")


def test_a_deadline_given_in_another_offset_is_told_in_site_time():
    # 16:00 in Vancouver (UTC-8) is 19:00 in Toronto.
    assert deadline_in("en", "2026-11-24T16:00:00-08:00").endswith("at 7:00 p.m. EST")
    assert deadline_in("fr", "2026-11-24T16:00:00-08:00").endswith("à 19 h (HNE)")


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
