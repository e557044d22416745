"""content/site.yml: the site's settings, checked like postings."""

from __future__ import annotations

import pytest

from openings.content.config import load_site
from openings.model import Site
from openings.time import zones
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


@pytest.mark.parametrize("zone", ["America/St_Johns", "Pacific/Chatham", "UTC", "US/Eastern"])
def test_iana_zones_are_accepted(zone: str) -> None:
    site, problems = load(SITE_YML.replace("America/Toronto", zone))
    assert problems == []
    assert str(getattr(site, "zone", None)) == zone


def test_without_tzdatas_list_a_zone_is_found_among_the_systems(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zones, "listed_zones", frozenset)
    site, problems = load(SITE_YML)
    assert problems == []
    assert str(getattr(site, "zone", None)) == "America/Toronto"
    assert load(SITE_YML.replace("America/Toronto", "Eastern"))[1] == [
        (4, "`Eastern` is not an IANA time zone; write one like America/Toronto")]


def test_tzdatas_list_accepts_no_name_the_system_would_refuse() -> None:
    assert zones.listed_zones() and zones.listed_zones() <= zones.zone_names()


@pytest.mark.parametrize("name", ["../../etc/passwd", "zone.tab", "tzdata.zi", "America/"])
def test_a_file_or_folder_beside_the_zones_is_not_a_time_zone(name: str) -> None:
    _, problems = load(SITE_YML.replace("America/Toronto", name))
    assert problems == [(4, f"`{name}` is not an IANA time zone; write one like "
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


def test_title_organization_and_statement_may_be_given_by_language() -> None:
    site, problems = load(SITE_YML.replace("title: Careers Test", "title:\n  en: Careers Test\n"
                                           "  fr: Carrières Test") + """\
statement:
  en: We are an inclusive employer.
  fr: Nous sommes un employeur inclusif.
""")
    assert problems == [] and isinstance(site, Site)
    assert (site.title_in("en"), site.title_in("fr")) == ("Careers Test", "Carrières Test")
    assert site.statement is not None
    assert site.statement.for_lang("fr") == "Nous sommes un employeur inclusif."


def test_a_language_left_out_reads_the_default_languages_text() -> None:
    site, _ = load(SITE_YML.replace("organization: Test Public Service",
                                    "organization: {en: Test Public Service}"))
    assert isinstance(site, Site)
    assert site.organization_in("fr") == "Test Public Service"
    assert site.organization.lang_of("fr", "en") == "en"
    assert site.title_in("fr") == "Careers Test"


def test_a_text_by_language_needs_the_default_language_and_only_site_languages() -> None:
    _, problems = load(SITE_YML.replace("title: Careers Test", "title:\n  fr: Carrières Test\n"
                                        "  de: Karriere"))
    assert (3, "unknown field `title.de`; known fields: en, fr") in problems
    assert (1, "`title` needs the default language's text: add a line `en: ...` under it") \
        in problems


LINKS = """\
links:
  - text: {en: Privacy, fr: Confidentialité}
    url: https://www.ontario.ca/page/privacy-statement
  - text: Contact us
    url:
      en: mailto:careers@example.ca
      fr: mailto:carrieres@example.ca
  - text: {en: About, fr: À propos}
    url: /about/
"""


def test_footer_links_keep_their_words_and_addresses_by_language() -> None:
    site, problems = load(SITE_YML + LINKS)
    assert problems == [] and isinstance(site, Site)
    assert [(link.text.for_lang("fr"), link.url.for_lang("fr")) for link in site.links] == [
        ("Confidentialité", "https://www.ontario.ca/page/privacy-statement"),
        ("Contact us", "mailto:carrieres@example.ca"),
        ("À propos", "about/")]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)",
                                 "data:text/html,hi", "//evil.example/", "java\\tscript:x",
                                 "\\\\evil.example/"])
def test_a_footer_link_with_an_unsafe_address_is_an_error_at_its_line(url: str) -> None:
    _, problems = load(SITE_YML + LINKS.replace("url: /about/", f'url: "{url}"'))
    written = url.replace("\\t", "\t").replace("\\\\", "\\")
    assert problems == [(21, f"`{written}` is not a safe link: write an address that starts "
                             "with https://, http:// or mailto:, or a path inside the site "
                             "like about/")]


def test_an_unsafe_address_in_a_mapping_by_language_is_named_at_its_own_line() -> None:
    _, problems = load(SITE_YML + LINKS.replace("fr: mailto:carrieres@example.ca",
                                                "fr: javascript:alert(1)"))
    assert [line for line, _ in problems] == [19]


def test_a_footer_link_without_words_is_an_error_at_its_line() -> None:
    missing = LINKS.replace("  - text: Contact us\n    url:", "  - url:")
    _, problems = load(SITE_YML + missing)
    assert problems == [(16, "`links.text` is required: give the words readers see, like "
                             "`text: Privacy`")]
    _, problems = load(SITE_YML + LINKS.replace("text: Contact us", "text:"))
    assert problems == [(16, "`links.text` is required: give the words readers see, like "
                             "`text: Privacy`")]
    _, problems = load(SITE_YML + LINKS.replace("{en: About, fr: À propos}", "{en: About, fr: }"))
    assert [line for line, _ in problems] == [20]


def test_links_must_be_a_list() -> None:
    _, problems = load(SITE_YML + "links: https://www.ontario.ca/\n")
    assert problems == [(13, "`links` must be a list: one `- text: ...` line and one "
                             "`  url: ...` line a link")]
