"""The published site (SPEC §5) built end to end from small inline content."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import html5lib
import pytest

from openings import ContentErrors, build_site
from tests.conftest import LAYOUTS, NOW, SITE_YML, make_content, posting


def build(content: Path, tmp_path: Path, now: datetime = NOW, **options: object) -> Path:
    """Build into tmp_path/site and return it."""
    out = tmp_path / "site"
    build_site(content, out, LAYOUTS, now, **options)  # type: ignore[arg-type]
    return out


def read(out: Path, path: str) -> str:
    """A built file's text, with CLDR's no-break spaces (U+00A0, U+202F) read as spaces."""
    text = (out / path).read_text(encoding="utf-8")
    return text.replace("\u202f", " ").replace("\xa0", " ")


def parse(html: str) -> Any:
    """An element tree of a page."""
    return html5lib.parse(html, namespaceHTMLElements=False)


def text_of(element: Any) -> str:
    """An element's text, as a screen reader would read it in one go."""
    return " ".join("".join(element.itertext()).split())


def titles_in(html: str) -> list[str]:
    """The posting titles a listing shows, in order."""
    return [text_of(a) for a in parse(html).iterfind(".//li[@data-deadline]//h2/a")]


def status_of(html: str) -> tuple[str, str]:
    """The status a posting page states: its data-status value and its words."""
    element = parse(html).find(".//main//*[@data-status]")
    return element.get("data-status"), text_of(element)


def test_the_site_has_every_page_of_spec_section_5(content: Path, tmp_path: Path) -> None:
    out = build(content, tmp_path)
    for path in ("index.html", "jobs/policy-analyst/index.html", "jobs/court-clerk/index.html",
                 "jobs/data-co-op/index.html", "closed/index.html", "fr/index.html",
                 "fr/closed/index.html", "jobs.json", "feed.xml", "fr/feed.xml", "sitemap.xml",
                 "robots.txt", "404.html", "assets/ods/LICENSE",
                 "assets/ods/fonts/open-sans-400.woff2"):
        assert (out / path).is_file(), path


def test_home_lists_open_and_closing_soon_soonest_deadline_first(content: Path,
                                                                 tmp_path: Path) -> None:
    out = build(content, tmp_path)
    assert titles_in(read(out, "index.html")) == ["Court Clerk", "Policy Analyst"]
    assert titles_in(read(out, "closed/index.html")) == ["Data co-op"]


def test_each_posting_says_its_status_in_words(content: Path, tmp_path: Path) -> None:
    out = build(content, tmp_path)
    expected = {"policy-analyst": ("open", "Open"), "court-clerk": ("closing-soon", "Closing soon"),
                "data-co-op": ("closed", "Closed")}
    for slug, (status, words) in expected.items():
        assert status_of(read(out, f"jobs/{slug}/index.html")) == (status, words), slug


def test_a_closed_posting_keeps_its_page_with_the_notice_and_no_call_to_apply(
        content: Path, tmp_path: Path) -> None:
    html = read(build(content, tmp_path), "jobs/data-co-op/index.html")
    notice = parse(html).find(".//*[@data-closed-notice]")
    assert text_of(notice) == "Applications for this role are now closed."
    assert notice.get("hidden") is None
    assert "mailto:jobs@example.ca" not in html
    assert "application/ld+json" not in html


def test_an_open_posting_shows_every_fact_and_how_to_apply(content: Path, tmp_path: Path) -> None:
    html = read(build(content, tmp_path), "jobs/policy-analyst/index.html")
    for text in ("Policy Analyst", "Test Public Service", "Toronto, Ontario", "On site",
                 "$70,000 to $85,000 a year", "Permanent", "36.25 hours a week",
                 "Sunday, November 1, 2026",
                 "Friday, January 15, 2027, at 11:59 p.m.",
                 '<time datetime="2027-01-15T23:59:00-05:00">',
                 'href="mailto:jobs@example.ca?subject=Policy%20Analyst"',
                 "access@example.ca", "<h2>About the job</h2>"):
        assert text in html, text
    assert html.count("<h1") == 1
    assert html.count('<script type="application/ld+json">') == 1


def test_a_scheduled_posting_is_not_published_until_its_day(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"later.md": posting("Later", posted="2026-12-15")})
    before = build(folder, tmp_path / "a", datetime(2026, 12, 15, 4, 59, 59, tzinfo=UTC))
    at = build(folder, tmp_path / "b", datetime(2026, 12, 15, 5, 0, tzinfo=UTC))
    assert not (before / "jobs/later").exists()
    assert "Later" not in read(before, "jobs.json")
    assert (at / "jobs/later/index.html").is_file()


def test_drafts_are_published_only_with_drafts(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"d.md": posting("Draft Job").replace(
        "ai_screening: false", "ai_screening: false\ndraft: true")})
    assert not (build(folder, tmp_path / "a") / "jobs/d").exists()
    shown = build(folder, tmp_path / "b", drafts=True)
    assert "Draft: not published" in read(shown, "jobs/d/index.html")


def test_jobs_json_lists_every_published_posting_with_its_status(content: Path,
                                                                 tmp_path: Path) -> None:
    document = json.loads(read(build(content, tmp_path), "jobs.json"))
    by_slug = {p["slug"]: p for p in document["postings"]}
    assert set(by_slug) == {"policy-analyst", "court-clerk", "data-co-op"}
    job = by_slug["policy-analyst"]
    assert job["url"] == "https://jobs.example.ca/jobs/policy-analyst/"
    assert (job["status"], job["deadline"]) == ("open", "2027-01-15T23:59:00-05:00")
    assert job["posted"] == "2026-11-01T00:00:00-04:00"
    assert job["salary"] == {"min": 70000, "max": 85000, "per": "year", "currency": "CAD",
                             "note": None}
    assert by_slug["data-co-op"]["status"] == "closed"


def test_feed_and_sitemap_use_absolute_urls_and_list_the_right_postings(
        content: Path, tmp_path: Path) -> None:
    out = build(content, tmp_path)
    feed = read(out, "feed.xml")
    assert "https://jobs.example.ca/jobs/policy-analyst/" in feed
    assert "data-co-op" not in feed
    assert "<loc>https://jobs.example.ca/jobs/policy-analyst/</loc>" in read(out, "sitemap.xml")
    assert "data-co-op" not in read(out, "sitemap.xml")
    assert "Sitemap: https://jobs.example.ca/sitemap.xml" in read(out, "robots.txt")


def test_base_url_option_moves_every_absolute_url(content: Path, tmp_path: Path) -> None:
    out = build(content, tmp_path, base_url="https://other.example.org/careers/")
    for path in ("jobs.json", "feed.xml", "sitemap.xml", "jobs/policy-analyst/index.html"):
        text = read(out, path)
        assert "jobs.example.ca" not in text, path
        assert "https://other.example.org/careers/" in text, path


def test_links_between_pages_are_relative(content: Path, tmp_path: Path) -> None:
    out = build(content, tmp_path)
    html = read(out, "jobs/policy-analyst/index.html")
    assert re.search(r'href="\.\./\.\./assets/openings\.[0-9a-f]{10}\.css"', html)
    assert 'href="../../closed/"' in html
    hrefs = re.findall(r'<a [^>]*href="([^"]+)"', read(out, "index.html"))
    assert all(not h.startswith(("http", "/")) for h in hrefs if not h.startswith("mailto")), hrefs


def test_every_page_is_valid_html_with_lang_title_skip_link_main_and_one_h1(
        content: Path, tmp_path: Path) -> None:
    out = build(content, tmp_path)
    for page in sorted(out.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        tree = parser.parse(text)
        assert tree.get("lang") in ("en", "fr"), page
        assert tree.find("head/title").text, page
        body = tree.find("body")
        assert body[0].tag == "a" and body[0].get("href") == "#main", page
        assert len(tree.findall(".//main")) == 1, page
        assert len(tree.findall(".//h1")) == 1, page


def test_translations_link_to_each_other_and_name_each_other_in_hreflang(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {
        "analyst.md": posting("Analyst", job_id="J-1"),
        "analyste.md": posting("Analyste", job_id="J-1", lang="fr"),
        "solo.md": posting("Solo"),
    })
    out = build(folder, tmp_path)
    en, fr = read(out, "jobs/analyst/index.html"), read(out, "fr/jobs/analyste/index.html")
    for html in (en, fr):
        assert 'hreflang="en" href="https://jobs.example.ca/jobs/analyst/"' in html
        assert 'hreflang="fr" href="https://jobs.example.ca/fr/jobs/analyste/"' in html
    assert 'href="../../fr/jobs/analyste/" lang="fr"' in en
    assert 'href="../../../jobs/analyst/" lang="en"' in fr
    assert '<html lang="fr">' in fr and "11 h 59" not in fr and "23 h 59" in fr
    assert "rel=\"alternate\" hreflang" not in read(out, "jobs/solo/index.html")


HOSTILE = '</script><script>alert(1)</script> {{ 7*7 }} "quoted" \u2028 <!--'


def test_hostile_front_matter_never_becomes_markup_script_or_template(tmp_path: Path) -> None:
    text = posting("Analyst").replace("title: Analyst", f"title: {json.dumps(HOSTILE)}")
    text = text.replace("  subject: Analyst", '  subject: "a&b\\" onclick=\\"x"')
    text += "\n[bad](javascript:alert(1)) <img src=x onerror=alert(1)> {% raw %}\n"
    out = build(make_content(tmp_path, {"x.md": text}), tmp_path)
    html = read(out, "jobs/x/index.html")
    assert "<script>alert(1)" not in html and "<img" not in html
    assert text_of(parse(html).find(".//h1")) == " ".join(HOSTILE.split())
    assert 'href="javascript:' not in html and "onclick=\"x\"" not in html
    assert "subject=a%26b%22%20onclick%3D%22x" in html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert ld is not None
    data = json.loads(ld.group(1))
    assert data["title"] == HOSTILE
    assert "</script" not in ld.group(1) and "<!--" not in ld.group(1)
    assert "\u2028" not in ld.group(1)


def test_two_builds_of_the_same_content_are_byte_identical(content: Path, tmp_path: Path) -> None:
    first, second = build(content, tmp_path / "1"), build(content, tmp_path / "2")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for path in files:
        assert (first / path).read_bytes() == (second / path).read_bytes(), path


def test_a_content_error_writes_nothing_and_keeps_the_previous_site(content: Path,
                                                                    tmp_path: Path) -> None:
    out = build(content, tmp_path)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (content / "broken.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        build(content, tmp_path)
    assert [p.line for p in caught.value.problems] == [2]
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_the_404_page_links_from_the_site_root_so_it_works_at_any_depth(
        content: Path, tmp_path: Path) -> None:
    out = build(content, tmp_path, base_url="https://example.org/careers/")
    html = read(out, "404.html")
    assert re.search(r'href="/careers/assets/openings\.[0-9a-f]{10}\.css"', html)
    assert '<a href="/careers/">See all open jobs</a>' in html
    assert '<div lang="fr">' in html and 'href="/careers/fr/"' in html


def test_the_navigation_marks_the_current_page(content: Path, tmp_path: Path) -> None:
    out = build(content, tmp_path)
    assert 'href="./" aria-current="page">Open jobs' in read(out, "index.html")
    assert 'href="../closed/" aria-current="page">Closed jobs' in read(out, "closed/index.html")
    assert 'aria-current' not in read(out, "jobs/policy-analyst/index.html")


def test_css_and_scripts_are_published_under_names_that_change_with_their_bytes(
        content: Path, tmp_path: Path) -> None:
    out = build(content, tmp_path)
    html = read(out, "index.html")
    for name in re.findall(r'(?:href|src)="(assets/[^"]+\.(?:css|js))"', html):
        data = (out / name).read_bytes()
        assert name.split(".")[-2] == hashlib.sha256(data).hexdigest()[:10], name
    assert not (out / "assets/openings.css").exists()


STATEMENT = ("statement:\n  en: We are an inclusive employer.\n"
             "  fr: Nous sommes un employeur inclusif.\n")
OWN_FACTS = """\
division: Digital Branch
language_requirement: English essential
classification: EC-04
accommodation:
  email: own.access@example.ca
"""


def unpaid(title: str = "Analyst") -> str:
    """A 2026 posting for work outside Ontario (which the pay law does not cover) that states no
    pay, with the facts of its own a posting may give."""
    text = posting(title).replace("salary:\n  min: 70000\n  max: 85000\n  per: year\n", "")
    text = text.replace("location: Toronto, Ontario", "location: Calgary, Alberta")
    return text.replace("ai_screening: false\n", "ai_screening: false\n" + OWN_FACTS)


def facts_of(html: str) -> dict[str, str]:
    """A page's job details, label to value."""
    return {text_of(row.find("dt")).rstrip(" :"): text_of(row.find("dd"))
            for row in parse(html).iterfind(".//main//dl/div")}


def test_a_posting_that_states_no_pay_shows_no_pay_anywhere(tmp_path: Path) -> None:
    out = build(make_content(tmp_path, {"analyst.md": unpaid()}), tmp_path)
    page, stand_in = read(out, "jobs/analyst/index.html"), read(out, "fr/jobs/analyst/index.html")
    assert "Salary" not in facts_of(page) and "Salaire" not in facts_of(stand_in)
    home = parse(read(out, "index.html")).find(".//li[@data-deadline]")
    assert "Salary" not in text_of(home) and home.get("data-salary") == "0"
    home_html = read(out, "index.html")
    assert "Jobs that do not state their pay show only with “Any amount”." in home_html
    for text in (page, stand_in, home_html, read(out, "feed.xml")):
        assert "None" not in text and ". ." not in text and "data-pay" not in text
    assert "Test Public Service. Calgary, Alberta. Apply by Friday" in page
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert ld is not None and "baseSalary" not in json.loads(ld.group(1))
    [job] = json.loads(read(out, "jobs.json"))["postings"]
    assert job["salary"] is None


def test_a_postings_own_facts_show_on_its_page_in_both_languages(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"analyst.md": unpaid()}, SITE_YML + STATEMENT)
    out = build(folder, tmp_path)
    page, stand_in = read(out, "jobs/analyst/index.html"), read(out, "fr/jobs/analyst/index.html")
    facts = facts_of(page)
    assert (facts["Division"], facts["Language requirement"], facts["Classification"]) == (
        "Digital Branch", "English essential", "EC-04")
    french = facts_of(stand_in)
    assert (french["Division"], french["Exigence linguistique"], french["Classification"]) == (
        "Digital Branch", "English essential", "EC-04")
    callout = parse(page).find(".//section[@aria-labelledby='accommodation']")
    assert "own.access@example.ca" in text_of(callout)
    assert "access@example.ca" not in page.replace("own.access@example.ca", "")
    [job] = json.loads(read(out, "jobs.json"))["postings"]
    assert (job["division"], job["language_requirement"], job["classification"]) == (
        "Digital Branch", "English essential", "EC-04")
    assert job["accommodation"] == {"email": "own.access@example.ca", "phone": None, "url": None}


def test_the_sites_statement_follows_the_body_in_the_pages_language(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"analyst.md": posting("Analyst", job_id="J-1"),
                                     "analyste.md": posting("Analyste", job_id="J-1", lang="fr"),
                                     "solo.md": posting("Solo")}, SITE_YML + STATEMENT)
    out = build(folder, tmp_path)
    for path, words in (("jobs/analyst/", "We are an inclusive employer."),
                        ("fr/jobs/analyste/", "Nous sommes un employeur inclusif."),
                        ("fr/jobs/solo/", "Nous sommes un employeur inclusif.")):
        tree = parse(read(out, path + "index.html"))
        statement = tree.find(".//*[@class='posting__statement']")
        assert text_of(statement) == words and statement.get("lang") is None, path
    main = parse(read(out, "jobs/analyst/index.html")).find(".//div[@class='posting__main']")
    children = [child.get("class") or child.tag for child in main]
    assert children[:2] == ["posting__body", "posting__statement"]
    single = make_content(tmp_path / "one", {"solo.md": posting("Solo")},
                          SITE_YML + "statement: We are an inclusive employer.\n")
    tree = parse(read(build(single, tmp_path / "one"), "fr/jobs/solo/index.html"))
    statement = tree.find(".//*[@class='posting__statement']")
    assert (text_of(statement), statement.get("lang")) == ("We are an inclusive employer.", "en")
