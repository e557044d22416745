"""Found where people look: JobPosting data, jobs.json and jobs.csv, feeds, calendar, sitemap."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import html5lib
import icalendar
import jsonschema
import pytest

from openings import build_site
from tests.conftest import LAYOUTS, make_content, posting
from tests.golden import CONTENT, NOW

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "jobs.schema.json"
BASE = "https://golden.example.ca/"
LIVE = {"jobs/data-analyst/", "jobs/remote-developer/", "fr/jobs/analyste-des-donnees/"}
CLOSED = {"jobs/summer-student/"}

# Google's job posting guidelines (Search Central, "Job posting structured data"):
# required properties, and the recommended ones Openings always or conditionally writes.
GOOGLE_REQUIRED = ("datePosted", "description", "hiringOrganization", "title")
GOOGLE_LOCATION = ("jobLocation", "jobLocationType")  # one of: a place, or TELECOMMUTE
GOOGLE_RECOMMENDED = ("baseSalary", "directApply", "employmentType", "validThrough")
GOOGLE_EMPLOYMENT_TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN",
                           "VOLUNTEER", "PER_DIEM", "OTHER"}
GOOGLE_UNITS = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The golden sample site at its moment."""
    out = tmp_path_factory.mktemp("golden") / "site"
    build_site(CONTENT, out, LAYOUTS, NOW)
    return out


def build_at(tmp_path: Path, when: str, content: Path = CONTENT) -> Path:
    """The golden content (or other content) built at another moment."""
    out = tmp_path / when.replace(":", "")
    build_site(content, out, LAYOUTS, datetime.fromisoformat(when))
    return out


def jsonld(page: Path) -> list[dict[str, Any]]:
    """The JSON-LD objects of a page."""
    tree = html5lib.parse(page.read_text(), namespaceHTMLElements=False)
    return [json.loads(s.text) for s in tree.iterfind(".//script[@type='application/ld+json']")]


def meta(page: Path) -> dict[str, str]:
    """A page's meta tags, by name or property."""
    tree = html5lib.parse(page.read_text(), namespaceHTMLElements=False)
    return {m.get("name") or m.get("property"): m.get("content")
            for m in tree.iterfind(".//meta") if m.get("content") is not None}


@pytest.mark.parametrize("path", sorted(LIVE))
def test_each_live_posting_has_google_required_and_recommended_properties(
        site: Path, path: str) -> None:
    [data] = jsonld(site / path / "index.html")
    assert data["@type"] == "JobPosting"
    assert all(data.get(key) for key in GOOGLE_REQUIRED), data
    assert any(key in data for key in GOOGLE_LOCATION)
    assert all(key in data for key in GOOGLE_RECOMMENDED), data
    assert data["description"].startswith("<") and data["description"] != data["title"]
    assert data["hiringOrganization"]["@type"] == "Organization"
    assert data["hiringOrganization"]["name"] and data["hiringOrganization"]["sameAs"]
    assert set(data["employmentType"]) <= GOOGLE_EMPLOYMENT_TYPES
    salary = data["baseSalary"]
    assert salary["@type"] == "MonetaryAmount" and salary["currency"] == "CAD"
    assert salary["value"]["@type"] == "QuantitativeValue"
    assert salary["value"]["unitText"] in GOOGLE_UNITS and salary["value"]["minValue"] > 0
    time_tag = re.search(r'<time datetime="([^"]+)"', (site / path / "index.html").read_text())
    assert time_tag and data["validThrough"] == time_tag.group(1)
    assert data["url"] == BASE + path


def test_places_and_remote_work_are_described_as_google_reads_them(site: Path) -> None:
    [office] = jsonld(site / "jobs/data-analyst/index.html")
    assert office["jobLocation"] == [{"@type": "Place", "address": {
        "@type": "PostalAddress", "addressLocality": "Toronto", "addressRegion": "ON",
        "addressCountry": "CA"}}]
    assert office["baseSalary"]["value"] == {"@type": "QuantitativeValue", "minValue": 38.5,
                                             "maxValue": 45.1, "unitText": "HOUR"}
    assert office["employmentType"] == ["TEMPORARY", "FULL_TIME"]
    assert office["identifier"] == {"@type": "PropertyValue", "name": "Golden Public Service",
                                    "value": "GOLD-1"}
    assert office["totalJobOpenings"] == 2 and office["directApply"] is True
    [remote] = jsonld(site / "jobs/remote-developer/index.html")
    assert "jobLocation" not in remote and remote["jobLocationType"] == "TELECOMMUTE"
    assert remote["applicantLocationRequirements"] == [
        {"@type": "AdministrativeArea", "name": "Ontario"}]
    assert remote["directApply"] is False  # applications go to another site


def test_a_closed_posting_has_no_job_posting_and_asks_not_to_be_indexed(site: Path) -> None:
    page = site / "jobs/summer-student/index.html"
    assert jsonld(page) == []
    assert meta(page)["robots"] == "noindex"
    assert "robots" not in meta(site / "jobs/data-analyst/index.html")
    assert not (site / "jobs/summer-student/deadline.ics").exists()


def test_link_previews_and_canonical_addresses(site: Path) -> None:
    tags = meta(site / "fr/jobs/analyste-des-donnees/index.html")
    assert tags["og:url"] == BASE + "fr/jobs/analyste-des-donnees/"
    assert tags["og:locale"] == "fr_CA" and tags["twitter:card"] == "summary"
    assert tags["og:title"].startswith("Analyste des données – Golden Public Service")
    assert "38,50" in tags["description"] == tags["og:description"]
    html = (site / "jobs/data-analyst/index.html").read_text()
    assert f'<link rel="canonical" href="{BASE}jobs/data-analyst/">' in html
    assert f'hreflang="x-default" href="{BASE}jobs/data-analyst/"' in html


def test_jobs_json_validates_against_its_published_schema(site: Path, tmp_path: Path) -> None:
    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    document = json.loads((site / "jobs.json").read_text())
    validator.validate(document)
    assert {p["url"].removeprefix(BASE) for p in document["postings"]} == LIVE | CLOSED
    sparse = make_content(tmp_path, {"bare.md": posting("Bare").replace(
        "hours:\n  per_week: 36.25\n", "")})
    validator.validate(json.loads((build_at(tmp_path, "2026-11-29T12:00:00-05:00", sparse)
                                   / "jobs.json").read_text()))


OWN_FACTS = """\
division: Digital Branch
language_requirement: Bilingual imperative (BBB/BBB)
classification: EC-04
accommodation:
  phone: 1-800-555-0199
"""


def unpaid_with_own_facts(tmp_path: Path) -> Path:
    """A posting for work outside Ontario that states no pay but gives the facts of its own a
    posting may give, built at the golden moment."""
    text = posting("Analyst").replace("salary:\n  min: 70000\n  max: 85000\n  per: year\n", "")
    text = text.replace("location: Toronto, Ontario", "location: Gatineau (Québec)")
    text = text.replace("ai_screening: false\n", "ai_screening: false\n" + OWN_FACTS)
    return build_at(tmp_path, "2026-11-29T12:00:00-05:00", make_content(tmp_path, {"a.md": text}))


def test_no_pay_and_a_postings_own_facts_reach_open_data_and_structured_data(
        tmp_path: Path) -> None:
    out = unpaid_with_own_facts(tmp_path)
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()),
                                                format_checker=jsonschema.FormatChecker())
    document = json.loads((out / "jobs.json").read_text())
    validator.validate(document)
    [job] = document["postings"]
    assert job["salary"] is None and job["accommodation"] == {
        "email": None, "phone": "1-800-555-0199", "url": None}
    assert (job["division"], job["language_requirement"], job["classification"]) == (
        "Digital Branch", "Bilingual imperative (BBB/BBB)", "EC-04")
    [row] = csv.DictReader(io.StringIO((out / "jobs.csv").read_text("utf-8-sig")))
    assert [row[f"salary.{key}"] for key in ("min", "max", "per", "currency", "note")] == [""] * 5
    assert (row["division"], row["language_requirement"], row["classification"],
            row["accommodation.phone"], row["accommodation.email"]) == (
        "Digital Branch", "Bilingual imperative (BBB/BBB)", "EC-04", "1-800-555-0199", "")
    [data] = jsonld(out / "jobs/a/index.html")
    assert "baseSalary" not in data
    assert data["employmentUnit"] == {"@type": "Organization", "name": "Digital Branch"}
    assert "Bilingual imperative" not in json.dumps(data) and "EC-04" not in json.dumps(data)


def test_jobs_csv_opens_in_a_spreadsheet_with_one_row_a_posting(site: Path) -> None:
    data = (site / "jobs.csv").read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    by_slug = {row["slug"]: row for row in rows}
    assert set(by_slug) == {"data-analyst", "remote-developer", "summer-student",
                            "analyste-des-donnees"}
    analyst = by_slug["data-analyst"]
    assert (analyst["salary.min"], analyst["salary.per"], analyst["status"]) == (
        "38.5", "hour", "open")
    assert by_slug["summer-student"]["status"] == "closed"


def test_csv_cells_never_run_as_spreadsheet_formulas(tmp_path: Path) -> None:
    text = posting("Analyst").replace("title: Analyst", 'title: "=HYPERLINK(\\"x\\")"')
    out = build_at(tmp_path, "2026-11-29T12:00:00-05:00", make_content(tmp_path, {"a.md": text}))
    rows = list(csv.DictReader(io.StringIO((out / "jobs.csv").read_text("utf-8-sig"))))
    assert rows[0]["title"] == "'=HYPERLINK(\"x\")"


def test_each_language_has_a_valid_atom_feed_of_its_live_postings_newest_first(
        site: Path) -> None:
    for path, expected in (("feed.xml", ["jobs/remote-developer/", "jobs/data-analyst/"]),
                           ("fr/feed.xml", ["fr/jobs/remote-developer/",
                                               "fr/jobs/analyste-des-donnees/"])):
        parsed = feedparser.parse((site / path).read_bytes())
        assert not parsed.bozo, parsed.bozo_exception
        assert [e.link.removeprefix(BASE) for e in parsed.entries] == expected
        assert parsed.feed.links[0].href == BASE + path
        root = ET.fromstring((site / path).read_bytes())
        assert root.tag == f"{ATOM}feed" and root.find(f"{ATOM}updated") is not None
        for entry in root.iter(f"{ATOM}entry"):
            assert entry.find(f"{ATOM}id").text and entry.find(f"{ATOM}updated").text
    summary = feedparser.parse((site / "feed.xml").read_bytes()).entries[1].summary
    words = summary.replace("\u202f", " ").replace("\u00a0", " ")
    assert "Apply by Tuesday, December 15, 2026, at 5:00 p.m. EST." in words


def test_feeds_follow_the_clock(tmp_path: Path) -> None:
    after = build_at(tmp_path, "2026-12-03T00:00:00-05:00")
    links = [e.link for e in feedparser.parse((after / "feed.xml").read_bytes()).entries]
    assert links == [BASE + "jobs/data-analyst/"]
    later = build_at(tmp_path, "2026-12-15T17:00:00-05:00")
    assert feedparser.parse((later / "feed.xml").read_bytes()).entries == []


def sitemap(out: Path) -> dict[str, dict[str, str]]:
    """Each sitemap URL with its hreflang alternates (and lastmod under '')."""
    root = ET.fromstring((out / "sitemap.xml").read_bytes())
    entries = {}
    for url in root.iter(f"{SITEMAP}url"):
        links = {a.get("hreflang"): a.get("href") for a in url.iter(f"{XHTML}link")}
        lastmod = url.find(f"{SITEMAP}lastmod")
        entries[url.find(f"{SITEMAP}loc").text] = links | {
            "": lastmod.text if lastmod is not None else ""}
    return entries


def test_sitemap_lists_indexable_pages_with_reciprocal_language_alternates(site: Path) -> None:
    entries = sitemap(site)
    listings = {"", "closed/", "fr/", "fr/closed/"}
    # Each language's facets reach every live posting (stand-ins included), so they match.
    facets = {BASE + lang + p for lang in ("", "fr/") for p in (
        "locations/toronto/", "arrangements/remote/", "arrangements/hybrid/",
        "organizations/golden-public-service/", "organizations/golden-digital-service/",
        "terms/temporary/", "terms/permanent/")}
    assert set(entries) == {BASE + p for p in listings | LIVE} | facets
    en, fr = entries[BASE + "jobs/data-analyst/"], entries[BASE + "fr/jobs/analyste-des-donnees/"]
    assert en["fr"] == BASE + "fr/jobs/analyste-des-donnees/" and fr["en"] == BASE + (
        "jobs/data-analyst/")
    assert en[""] == "2026-11-02"
    assert set(entries[BASE + "jobs/remote-developer/"]) == {""}
    assert (site / "robots.txt").read_text().endswith(f"Sitemap: {BASE}sitemap.xml\n")


def test_the_calendar_file_imports_with_the_deadline_instant(site: Path) -> None:
    calendar = icalendar.Calendar.from_ical((site / "jobs/data-analyst/deadline.ics").read_bytes())
    [event] = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start.astimezone(UTC) == datetime(2026, 12, 15, 22, 0, tzinfo=UTC)
    assert event["dtstart"].params["TZID"] == "America/Toronto"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["America/Toronto"]
    assert str(event["summary"]) == "Deadline to apply: Data Analyst"
    assert str(event["url"]) == BASE + "jobs/data-analyst/"
    html = (site / "jobs/data-analyst/index.html").read_text()
    assert '<a href="deadline.ics" download>Add the deadline to your calendar</a>' in html


def test_a_summer_deadline_keeps_daylight_time_in_the_calendar(tmp_path: Path) -> None:
    text = posting("Summer", deadline="2027-07-09 16:00")
    out = build_at(tmp_path, "2026-11-29T12:00:00-05:00", make_content(tmp_path, {"s.md": text}))
    [event] = icalendar.Calendar.from_ical((out / "jobs/s/deadline.ics").read_bytes()).walk(
        "VEVENT")
    assert event.decoded("dtstart").astimezone(UTC) == datetime(2027, 7, 9, 20, 0, tzinfo=UTC)


def test_next_change_names_the_next_status_change(site: Path, tmp_path: Path) -> None:
    assert (site / "next-change.txt").read_text() == "2026-12-02T23:59:00-05:00\n"
    assert json.loads((site / "jobs.json").read_text())["next_change"] == (
        "2026-12-02T23:59:00-05:00")
    after = build_at(tmp_path, "2026-12-15T17:00:00-05:00")
    assert (after / "next-change.txt").read_text() == "2029-06-01T16:00:00-04:00\n"  # retention
    last = build_at(tmp_path, "2029-12-15T17:00:00-05:00")
    assert (last / "next-change.txt").read_text() == "\n"


def test_the_organization_website_and_logo_from_site_yml_reach_search_engines(
        tmp_path: Path) -> None:
    from tests.conftest import SITE_YML
    settings = SITE_YML + "organization_url: https://www.example.ca/\nlogo: assets/logo.png\n"
    folder = make_content(tmp_path, {"a.md": posting("Analyst")}, settings)
    [data] = jsonld(build_at(tmp_path, "2026-11-29T12:00:00-05:00", folder)
                    / "jobs/a/index.html")
    assert data["hiringOrganization"] == {"@type": "Organization", "name": "Test Public Service",
                                          "sameAs": "https://www.example.ca/",
                                          "logo": "https://jobs.example.ca/assets/logo.png"}


@pytest.mark.parametrize(("now", "expected"), [
    ("2026-11-30T09:00:00-05:00", "2026-12-02T23:59:00-05:00"),   # remote developer closes
    ("2026-12-02T23:59:00-05:00", "2026-12-12T17:00:00-05:00"),   # data analyst closing soon
    ("2026-12-12T17:00:00-05:00", "2026-12-15T17:00:00-05:00"),   # data analyst closes
])
def test_next_change_of_the_sample_site_at_several_moments(tmp_path: Path, now: str,
                                                           expected: str) -> None:
    assert (build_at(tmp_path, now) / "next-change.txt").read_text() == expected + "\n"


def test_next_change_across_the_spring_daylight_saving_change(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"spring.md": posting("Spring", posted="2027-02-01",
                                                          deadline="2027-03-15 12:00")})
    before = build_at(tmp_path, "2027-03-10T09:00:00-05:00", folder)
    assert (before / "next-change.txt").read_text() == "2027-03-12T12:00:00-05:00\n"
    soon = build_at(tmp_path, "2027-03-12T12:00:00-05:00", folder)
    assert (soon / "next-change.txt").read_text() == "2027-03-15T12:00:00-04:00\n"
