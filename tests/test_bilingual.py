"""English and French: pages per language, paired translations, stand-ins, consistent facts."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import html5lib
import pytest

from openings import build_site
from openings.load import load_content
from tests.conftest import LAYOUTS, make_content, posting

NOW = datetime(2026, 11, 29, 17, 0, tzinfo=UTC)
BASE = "https://jobs.example.ca/"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A translated pair and an English-only posting."""
    folder = make_content(tmp_path, {
        "analyst.md": posting("Analyst", job_id="J-1"),
        "analyste.md": posting("Analyste", job_id="J-1", lang="fr").replace(
            "location: Toronto, Ontario", "location: Toronto (Ontario)"),
        "clerk.md": posting("Clerk", job_id="J-2"),
    })
    out = tmp_path / "site"
    build_site(folder, out, LAYOUTS, NOW)
    return out


def tree(out: Path, path: str) -> object:
    """A built page as an element tree."""
    return html5lib.parse((out / path).read_text(), namespaceHTMLElements=False)


def alternates(out: Path, path: str) -> dict[str, str]:
    """A page's hreflang alternates."""
    return {link.get("hreflang"): link.get("href")
            for link in tree(out, path).iterfind(".//head/link[@rel='alternate'][@hreflang]")}


def toggle(out: Path, path: str) -> tuple[str, str, str]:
    """The language toggle of a page: its language, words and target."""
    [link] = tree(out, path).iterfind(".//nav//a[@hreflang]")
    return link.get("lang"), link.text, link.get("href")


def test_each_language_has_its_own_home_archive_and_feed(site: Path) -> None:
    for path in ("index.html", "closed/index.html", "feed.xml", "fr/index.html",
                 "fr/closed/index.html", "fr/feed.xml"):
        assert (site / path).is_file(), path
    assert '<html lang="fr">' in (site / "fr/index.html").read_text()
    assert "Emplois ouverts" in (site / "fr/index.html").read_text()
    assert "Analyste" in (site / "fr/feed.xml").read_text()
    assert "Analyste" not in (site / "feed.xml").read_text()


def test_translations_toggle_to_each_other(site: Path) -> None:
    assert toggle(site, "jobs/analyst/index.html") == ("fr", "Français",
                                                        "../../fr/jobs/analyste/")
    assert toggle(site, "fr/jobs/analyste/index.html") == ("en", "English",
                                                            "../../../jobs/analyst/")


def test_every_hreflang_alternate_links_back(site: Path) -> None:
    pages = {BASE + str(p.relative_to(site)).removesuffix("index.html"): p
             for p in site.rglob("*.html")}
    checked = 0
    for url, page in pages.items():
        links = alternates(site, str(page.relative_to(site)))
        for target in set(links.values()):
            assert alternates(site, str(pages[target].relative_to(site))) == links, (url, target)
            checked += 1
        assert not links or url in links.values(), url
    assert checked >= 8
    assert alternates(site, "jobs/analyst/index.html") == {
        "en": BASE + "jobs/analyst/", "fr": BASE + "fr/jobs/analyste/",
        "x-default": BASE + "jobs/analyst/"}


def test_an_english_only_posting_has_a_french_stand_in_so_the_toggle_never_dead_ends(
        site: Path) -> None:
    assert toggle(site, "jobs/clerk/index.html")[2] == "../../fr/jobs/clerk/"
    stand_in = (site / "fr/jobs/clerk/index.html").read_text()
    assert '<html lang="fr">' in stand_in and '<meta name="robots" content="noindex">' in stand_in
    assert "<h1>Offerte en anglais seulement</h1>" in stand_in
    assert re.search(r'offerte en anglais seulement\xa0: <a href="../../../jobs/clerk/" '
                     r'lang="en" hreflang="en">Clerk</a>', stand_in)
    assert toggle(site, "fr/jobs/clerk/index.html") == ("en", "English", "../../../jobs/clerk/")
    assert "alternate" not in str(alternates(site, "jobs/clerk/index.html"))
    assert not (site / "fr/jobs/analyst").exists()


@pytest.mark.parametrize(("old", "new", "field", "line"), [
    ("deadline: 2027-01-15", "deadline: 2027-01-16", "deadline", 15),
    ("  min: 70000", "  min: 71000", "salary", 10),
    ("  email: jobs@example.ca", "  email: emplois@example.ca", "contact", 16),
    ("ai_screening: false", "ai_screening: false\npositions: 3", "positions", 21),
])
def test_a_translation_must_state_the_same_facts(tmp_path: Path, old: str, new: str,
                                                 field: str, line: int) -> None:
    folder = make_content(tmp_path, {
        "analyst.md": posting("Analyst", job_id="J-1"),
        "analyste.md": posting("Analyste", job_id="J-1", lang="fr").replace(old, new),
    })
    problems = load_content(folder)[1]
    assert [(Path(p.path).name, p.line) for p in problems] == [("analyste.md", line)]
    message = problems[0].message
    assert message.startswith(f"`{field}` differs from the en version ")
    assert re.search(r"analyst\.md:\d+;", message)


def test_the_same_job_id_twice_in_one_language_is_an_error(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"a.md": posting("A", job_id="J-1"),
                                     "b.md": posting("B", job_id="J-1")})
    assert ["same job_id `J-1`" in p.message for p in load_content(folder)[1]] == [True]
