"""Full-text search: Pagefind indexes open postings only, per language, the same every time."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

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
