"""Full-text search: Pagefind indexes open postings only, per language, the same every time,
and holds what a reader reads as the posting: no words for another state, no buttons, each fact's
label apart from its value, and the card's facts for the result."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from openings import build_site
from tests.conftest import LAYOUTS, make_content, posting

NOW = datetime(2026, 11, 29, 17, 0, tzinfo=UTC)


def files(folder: Path) -> dict[str, bytes]:
    """Every file of the search bundle and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_search_index_is_built_per_language_and_is_reproducible(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {
        "a.md": posting("Analyst", job_id="J-1"),
        "b.md": posting("Analyste", job_id="J-1", lang="fr"),
        "old.md": posting("Old", deadline="2026-11-01", posted="2026-10-01"),
    })
    first, second = tmp_path / "one", tmp_path / "two"
    build_site(folder, first, LAYOUTS, NOW)
    build_site(folder, second, LAYOUTS, NOW)
    assert (first / "pagefind/pagefind.js").is_file()
    entry = json.loads((first / "pagefind/pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"en", "fr"}
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == 2
    assert files(first / "pagefind") == files(second / "pagefind")


def test_only_open_postings_are_marked_for_the_index(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"a.md": posting("Analyst"), "old.md": posting(
        "Old", deadline="2026-11-01", posted="2026-10-01")})
    out = tmp_path / "site"
    build_site(folder, out, LAYOUTS, NOW)
    assert "data-pagefind-body" in (out / "jobs/a/index.html").read_text()
    assert "data-pagefind-body" not in (out / "jobs/old/index.html").read_text()
    assert "data-pagefind-body" not in (out / "index.html").read_text()


def test_a_site_with_no_open_posting_has_no_index_to_search(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"old.md": posting("Old", deadline="2026-11-01",
                                                       posted="2026-10-01")})
    out = tmp_path / "site"
    build_site(folder, out, LAYOUTS, NOW)
    assert not (out / "pagefind").exists()


def test_the_entry_file_lists_languages_in_a_fixed_order(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"a.md": posting("Analyst", job_id="J-1"),
                                     "b.md": posting("Analyste", job_id="J-1", lang="fr")})
    out = tmp_path / "site"
    build_site(folder, out, LAYOUTS, NOW)
    text = (out / "pagefind/pagefind-entry.json").read_text()
    assert text.index('"en"') < text.index('"fr"')
    assert text == json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"),
                              sort_keys=True)


def test_the_index_is_reused_until_an_indexed_page_changes(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"a.md": posting("Analyst"), "old.md": posting(
        "Old", deadline="2026-11-01", posted="2026-10-01")})
    out = tmp_path / "build" / "site"
    build_site(folder, out, LAYOUTS, NOW)
    entry = (out / "pagefind/pagefind-entry.json").stat().st_ino
    (folder / "old.md").write_text(posting("Older", deadline="2026-11-01", posted="2026-10-01"))
    build_site(folder, out, LAYOUTS, NOW)
    assert (out / "pagefind/pagefind-entry.json").stat().st_ino == entry
    (folder / "a.md").write_text(posting("Analyst").replace("You will help people.",
                                                            "You will help everyone."))
    build_site(folder, out, LAYOUTS, NOW)
    clean = tmp_path / "clean" / "site"
    build_site(folder, clean, LAYOUTS, NOW, cache=False)
    assert files(out / "pagefind") == files(clean / "pagefind")


def test_pages_kept_from_an_older_tree_are_indexed_as_they_now_read(tmp_path: Path) -> None:
    """The spare tree is two builds old: a page kept unchanged since the last build is
    brought up to date in it before Pagefind reads it."""
    folder = make_content(tmp_path, {"a.md": posting("Analyst")})
    out = tmp_path / "build" / "site"
    build_site(folder, out, LAYOUTS, NOW, search=False)
    (folder / "a.md").write_text(posting("Analyst").replace("You will help people.",
                                                            "You will help everyone."))
    build_site(folder, out, LAYOUTS, NOW, search=False)
    build_site(folder, out, LAYOUTS, NOW)
    clean = tmp_path / "clean" / "site"
    build_site(folder, clean, LAYOUTS, NOW, cache=False)
    assert files(out / "pagefind") == files(clean / "pagefind")
    assert any("everyone" in page["content"] for page in fragments(out).values())


def fragments(site: Path) -> dict[str, dict[str, Any]]:
    """What the built index holds of each page, by its address: Pagefind's fragment files,
    decompressed as its search script does."""
    found = {}
    for path in (site / "pagefind").rglob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        data = json.loads(raw)
        found[data["url"]] = data
    return found


@pytest.fixture
def indexed(tmp_path: Path) -> dict[str, dict[str, Any]]:
    """The index of a site with an open, a closing-soon, a French and a closed posting."""
    folder = make_content(tmp_path, {
        "analyst.md": posting("Policy Analyst", job_id="POL-1"),
        "clerk.md": posting("Court Clerk", deadline="2026-12-01", job_id="CC-2"),
        "analyste.md": posting("Analyste des politiques", job_id="POL-1", lang="fr"),
        "old.md": posting("Old Job", deadline="2026-11-01", posted="2026-10-01"),
    })
    out = tmp_path / "site"
    build_site(folder, out, LAYOUTS, NOW)
    return fragments(out)


ANOTHER_STATE = ("now closed", "maintenant closes", "Status", "État", "Closing soon",
                 "Ferme bientôt", "Closes in", "Ferme dans")
BUTTONS = ("Apply by email", "Apply online", "Print this job", "Copy the link",
           "Add the deadline", "Send your application", "Postuler par courriel",
           "Imprimer cette offre", "Copier le lien", "Envoyez votre candidature")


def test_closed_postings_are_not_in_the_index(indexed: dict[str, dict[str, Any]]) -> None:
    # Open postings and their stand-ins in the other language; never a closed one.
    assert sorted(indexed) == ["/fr/jobs/analyste/", "/fr/jobs/clerk/", "/jobs/analyst/",
                               "/jobs/clerk/"]


def test_the_index_holds_no_words_for_another_state_and_no_buttons(
        indexed: dict[str, dict[str, Any]]) -> None:
    for url, data in indexed.items():
        for words in ANOTHER_STATE + BUTTONS:
            assert words.lower() not in data["content"].lower(), \
                f"{url}: the index says {words!r}: {data['content']}"


@pytest.mark.parametrize(("url", "expected"), [
    ("/jobs/analyst/", ["Policy Analyst. Test Public Service. Apply by ",
                        "Location: Toronto, Ontario.", "Job ID: POL-1.", "Existing vacancy: Yes.",
                        "Salary: $70,000 to $85,000 a year.",
                        "About the job. You will help people."]),
    ("/fr/jobs/analyste/", ["Analyste des politiques. Test Public Service. ",
                            "Lieu : Toronto, Ontario.", " : POL-1.",
                            "Salaire : 70 000 $ à 85 000 $ par année."]),
], ids=["en", "fr"])
def test_the_index_holds_the_posting_with_its_labels_apart_from_their_values(
        indexed: dict[str, dict[str, Any]], url: str, expected: list[str]) -> None:
    content = " ".join(indexed[url]["content"].split())     # French spaces are no-break ones
    for words in expected:
        assert words in content, f"{url}: {words!r} is not in {content!r}"


def test_a_result_carries_the_cards_facts(indexed: dict[str, dict[str, Any]]) -> None:
    assert indexed["/jobs/clerk/"]["meta"] == {
        "title": "Court Clerk", "organization": "Test Public Service",
        "location": "Toronto, Ontario", "pay": "$70,000 to $85,000 a year",
        "deadline": "2026-12-01T23:59:00-05:00", "soon": "2026-11-28T23:59:00-05:00",
        "deadline_text": indexed["/jobs/clerk/"]["meta"]["deadline_text"]}
    assert "December 1, 2026" in indexed["/jobs/clerk/"]["meta"]["deadline_text"]


def test_a_build_failing_while_the_index_is_made_leaves_the_site_and_no_indexer_files(
        tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"a.md": posting("Analyst"), "b.md": posting("Clerk")})
    out = tmp_path / "build" / "site"
    build_site(folder, out, LAYOUTS, NOW)
    before = files(out)
    broken = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, broken)
    (broken / "closed.html").write_text(
        "{% extends 'base.html' %}{% block main %}{{ missing.name }}{% endblock %}")
    (folder / "a.md").write_text(posting("Senior Analyst"))
    with pytest.raises(Exception, match="missing"):
        build_site(folder, out, broken, NOW)
    assert files(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == [".cache", "site"]
