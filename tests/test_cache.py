"""The build cache: a cached build writes exactly what a clean build writes, after any change,
and leaves unchanged pages as they were (hard-linked, not rewritten)."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from openings import build_site
from tests.conftest import LAYOUTS, make_content, posting

NOW = datetime.fromisoformat("2026-11-29T12:00:00-05:00")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of a built site."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def same_as_clean(content: Path, cached: Path, tmp_path: Path, now: datetime = NOW,
                  layouts: Path = LAYOUTS) -> None:
    """The cached build's output equals a clean build's, byte for byte."""
    clean = tmp_path / "clean" / "site"
    shutil.rmtree(clean.parent, ignore_errors=True)
    build_site(content, clean, layouts, now, search=False, cache=False)
    assert tree(cached) == tree(clean)


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    """A content folder and its first (cached) build."""
    content = make_content(tmp_path, {
        "analyst.md": posting("Analyst", job_id="J-1"),
        "analyste.md": posting("Analyste", job_id="J-1", lang="fr"),
        "clerk.md": posting("Clerk", deadline="2026-12-01"),
        "old.md": posting("Old", deadline="2026-11-10", posted="2026-10-01"),
    })
    out = tmp_path / "build" / "site"
    build_site(content, out, LAYOUTS, NOW, search=False)
    assert (out.parent / ".cache/openings/build-cache.pickle").is_file()
    return content, out


def test_an_unchanged_page_is_kept_not_rewritten(site: tuple[Path, Path]) -> None:
    content, out = site
    before = (out / "jobs/clerk/index.html").stat().st_ino
    (content / "analyst.md").write_text(posting("Senior Analyst", job_id="J-1"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    assert (out / "jobs/clerk/index.html").stat().st_ino == before
    assert "Senior Analyst" in (out / "jobs/analyst/index.html").read_text()


@pytest.mark.parametrize("change", ["edit", "rename", "delete", "add"])
def test_after_a_content_change_the_cached_build_equals_a_clean_one(
        site: tuple[Path, Path], tmp_path: Path, change: str) -> None:
    content, out = site
    if change == "edit":
        (content / "clerk.md").write_text(posting("Court Clerk", deadline="2026-12-01"))
    elif change == "rename":
        (content / "clerk.md").rename(content / "court-clerk.md")
    elif change == "delete":
        (content / "analyste.md").unlink()
    else:
        (content / "new.md").write_text(posting("New Job"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    same_as_clean(content, out, tmp_path)


def test_a_later_clock_recomputes_every_status(site: tuple[Path, Path], tmp_path: Path) -> None:
    content, out = site
    later = datetime.fromisoformat("2026-12-02T09:00:00-05:00")
    build_site(content, out, LAYOUTS, later, search=False)
    same_as_clean(content, out, tmp_path, later)
    assert 'data-status="closed"' in (out / "jobs/clerk/index.html").read_text()


def test_a_layout_change_drops_the_cache(site: tuple[Path, Path], tmp_path: Path) -> None:
    content, out = site
    layouts = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, layouts)
    footer = layouts / "base.html"
    footer.write_text(footer.read_text().replace("<footer", "<footer data-changed"))
    build_site(content, out, layouts, NOW, search=False)
    same_as_clean(content, out, tmp_path, layouts=layouts)
    assert "data-changed" in (out / "jobs/clerk/index.html").read_text()


def test_a_damaged_cache_is_ignored(site: tuple[Path, Path], tmp_path: Path) -> None:
    content, out = site
    (out.parent / ".cache/openings/build-cache.pickle").write_bytes(b"not a pickle")
    build_site(content, out, LAYOUTS, NOW, search=False)
    same_as_clean(content, out, tmp_path)
