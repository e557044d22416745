"""English and French: pages per language, paired translations, stand-ins, consistent facts."""

from __future__ import annotations

import json
import posixpath
import re
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import html5lib
import pytest

from openings import ContentErrors, build_site
from openings.content.load import LoadCache, load_content
from openings.messages import translator
from tests.conftest import LAYOUTS, SITE_YML, make_content, posting

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
    assert '<h1 lang="en">Clerk</h1>' in stand_in
    assert '<p class="language-tag">En anglais seulement</p>' in stand_in
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


def test_a_translations_differences_are_remembered_until_either_changes(tmp_path: Path) -> None:
    """Every build compares each translation with its original; a pair seen before is not
    compared again (its facts stay packed), and what it found is still reported."""
    folder = make_content(tmp_path, {
        "analyst.md": posting("Analyst", job_id="J-1"),
        "analyste.md": posting("Analyste", job_id="J-1", lang="fr")})
    cache = LoadCache()
    assert load_content(folder, cache)[1] == [] and len(cache.paired) == 1
    (folder / "analyste.md").write_text(posting("Analyste", job_id="J-1", lang="fr").replace(
        "deadline: 2027-01-15", "deadline: 2027-01-16"))
    for _ in range(2):
        problems = load_content(folder, cache)[1]
        assert [(Path(p.path).name, p.message[:30]) for p in problems] == [
            ("analyste.md", "`deadline` differs from the en")]
        assert len(cache.paired) == 1


def test_the_same_job_id_twice_in_one_language_is_an_error(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"a.md": posting("A", job_id="J-1"),
                                     "b.md": posting("B", job_id="J-1")})
    assert ["same job_id `J-1`" in p.message for p in load_content(folder)[1]] == [True]


# --- Both languages are whole: every posting reached from every language -------------------

WHOLE = {
    "analyst.md": posting("Analyst", job_id="J-1"),
    "analyste.md": posting("Analyste", job_id="J-1", lang="fr"),
    "clerk.md": posting("Clerk", job_id="J-2", deadline="2026-12-01"),
    "agente.md": posting("Agente", job_id="J-3", lang="fr"),
    "archivist.md": posting("Archivist", job_id="J-4", deadline="2026-11-10",
                            posted="2026-10-01"),
    "officer.md": posting("Officer", job_id="J-5", deadline="2026-11-12", posted="2026-10-01"),
    "agent.md": posting("Agent", job_id="J-5", lang="fr", deadline="2026-11-12",
                        posted="2026-10-01"),
}


@pytest.fixture
def whole(tmp_path: Path) -> Path:
    """Postings in both languages, in one only, live and closed."""
    out = tmp_path / "site"
    build_site(make_content(tmp_path, WHOLE), out, LAYOUTS, NOW)
    return out


def card_links(out: Path, path: str) -> dict[str, object]:
    """The cards of a listing, by the site path each links to."""
    folder = PurePosixPath(path).parent
    return {posixpath.normpath(folder / card.find(".//h2/a").get("href")) + "/": card
            for card in tree(out, path).iterfind(".//li[@data-deadline]")}


def job_id_of(out: Path, page: str, owners: dict[str, str]) -> str:
    """The job_id a page is about: its own, or (a stand-in) its original's."""
    if page in owners:
        return owners[page]
    [original] = tree(out, page + "index.html").iterfind(".//*[@class='stand-in__original']/a")
    return owners[posixpath.normpath(posixpath.join(page, original.get("href"))) + "/"]


def test_every_posting_is_reachable_from_every_languages_home_or_archive(whole: Path) -> None:
    document = json.loads((whole / "jobs.json").read_text())
    owners = {p["url"].removeprefix(BASE): p["job_id"] for p in document["postings"]}
    for prefix in ("", "fr/"):
        pages = {**card_links(whole, prefix + "index.html"),
                 **card_links(whole, prefix + "closed/index.html")}
        assert all(page.startswith(prefix + "jobs/") for page in pages), pages
        reached = sorted(job_id_of(whole, page, owners) for page in pages)
        assert reached == ["J-1", "J-2", "J-3", "J-4", "J-5"], prefix


def test_a_translated_posting_is_listed_once_in_the_readers_language(whole: Path) -> None:
    assert set(card_links(whole, "fr/index.html")) == {
        "fr/jobs/analyste/", "fr/jobs/agente/", "fr/jobs/clerk/"}
    assert set(card_links(whole, "index.html")) == {
        "jobs/analyst/", "jobs/agente/", "jobs/clerk/"}


def test_the_french_home_lists_english_only_postings_marked_with_their_language(
        whole: Path) -> None:
    card = card_links(whole, "fr/index.html")["fr/jobs/clerk/"]
    title = card.find(".//h2/a")
    assert (title.text, title.get("lang")) == ("Clerk", "en")
    assert card.find(".//p[@class='language-tag']").text == "En anglais seulement"
    assert card.find(".//*[@data-status]").get("data-status") == "closing-soon"
    assert "".join(card.find(".//*[@data-status]").itertext()) == "Ferme bientôt"
    assert "70\xa0000\xa0$ à 85\xa0000\xa0$" in "".join(card.itertext())
    own = card_links(whole, "fr/index.html")["fr/jobs/analyste/"]
    assert own.find(".//p[@class='language-tag']") is None
    assert sorted(card.keys()) == sorted(own.keys()), "filters read the same data on both cards"
    assert card.get("data-deadline") == "2026-12-01T23:59:00-05:00"


def test_the_english_home_lists_french_only_postings_marked_with_their_language(
        whole: Path) -> None:
    card = card_links(whole, "index.html")["jobs/agente/"]
    assert card.find(".//h2/a").get("lang") == "fr"
    assert card.find(".//p[@class='language-tag']").text == "In French only"
    assert "$70,000 to $85,000 a year" in "".join(card.itertext())


def test_the_french_archive_lists_closed_english_postings(whole: Path) -> None:
    cards = card_links(whole, "fr/closed/index.html")
    assert set(cards) == {"fr/jobs/archivist/", "fr/jobs/agent/"}
    assert cards["fr/jobs/archivist/"].find(".//h2/a").get("lang") == "en"
    assert "Il n’y a aucun" not in (whole / "fr/closed/index.html").read_text()


def test_the_language_feed_reaches_live_stand_ins(whole: Path) -> None:
    feed = (whole / "fr/feed.xml").read_text()
    assert BASE + "fr/jobs/clerk/" in feed and BASE + "fr/jobs/agente/" in feed
    assert BASE + "jobs/clerk/" not in feed
    assert BASE + "fr/jobs/archivist/" not in feed


def facts_of(page: object) -> dict[str, tuple[str, str | None]]:
    """A page's summary list: label (without the colon kept for screen readers and search) ->
    (value, its lang attribute)."""
    return {(row.find("dt").text or "").strip(): ("".join(row.find("dd").itertext()),
                                                  row.find("dd").get("lang"))
            for row in page.iterfind(".//main//dl/div")}


def test_a_stand_in_states_status_deadline_pay_place_and_links_to_the_original(
        whole: Path) -> None:
    page = tree(whole, "fr/jobs/clerk/index.html")
    status = page.find(".//main//*[@data-status]")
    assert status.get("data-status") == "closing-soon"
    assert "".join(status.itertext()) == "Ferme bientôt"
    [time] = page.iterfind(".//main//time")
    assert time.get("datetime") == "2026-12-01T23:59:00-05:00"
    assert "1er décembre 2026" in time.text and "23\xa0h\xa059" in time.text
    assert page.find(".//main//*[@data-closed-notice]").get("hidden") is not None
    facts = facts_of(page)
    assert facts["Salaire"] == ("70\xa0000\xa0$ à 85\xa0000\xa0$ par année", None)
    assert facts["Lieu"] == ("Toronto, Ontario", "en")
    organization = page.find(".//main//p[@class='ontario-lead-statement posting__organization']")
    assert (organization.text, organization.get("lang")) == ("Test Public Service", "en")
    [original] = page.iterfind(".//main//a[@hreflang='en']")
    assert (original.get("href"), original.text) == ("../../../jobs/clerk/", "Clerk")
    assert page.find(".//article").get("data-deadline") == time.get("datetime")


def test_a_closed_stand_in_says_applications_are_closed(whole: Path) -> None:
    page = tree(whole, "fr/jobs/archivist/index.html")
    notice = page.find(".//main//*[@data-closed-notice]")
    assert notice.get("hidden") is None
    assert notice.text == translator("fr")("Applications for this role are now closed.")
    assert page.find(".//main//*[@data-status]").get("data-status") == "closed"
    assert page.find(".//main//*[@data-countdown]") is None


def test_stand_ins_stay_out_of_search_engines_and_open_data(whole: Path) -> None:
    assert '<meta name="robots" content="noindex">' in (
        whole / "fr/jobs/clerk/index.html").read_text()
    assert "fr/jobs/clerk/" not in (whole / "sitemap.xml").read_text()
    document = json.loads((whole / "jobs.json").read_text())
    assert sorted(p["url"].removeprefix(BASE) for p in document["postings"]) == [
        "fr/jobs/agent/", "fr/jobs/agente/", "fr/jobs/analyste/", "jobs/analyst/",
        "jobs/archivist/", "jobs/clerk/", "jobs/officer/"]


# --- The site's own words in each language ---------------------------------------------------

BILINGUAL_YML = SITE_YML.replace("title: Careers Test\norganization: Test Public Service\n", """\
title:
  en: Careers Test
  fr: Carrières Test
organization:
  en: Test Public Service
  fr: Fonction publique Test
""") + """\
links:
  - text: {en: Privacy, fr: Confidentialité}
    url:
      en: https://www.example.ca/privacy
      fr: https://www.example.ca/fr/confidentialite
  - text: {en: Contact us}
    url: mailto:careers@example.ca
  - text: {en: About, fr: À propos}
    url: /about/
"""


@pytest.fixture
def bilingual(tmp_path: Path) -> Path:
    """A site whose title, organization and footer links are given by language."""
    folder = make_content(tmp_path, {
        "clerk.md": posting("Clerk", job_id="J-2"),
        "commis.md": posting("Commis", job_id="J-3", lang="fr"),
    }, BILINGUAL_YML)
    out = tmp_path / "site"
    build_site(folder, out, LAYOUTS, NOW)
    return out


def test_every_page_shows_the_site_title_in_its_own_language(bilingual: Path) -> None:
    for path, title in (("index.html", "Careers Test"), ("fr/index.html", "Carrières Test"),
                        ("fr/jobs/clerk/index.html", "Carrières Test"),
                        ("fr/jobs/commis/index.html", "Carrières Test")):
        page = tree(bilingual, path)
        assert page.find(".//header//p/a/span").text == title, path
        assert page.find(".//header//p/a/span").get("lang") is None, path
        assert page.find(".//title").text.endswith(f"– {title}") or (
            page.find(".//title").text == title), path
        assert page.find(".//meta[@property='og:site_name']").get("content") == title, path


def test_a_posting_without_organization_takes_the_sites_in_its_language(
        bilingual: Path) -> None:
    french = tree(bilingual, "fr/jobs/commis/index.html")
    assert "Fonction publique Test" in french.find(".//main//p[@class='ontario-lead-statement "
                                                   "posting__organization']").text
    english = tree(bilingual, "jobs/clerk/index.html")
    assert "Test Public Service" in english.find(".//main//p[@class='ontario-lead-statement "
                                                 "posting__organization']").text


def footer_links(out: Path, path: str) -> list[tuple[str, str, str | None]]:
    """A page's footer links: words, address and language."""
    return [(a.text, a.get("href"), a.get("lang"))
            for a in tree(out, path).iterfind(".//footer//a")]


def test_the_footer_links_of_site_yml_show_in_the_pages_language(bilingual: Path) -> None:
    assert footer_links(bilingual, "index.html")[2:] == [
        ("Privacy", "https://www.example.ca/privacy", None),
        ("Contact us", "mailto:careers@example.ca", None),
        ("About", "about/", None)]
    assert footer_links(bilingual, "fr/jobs/commis/index.html")[2:] == [
        ("Confidentialité", "https://www.example.ca/fr/confidentialite", None),
        ("Contact us", "mailto:careers@example.ca", "en"),
        ("À propos", "../../../about/", None)]
    assert footer_links(bilingual, "404.html")[4] == ("About", "/about/", None)


def test_a_footer_path_with_a_colon_after_its_first_slash_or_hash_is_still_a_path(
        tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"clerk.md": posting("Clerk")}, SITE_YML + (
        "links:\n  - text: Terms\n    url: about#terms:use\n"))
    out = tmp_path / "site"
    build_site(folder, out, LAYOUTS, NOW)
    assert footer_links(out, "jobs/clerk/index.html")[2:] == [
        ("Terms", "../../about#terms:use", None)]


def test_a_language_without_the_title_reads_the_default_languages_marked(
        tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"clerk.md": posting("Clerk")}, SITE_YML.replace(
        "title: Careers Test", "title: {en: Careers Test}"))
    out = tmp_path / "site"
    build_site(folder, out, LAYOUTS, NOW)
    title = tree(out, "fr/index.html").find(".//header//p/a/span")
    assert (title.text, title.get("lang")) == ("Careers Test", "en")


def test_the_logo_shows_in_the_header_named_by_the_organization(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"clerk.md": posting("Clerk")},
                          BILINGUAL_YML + "logo: assets/logo.svg\n")
    out = tmp_path / "site"
    build_site(folder, out, LAYOUTS, NOW)
    [logo] = tree(out, "fr/jobs/clerk/index.html").iterfind(".//header//img")
    assert (logo.get("src"), logo.get("alt")) == ("../../../assets/logo.svg",
                                                  "Fonction publique Test")
    assert logo.get("width") and logo.get("height")
    assert tree(out, "index.html").find(".//header//img").get("alt") == "Test Public Service"


def test_every_page_names_the_published_favicon(bilingual: Path) -> None:
    for path in ("index.html", "fr/jobs/clerk/index.html", "404.html"):
        [icon] = tree(bilingual, path).iterfind(".//head/link[@rel='icon']")
        folder = "/" if path == "404.html" else posixpath.dirname(path)  # links from the root
        target = posixpath.normpath(posixpath.join(folder, icon.get("href"))).lstrip("/")
        assert (bilingual / target).is_file() and target.endswith(".svg"), path


def test_a_drafts_stand_in_is_marked_as_a_draft_in_the_readers_language(tmp_path: Path) -> None:
    draft = posting("Draft Analyst").replace("ai_screening: false", "ai_screening: false\n"
                                             "draft: true")
    out = tmp_path / "site"
    build_site(make_content(tmp_path, {"draft.md": draft}), out, LAYOUTS, NOW, drafts=True,
               search=False)
    stand_in = (out / "fr/jobs/draft/index.html").read_text(encoding="utf-8")
    assert "Ébauche\u00a0: non publiée" in stand_in
    assert "data-pagefind-body" not in stand_in


def test_a_french_posting_at_an_english_postings_stand_in_address_is_an_error_naming_both(
        tmp_path: Path) -> None:
    content = make_content(tmp_path, {
        "analyst.md": posting("Analyst", job_id="A"),
        "analyst_.md": posting("Analyste", lang="fr", job_id="B"),
    })
    out = tmp_path / "site"
    with pytest.raises(ContentErrors) as caught:
        build_site(content, out, LAYOUTS, NOW)
    found = {(PurePosixPath(p.path).name, p.message.split(" ")[0]) for p in caught.value.problems}
    assert found == {(name, path) for name in ("analyst.md", "analyst_.md")
                     for path in ("jobs/analyst/index.html", "fr/jobs/analyst/index.html")}
    assert all("rename one of them" in p.message for p in caught.value.problems)
    assert not out.exists()
