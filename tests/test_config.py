"""content/site.yml: the site's settings, checked like postings."""

from __future__ import annotations

from openings.config import load_site
from tests.conftest import SITE_YML


def load(text: str) -> tuple[object, list[tuple[int, str]]]:
    """Load settings text; return the Site (or None) and the problems' lines and messages."""
    site, problems = load_site("site.yml", text.encode())
    return site, [(p.line, p.message) for p in problems]


def test_the_sample_settings_load() -> None:
    site, problems = load(SITE_YML)
    assert problems == []
    assert site is not None


def test_region_on_stays_the_text_on_not_a_yes() -> None:
    site, _ = load(SITE_YML.replace('region: "ON"', "region: ON"))
    assert getattr(site, "region", None) == "ON"


def test_a_wrong_time_zone_is_named() -> None:
    _, problems = load(SITE_YML.replace("America/Toronto", "Eastern"))
    assert problems == [(4, "`Eastern` is not an IANA time zone; write one like "
                            "America/Toronto")]


def test_the_default_language_must_be_listed() -> None:
    _, problems = load(SITE_YML.replace("default_lang: en", "default_lang: de"))
    assert problems == [(5, "`default_lang` must be one of `languages`")]


def test_base_url_must_be_a_web_address_and_gains_a_slash() -> None:
    _, problems = load(SITE_YML.replace("https://jobs.example.ca/", "jobs.example.ca"))
    assert problems and problems[0][0] == 3
    site, _ = load(SITE_YML.replace("https://jobs.example.ca/", "https://x.ca/careers"))
    assert getattr(site, "base_url", None) == "https://x.ca/careers/"


def test_unknown_settings_are_errors_with_a_suggestion() -> None:
    _, problems = load(SITE_YML + "timzone: UTC\n")
    assert (13, "unknown field `timzone`; did you mean `timezone`?") in problems


def test_every_settings_error_is_reported_at_once() -> None:
    broken = SITE_YML.replace("America/Toronto", "Nowhere").replace("CAD", "XXX1")
    _, problems = load(broken)
    assert [line for line, _ in problems] == [4, 7]
