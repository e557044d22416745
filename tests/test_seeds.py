"""The sample site tells its seeds' truth: the two original postings (the Ontario Digital
Service's Data co-op of 2023 and the search for Ontario's first Chief Digital Officer in 2016)
state on their built pages every fact their sources state, and nothing their sources do not.

The sample content/ is read, never written; the site is built into a temporary folder.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import html5lib
import pytest

from openings import build_site
from tests.conftest import LAYOUTS

CONTENT = Path(__file__).resolve().parent.parent / "content"
NOW = datetime.fromisoformat("2026-12-01T12:00:00-05:00")
CO_OP, CDO = "jobs/data-co-op/index.html", "jobs/chief-digital-officer/index.html"
REQUIREMENTS = {"Eligibility": 3, "Research and analysis": 3, "Subject matter expertise": 3,
                "Collaboration and partnerships": 5}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site at a fixed moment, when both seed postings are long closed."""
    out = tmp_path_factory.mktemp("seeds") / "site"
    build_site(CONTENT, out, LAYOUTS, NOW, search=False, cache=False)
    return out


def page(site: Path, path: str) -> Any:
    """A built page's element tree."""
    return html5lib.parse((site / path).read_text(encoding="utf-8"),
                          namespaceHTMLElements=False)


def words(element: Any) -> str:
    """An element's text as one line, CLDR's no-break spaces read as spaces."""
    text = " ".join("".join(element.itertext()).split())
    return text.replace("\u202f", " ").replace("\xa0", " ")


def facts(tree: Any) -> dict[str, str]:
    """A posting page's job details, label to value."""
    return {words(row.find("dt")).rstrip(" :"): words(row.find("dd"))
            for row in tree.iterfind(".//main//dl/div")}


def postings(site: Path) -> dict[str, dict[str, Any]]:
    """jobs.json's postings by slug."""
    return {p["slug"]: p for p in json.loads((site / "jobs.json").read_text())["postings"]}


def test_the_data_co_op_states_its_seeds_job_details(site: Path) -> None:
    details = facts(page(site, CO_OP))
    assert details["Division"] == "Ontario Digital Service"
    assert details["Location"] == "Toronto, Ontario (currently remote)"
    assert details["Salary"] == "$669.57 to $892.75 a week (before tax, depending on work term)"
    assert details["Job term"] == ("Co-op, generally four or eight months, "
                                   "January 2, 2024 to April 26, 2024")
    assert details["Hours of work"] == "36.25 hours a week (Schedule 6)"


def test_the_data_co_op_is_closed_at_its_seeds_deadline_with_its_status(site: Path) -> None:
    tree = page(site, CO_OP)
    status = tree.find(".//*[@data-status-box]")
    assert "Applications for this role are now closed." in words(status)
    assert "We received fewer than 10 applications for this job." in words(status)
    deadline = status.find(".//time")
    assert deadline.get("datetime") == "2023-11-10T17:00:00-05:00"
    assert words(deadline) == ("Friday, November 10, 2023, at 5:00 p.m. "
                               "Eastern Standard Time (EST)")


def test_the_data_co_op_keeps_every_requirement_of_its_seed(site: Path) -> None:
    body = page(site, CO_OP).find(".//div[@class='posting__body']")
    headings = [words(h) for h in body.iterfind("h3")]
    assert headings == list(REQUIREMENTS)
    children = list(body)
    for heading, count in REQUIREMENTS.items():
        at = next(i for i, child in enumerate(children)
                  if child.tag == "h3" and words(child) == heading)
        assert children[at + 1].tag == "ul" and len(children[at + 1]) == count, heading
    text = words(body)
    assert ("We check every application we receive by the closing date against the "
            "requirements below. If you meet them, we will invite you to the next step of the "
            "hiring process.") in text
    assert 'Send it to ODS.Data.Talent@ontario.ca with "Data co-op" as the subject line.' in text


def test_the_data_co_op_names_its_own_accommodation_contact_and_the_statement(
        site: Path) -> None:
    tree = page(site, CO_OP)
    callout = tree.find(".//section[@aria-labelledby='accommodation']")
    assert "ODS.Data.Talent@ontario.ca" in words(callout)
    assert callout.find(".//a").get("href") == "mailto:ODS.Data.Talent@ontario.ca"
    assert "accessibility.careers@example.on.ca" not in (site / CO_OP).read_text()
    statement = tree.find(".//div[@class='posting__main']/p[@class='posting__statement']")
    assert words(statement) == "The Ontario Public Service is an inclusive employer."
    french = page(site, "fr/jobs/data-co-op/index.html")
    assert words(french.find(".//*[@class='posting__statement']")) == (
        "La fonction publique de l’Ontario est un employeur inclusif.")
    job = postings(site)["data-co-op"]
    assert job["accommodation"]["email"] == "ODS.Data.Talent@ontario.ca"
    assert (job["contact"]["email"], job["contact"]["subject"]) == (
        "ODS.Data.Talent@ontario.ca", "Data co-op")
    assert (job["salary"]["min"], job["salary"]["max"], job["salary"]["per"]) == (
        669.57, 892.75, "week")


def test_the_chief_digital_officer_states_no_pay_its_seed_never_gave(site: Path) -> None:
    tree = page(site, CDO)
    assert "Salary" not in facts(tree)
    assert "Salaire" not in facts(page(site, "fr/jobs/chief-digital-officer/index.html"))
    assert "$" not in words(tree.find(".//main")) and "None" not in (site / CDO).read_text()
    assert tree.find(".//script[@type='application/ld+json']") is None
    job = postings(site)["chief-digital-officer"]
    assert job["salary"] is None
    rows = csv.DictReader(io.StringIO((site / "jobs.csv").read_text("utf-8-sig")))
    row = next(r for r in rows if r["slug"] == "chief-digital-officer")
    assert (row["salary.min"], row["salary.max"], row["salary.per"]) == ("", "", "")


def test_the_chief_digital_officer_states_its_seeds_facts(site: Path) -> None:
    tree = page(site, CDO)
    assert facts(tree)["Location"] == "Toronto, Ontario"
    deadline = tree.find(".//*[@data-status-box]//time")
    assert deadline.get("datetime") == "2016-07-29T23:59:00-04:00"
    assert words(deadline).startswith("Friday, July 29, 2016")
    body = words(tree.find(".//div[@class='posting__body']"))
    assert "Use \"I'm Your CDO\" as the subject line." in body
    assert "more than 60,000 people" in body and "first announced the role in its 2016" in body
    assert postings(site)["chief-digital-officer"]["contact"]["subject"] == "I'm Your CDO"
