"""What readers browse: facet pages and feeds, the home's filters, the paginated closed archive,
retention."""

from __future__ import annotations

import pickle
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

import openings.packed
from openings import build_site
from openings.build.gather import gather
from openings.pages.listings import PAGE_SIZE
from openings.pages.page import card_at
from tests.conftest import LAYOUTS, SITE_YML, make_content, posting

NOW = datetime(2026, 11, 29, 17, 0, tzinfo=UTC)


def titles(html: str) -> list[str]:
    """The posting titles a listing shows, in order."""
    return re.findall(r'class="job-card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Postings in two cities, remote and hybrid, of two organizations and job types."""
    folder = make_content(tmp_path, {
        "a.md": posting("Analyst", deadline="2027-01-10"),
        "b.md": posting("Builder", deadline="2027-01-05").replace(
            "location: Toronto, Ontario", "location: Sudbury, Ontario").replace(
            "type: permanent", "type: co-op"),
        "c.md": posting("Coder", deadline="2027-02-01").replace(
            "location: Toronto, Ontario", "location: Anywhere in Ontario\n"
            "work_arrangement: remote\norganization: Digital Service"),
        "d.md": posting("Designer", deadline="2027-03-01").replace(
            "location: Toronto, Ontario", "location: Toronto, Ontario\nwork_arrangement: hybrid"),
        "e.md": posting("Editor", deadline="2026-11-01", posted="2026-10-01"),
    })
    out = tmp_path / "site"
    build_site(folder, out, LAYOUTS, NOW, search=False)
    return out


def test_each_facet_value_has_a_page_of_its_open_postings_soonest_first(site: Path) -> None:
    assert titles((site / "locations/toronto/index.html").read_text()) == ["Analyst", "Designer"]
    assert titles((site / "locations/sudbury/index.html").read_text()) == ["Builder"]
    assert titles((site / "arrangements/remote/index.html").read_text()) == ["Coder"]
    assert titles((site / "arrangements/hybrid/index.html").read_text()) == ["Designer"]
    assert titles((site / "arrangements/on-site/index.html").read_text()) == ["Builder", "Analyst"]
    assert titles((site / "organizations/digital-service/index.html").read_text()) == ["Coder"]
    assert titles((site / "terms/co-op/index.html").read_text()) == ["Builder"]
    assert "Editor" not in (site / "locations/toronto/index.html").read_text()


def test_each_facet_page_has_its_own_feed_for_alerts(site: Path) -> None:
    feed = (site / "terms/co-op/feed.xml").read_text()
    assert "<title>Co-op – Open jobs – Careers Test</title>" in feed
    assert feed.count("<entry>") == 1 and "jobs/b/" in feed
    assert '<a href="feed.xml">Get alerts for these jobs (Atom feed)</a>' in (
        site / "terms/co-op/index.html").read_text()


def test_the_home_page_links_every_facet_with_its_count(site: Path) -> None:
    home = (site / "index.html").read_text()
    assert '<li><a href="locations/toronto/">Toronto</a> <span class="browse__count">(2)' in home
    assert '<a href="terms/permanent/">Permanent</a> <span class="browse__count">(3)' in home
    assert titles(home) == ["Builder", "Analyst", "Coder", "Designer"]
    assert 'data-locations="toronto" data-arrangement="hybrid"' in home
    assert 'data-term="co-op"' in home


def test_work_arrangement_is_its_own_facet_not_a_place(site: Path) -> None:
    home = (site / "index.html").read_text()
    assert not (site / "locations/remote").exists() and not (site / "locations/hybrid").exists()
    locations = re.search(r'<select[^>]*name="locations">(.*?)</select>', home, re.S)
    arrangements = re.search(r'<select[^>]*name="arrangements">(.*?)</select>', home, re.S)
    assert locations and arrangements
    assert "Remote" not in locations.group(1) and "Hybrid" not in locations.group(1)
    assert re.findall(r'<option value="([^"]*)">', arrangements.group(1)) == [
        "", "hybrid", "on-site", "remote"]
    assert '<a href="arrangements/remote/">Remote</a>' in home
    assert "<title>Remote – Open jobs – Careers Test</title>" in (
        site / "arrangements/remote/feed.xml").read_text()


@pytest.mark.parametrize(("home", "everything"), [
    ("index.html", ["All locations", "All work arrangements", "All organizations",
                    "All job types", "Any amount"]),
    ("fr/index.html", ["Tous les lieux", "Toutes les modalités de travail",
                       "Toutes les organisations", "Tous les types d’emploi",
                       "Peu importe le montant"]),
], ids=["en", "fr"])
def test_each_filter_says_what_choosing_every_value_means(site: Path, home: str,
                                                         everything: list[str]) -> None:
    html = (site / home).read_text()
    assert re.findall(r'<option value="">([^<]*)</option>', html) == everything


def test_the_pay_filter_says_it_compares_the_top_of_the_range_a_year(site: Path) -> None:
    home = (site / "index.html").read_text()
    assert 'for="filter-salary">Pay can reach at least (a year)</label>' in home
    assert "The top of each job’s pay range, with pay by the hour, week or month worked out " \
           "for a year." in home


def test_the_sentence_under_the_title_has_words_for_every_order(site: Path) -> None:
    home = (site / "index.html").read_text()
    assert ">Jobs you can apply for now, soonest deadline first.</p>" in home
    assert 'data-newest="Jobs you can apply for now, newest first."' in home
    assert 'data-salary="Jobs you can apply for now, highest pay first."' in home
    sort = re.search(r'<select[^>]*name="sort">(.*?)</select>', home, re.S)
    assert sort and re.findall(r'value="([^"]+)"', sort.group(1)) == ["deadline", "newest",
                                                                       "salary"]


def test_cards_carry_yearly_pay_for_the_pay_filter(tmp_path: Path) -> None:
    hourly = posting("Clerk").replace("min: 70000", "min: 30").replace(
        "max: 85000", "max: 33").replace("per: year", "per: hour")
    out = tmp_path / "site"
    build_site(make_content(tmp_path, {"c.md": hourly}), out, LAYOUTS, NOW, search=False)
    assert 'data-salary="62205"' in (out / "index.html").read_text()  # 33 x 36.25 x 52


def test_the_closed_archive_is_paginated_newest_first(tmp_path: Path) -> None:
    files = {f"job{n:03d}.md": posting(f"Job {n:03d}", posted="2026-01-01",
                                      deadline=f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}")
             for n in range(PAGE_SIZE + 5)}
    out = tmp_path / "site"
    build_site(make_content(tmp_path, files), out, LAYOUTS, NOW, search=False)
    first = (out / "closed/index.html").read_text()
    second = (out / "closed/page/2/index.html").read_text()
    assert len(titles(first)) == PAGE_SIZE and len(titles(second)) == 5
    assert titles(first)[0] == f"Job {PAGE_SIZE + 4:03d}" and titles(second)[-1] == "Job 000"
    assert '<a href="../closed/page/2/" rel="next">Next page</a>' in first
    assert '<a href="../../../closed/" rel="prev">Previous page</a>' in second
    assert "page 2 of 2" in second


def test_closed_postings_leave_the_site_after_the_retention_period(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"old.md": posting("Old", posted="2023-01-01",
                                                       deadline="2023-11-29")})
    kept, gone = tmp_path / "kept", tmp_path / "gone"
    build_site(folder, kept, LAYOUTS, datetime(2026, 11, 30, 4, 58, tzinfo=UTC), search=False)
    build_site(folder, gone, LAYOUTS, datetime(2026, 11, 30, 4, 59, tzinfo=UTC), search=False)
    assert (kept / "jobs/old/index.html").is_file()
    assert not (gone / "jobs/old").exists() and "Old" not in (gone / "jobs.json").read_text()
    assert (folder / "old.md").is_file()
    longer = make_content(tmp_path / "longer", {"old.md": posting(
        "Old", posted="2023-01-01", deadline="2023-11-29")},
        SITE_YML + "closed_retention_years: 5\n")
    build_site(longer, tmp_path / "l", LAYOUTS, NOW, search=False)
    assert (tmp_path / "l/jobs/old/index.html").is_file()


def test_a_card_reads_its_postings_packed_details_once(
        site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Listings' cards are made in render workers from postings that arrive packed: a card
    reads most of a posting's details, its facets among them, from one unpacking."""
    _, plan, _ = gather(site.parent / "content", NOW, drafts=False)
    view = pickle.loads(pickle.dumps(plan.views[0]))
    assert view.posting._packed is not None
    pack, loads, unpacked = view.posting._packed, pickle.loads, []
    monkeypatch.setattr(openings.packed.pickle, "loads",
                        lambda data: unpacked.append(data) or loads(data))
    card_at.cache_clear()
    card = card_at(view, "../", None)
    assert card.locations == "toronto" and card.term == "permanent"
    assert unpacked.count(pack) == 1
