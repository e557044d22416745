"""Posting rules (SPEC §6), each failing and passing, in English and French, and relaxable."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from openings import check_site
from tests.conftest import SITE_YML, make_content, posting

NOW = datetime(2026, 11, 29, 17, 0, tzinfo=UTC)


def found(tmp_path: Path, text: str, site_yml: str = SITE_YML) -> list[tuple[int, str, str]]:
    """(line, severity, rule) of each rule problem a posting raises."""
    folder = make_content(tmp_path, {"job.md": text}, site_yml)
    return [(p.line, p.severity, p.message.rsplit("[", 1)[-1].rstrip("]"))
            for p in check_site(folder, NOW) if p.message.endswith("]")]


def job(lang: str = "en") -> str:
    """A valid 2026 posting in one language."""
    return posting("Analyste" if lang == "fr" else "Analyst", lang=lang)


def swap(text: str, old: str, new: str) -> str:
    """A posting with one passage replaced."""
    assert old in text, old
    return text.replace(old, new)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_valid_postings_break_no_rule(tmp_path: Path, lang: str) -> None:
    assert found(tmp_path, job(lang)) == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_pay_range_wider_than_50000_a_year_is_an_error(tmp_path: Path, lang: str) -> None:
    wide = swap(job(lang), "max: 85000", "max: 120001")
    assert found(tmp_path, wide) == [(10, "error", "pay-range")]
    assert found(tmp_path / "ok", swap(job(lang), "max: 85000", "max: 120000")) == []


def test_hourly_pay_is_compared_a_year_at_the_postings_hours(tmp_path: Path) -> None:
    hourly = swap(swap(job(), "min: 70000", "min: 30"), "max: 85000", "max: 57")
    hourly = swap(hourly, "per: year", "per: hour")
    assert found(tmp_path, hourly) == [(10, "error", "pay-range")]  # 27 x 36.25 x 52 = 50,895
    assert found(tmp_path / "ok", swap(hourly, "max: 57", "max: 56")) == []  # 49,010


def test_a_range_topping_200000_a_year_may_be_wider(tmp_path: Path) -> None:
    senior = swap(swap(job(), "min: 70000", "min: 150000"), "max: 85000", "max: 200001")
    assert found(tmp_path, senior) == []


def test_postings_from_before_2026_or_outside_ontario_are_not_held_to_the_act(
        tmp_path: Path) -> None:
    wide = swap(job(), "max: 85000", "max: 150000")
    old = swap(wide, "posted: 2026-11-01", "posted: 2025-12-31")
    assert found(tmp_path, old) == []
    away = swap(wide, "location: Toronto, Ontario", "location: Calgary, Alberta")
    assert found(tmp_path / "away", away) == []


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("key", "rule"), [("existing_vacancy: true\n", "vacancy-disclosure"),
                                           ("ai_screening: false\n", "ai-disclosure")])
def test_the_vacancy_and_ai_statements_are_required(tmp_path: Path, lang: str, key: str,
                                                    rule: str) -> None:
    assert found(tmp_path, swap(job(lang), key, "")) == [(1, "error", rule)]


@pytest.mark.parametrize(("lang", "wording", "line"), [
    ("en", "Canadian experience is required.", 25),
    ("en", "You need 2 years of Canadian work experience.", 25),
    ("en", "Experience in Canada is an asset.", 25),
    ("fr", "Une expérience canadienne est exigée.", 25),
    ("fr", "Expérience de travail au Canada requise.", 25),
])
def test_no_wording_may_ask_for_canadian_experience(tmp_path: Path, lang: str, wording: str,
                                                    line: int) -> None:
    text = job(lang) + wording + "\n"
    assert found(tmp_path, text) == [(line, "error", "canadian-experience")]


def test_canadian_experience_is_caught_in_the_title_too(tmp_path: Path) -> None:
    text = swap(job(), "title: Analyst", "title: Analyst (Canadian experience)")
    assert found(tmp_path, text) == [(2, "error", "canadian-experience")]
    fine = job() + "Experience gained anywhere counts. We welcome newcomers to Canada.\n"
    assert found(tmp_path / "ok", fine) == []


def test_canadian_experience_is_caught_in_a_postings_own_facts(tmp_path: Path) -> None:
    text = swap(job(), "ai_screening: false\n",
                "ai_screening: false\nlanguage_requirement: English and Canadian experience\n")
    assert found(tmp_path, text) == [(21, "error", "canadian-experience")]


def test_the_accommodation_notice_must_be_configured(tmp_path: Path) -> None:
    settings = SITE_YML.replace("accommodation:\n  email: access@example.ca\n", "")
    folder = make_content(tmp_path, {"job.md": job()}, settings)
    [problem] = check_site(folder, NOW)
    assert (problem.path.endswith("site.yml"), problem.line, problem.severity) == (True, 1,
                                                                                  "error")
    assert "[accommodation-notice]" in problem.message


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_deadline_must_come_after_the_posted_date(tmp_path: Path, lang: str) -> None:
    text = swap(job(lang), "deadline: 2027-01-15", "deadline: 2026-10-31")
    assert (15, "error", "deadline-after-posted") in found(tmp_path, text)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_posting_open_fewer_than_the_minimum_days_is_a_warning(tmp_path: Path,
                                                                  lang: str) -> None:
    short = swap(job(lang), "deadline: 2027-01-15", "deadline: 2026-11-05")
    assert found(tmp_path, short) == [(15, "warning", "minimum-open-days")]
    settings = SITE_YML + "minimum_open_days: 3\n"
    assert found(tmp_path / "ok", short, settings) == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_links_that_look_broken_or_insecure_are_warnings(tmp_path: Path, lang: str) -> None:
    text = job(lang) + ("[one](http://www.ontario.ca/jobs)\n\n[two](www.ontario.ca)\n\n"
                        "[three](htp://ontario.ca)\n\n[four](https://www.ontario.ca/page/jobs)\n")
    assert found(tmp_path, text) == [(25, "warning", "link-https"),
                                     (27, "warning", "link-malformed"),
                                     (29, "warning", "link-malformed")]


def test_the_site_may_relax_a_rule_to_a_warning_or_turn_it_off(tmp_path: Path) -> None:
    wide = swap(job(), "max: 85000", "max: 150000") + "[a](http://x.ca)\n"
    relaxed = SITE_YML + "rules:\n  pay-range: warning\n  link-https: off\n"
    assert found(tmp_path, wide, relaxed) == [(10, "warning", "pay-range")]


def test_an_unknown_rule_name_in_site_yml_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"job.md": job()}, SITE_YML + "rules:\n  pay-ranges: off\n")
    [problem] = check_site(folder, NOW)
    assert (problem.line, problem.message) == (
        14, "there is no rule `pay-ranges`; did you mean `pay-range`?")


NO_PAY = "salary:\n  min: 70000\n  max: 85000\n  per: year\n"
BREAKS = {
    "pay-stated": lambda text: swap(text, NO_PAY, ""),
    "pay-range": lambda text: swap(text, "max: 85000", "max: 120001"),
    "ai-disclosure": lambda text: swap(text, "ai_screening: false\n", ""),
    "vacancy-disclosure": lambda text: swap(text, "existing_vacancy: true\n", ""),
    "canadian-experience": lambda text: text + "Canadian experience is required.\n",
}
OUTSIDE = "location:\n  - Calgary, Alberta\n  - Gatineau (Québec)\n"
PARTLY_INSIDE = "location:\n  - Gatineau (Québec)\n  - Ottawa, Ontario\n"


@pytest.mark.parametrize("rule", sorted(BREAKS))
def test_each_law_rule_covers_work_in_ontario_and_exempts_work_outside_it_alike(
        tmp_path: Path, rule: str) -> None:
    broken = BREAKS[rule](job())
    [(_, severity, name)] = found(tmp_path / "in", broken)
    assert (severity, name) == ("error", rule)
    partly = swap(broken, "location: Toronto, Ontario\n", PARTLY_INSIDE)
    assert [name for _, _, name in found(tmp_path / "partly", partly)] == [rule]
    outside = swap(broken, "location: Toronto, Ontario\n", OUTSIDE)
    assert found(tmp_path / "out", outside) == []


def test_a_posting_the_act_covers_must_state_its_pay_at_the_opening_line(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"job.md": swap(job(), NO_PAY, "")})
    [problem] = [p for p in check_site(folder, NOW) if p.message.endswith("[pay-stated]")]
    assert (problem.line, problem.severity) == (1, "error")
    assert "state the expected pay or its range: add `salary:`" in problem.message


def test_the_pay_rule_may_be_relaxed_like_the_others(tmp_path: Path) -> None:
    relaxed = SITE_YML + "rules:\n  pay-stated: warning\n"
    assert found(tmp_path, swap(job(), NO_PAY, ""), relaxed) == [(1, "warning", "pay-stated")]


def test_a_posting_from_before_2026_without_pay_breaks_no_rule(tmp_path: Path) -> None:
    old = swap(swap(job(), NO_PAY, ""), "posted: 2026-11-01", "posted: 2016-06-15")
    old = swap(swap(old, "existing_vacancy: true\n", ""), "ai_screening: false\n", "")
    assert found(tmp_path, old + "Canadian experience is an asset.\n") == []


def test_a_postings_own_accommodation_contact_stands_in_for_the_sites(tmp_path: Path) -> None:
    settings = SITE_YML.replace("accommodation:\n  email: access@example.ca\n", "")
    own = swap(job(), "ai_screening: false\n",
               "ai_screening: false\naccommodation:\n  email: hr@example.ca\n")
    assert check_site(make_content(tmp_path, {"job.md": own}, settings), NOW) == []
    folder = make_content(tmp_path / "both", {"job.md": own, "other.md": posting("Other")},
                          settings)
    assert [p.message.rsplit("[", 1)[-1] for p in check_site(folder, NOW)] == [
        "accommodation-notice]"]
