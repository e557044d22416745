"""The build cache: a cached build writes exactly what a clean build writes, after any change,
and leaves unchanged pages as they were (hard-linked, not rewritten)."""

from __future__ import annotations

import importlib
import os
import pickle
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import openings.build.cache
import openings.build.cache_files
import openings.content.content_files
import openings.pages.plan
from openings import build_site
from openings.build.gather import gather
from openings.content.load import LoadCache, load_content
from openings.errors import errors_only
from openings.pages.views import PostingView
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


@pytest.mark.parametrize("change", ["edit", "rename", "delete", "add", "settings"])
def test_after_a_content_change_the_cached_build_equals_a_clean_one(
        site: tuple[Path, Path], tmp_path: Path, change: str) -> None:
    content, out = site
    if change == "edit":
        (content / "clerk.md").write_text(posting("Court Clerk", deadline="2026-12-01"))
    elif change == "rename":
        (content / "clerk.md").rename(content / "court-clerk.md")
    elif change == "delete":
        (content / "analyste.md").unlink()
    elif change == "settings":
        settings = content / "site.yml"
        settings.write_text(settings.read_text().replace("closing_soon_days: 3",
                                                         "closing_soon_days: 4"))
    else:
        (content / "new.md").write_text(posting("New Job"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    same_as_clean(content, out, tmp_path)


def test_an_earlier_clock_after_a_later_one_is_a_clean_build_too(
        site: tuple[Path, Path], tmp_path: Path) -> None:
    content, out = site
    build_site(content, out, LAYOUTS, datetime.fromisoformat("2026-12-02T09:00:00-05:00"),
               search=False)
    build_site(content, out, LAYOUTS, NOW, search=False)
    same_as_clean(content, out, tmp_path)
    assert 'data-status="closing-soon"' in (out / "jobs/clerk/index.html").read_text()


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


@pytest.mark.parametrize("installed", ["Babel-99.0.dist-info", "PyYAML-99.0-py3.11.egg-info",
                                       "jinja2-99.0.dist-info", "Jinja2.egg-info"])
def test_another_version_of_a_library_drops_the_cache(
        site: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        installed: str) -> None:
    _, out = site
    assert openings.build.cache.BuildCache.open(out, LAYOUTS).memory.loads.files
    upgraded = tmp_path / "upgraded"
    (upgraded / installed).mkdir(parents=True)
    (upgraded / installed / "PKG-INFO").write_text("Name: Jinja2\nVersion: 99.0\n")
    monkeypatch.setattr(sys, "path", [*sys.path, str(upgraded)])  # last: a copy counts anywhere
    assert not openings.build.cache.BuildCache.open(out, LAYOUTS).memory.loads.files


def test_a_damaged_cache_is_ignored(site: tuple[Path, Path], tmp_path: Path) -> None:
    content, out = site
    (out.parent / ".cache/openings/build-cache.pickle").write_bytes(b"not a pickle")
    build_site(content, out, LAYOUTS, NOW, search=False)
    same_as_clean(content, out, tmp_path)


class FromAnotherVersion:
    """A record whose class changed shape since the cache was written: loading it fails."""

    def __reduce__(self) -> tuple[type, tuple[str]]:
        return int, ("not a number",)


@pytest.mark.parametrize("written", ["another version", "this version", "one record"])
def test_a_cache_another_version_wrote_is_never_trusted(
        site: tuple[Path, Path], tmp_path: Path, written: str) -> None:
    content, out = site
    cache = out.parent / ".cache/openings/build-cache.pickle"
    with cache.open("rb") as handle:
        current = pickle.load(handle)
    with cache.open("wb") as handle:
        if written == "one record":
            pickle.dump({"stamp": current, "memory": FromAnotherVersion()}, handle)
        else:
            pickle.dump(current if written == "this version" else written, handle)
            pickle.dump({"memory": FromAnotherVersion()}, handle)
    (content / "clerk.md").write_text(posting("Court Clerk", deadline="2026-12-01"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    same_as_clean(content, out, tmp_path)


@pytest.mark.parametrize("compact_at", [0.0, 1.0], ids=["written whole", "written as changes"])
def test_a_run_of_edits_rewrites_only_what_changed_and_always_equals_a_clean_build(
        site: tuple[Path, Path], tmp_path: Path, compact_at: float,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(openings.build.cache, "COMPACT_AT", compact_at)
    content, out = site
    steady = (out / "jobs/old/index.html").stat().st_ino
    steps: list[Callable[[], object]] = [
        lambda: (content / "clerk.md").write_text(posting("Court Clerk", deadline="2026-12-01")),
        lambda: (content / "new.md").write_text(posting("New Job")),
        lambda: (content / "analyste.md").unlink(),
        lambda: (content / "clerk.md").rename(content / "court-clerk.md"),
        lambda: (content / "new.md").write_text(posting("Newer Job")),
    ]
    for step in steps:
        step()
        build_site(content, out, LAYOUTS, NOW, search=False)
        same_as_clean(content, out, tmp_path)
        assert (out / "jobs/old/index.html").stat().st_ino == steady
    assert (out.parent / ".cache/openings/spare-site").is_dir()
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".site.")]


def test_a_closed_postings_edit_rewrites_the_archive_and_keeps_the_homes(
        site: tuple[Path, Path], tmp_path: Path) -> None:
    content, out = site
    homes = {path: (out / path).stat().st_ino for path in ("index.html", "fr/index.html")}
    (content / "old.md").write_text(posting("Retired Role", deadline="2026-11-10",
                                            posted="2026-10-01"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    assert {path: (out / path).stat().st_ino for path in homes} == homes
    assert "Retired Role" in (out / "closed/index.html").read_text()
    assert "Retired Role" in (out / "fr/closed/index.html").read_text()
    same_as_clean(content, out, tmp_path)


def test_after_an_edit_the_cache_writes_the_changes_not_the_whole(
        site: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(openings.build.cache, "COMPACT_AT", 1.0)
    content, out = site
    cache = out.parent / ".cache/openings"
    whole = (cache / "build-cache.pickle").stat()
    (content / "clerk.md").write_text(posting("Court Clerk", deadline="2026-12-01"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    assert (cache / "build-cache.pickle").stat().st_mtime_ns == whole.st_mtime_ns
    with (cache / "build-cache-changes.pickle").open("rb") as handle:
        pickle.load(handle)
        _, _, changed = pickle.load(handle)
    assert [Path(path).name for path in changed["files"][0]] == ["clerk.md"]
    assert len(changed["units"][0]) == 1


@dataclass(frozen=True)
class Record:
    """A table key that is a record, not a string, as postings are."""

    name: str


@pytest.mark.parametrize("kind", [Record, str], ids=["keyed by records", "keyed by strings"])
def test_the_changes_written_are_what_differs_whether_or_not_objects_are_the_same(
        kind: Callable[[str], object]) -> None:
    kept, moved, renamed, gone = kind("kept"), kind("moved"), kind("renamed"), kind("gone")
    value = ["same"]
    base = {kept: value, moved: ["before"], renamed: ["equal"], gone: ["old"]}
    table = {kept: value, moved: ["after"], kind("renamed"): ["equal"], kind("new"): ["new"]}
    changed, removed = openings.build.cache_files.changes(base, table)
    assert changed == {moved: ["after"], kind("new"): ["new"]}
    assert removed == [gone]


@pytest.mark.parametrize("damage", ["unreadable", "older than the whole"])
def test_changes_that_cannot_be_trusted_still_give_the_clean_build(
        site: tuple[Path, Path], tmp_path: Path, damage: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    content, out = site
    changes = out.parent / ".cache/openings/build-cache-changes.pickle"
    monkeypatch.setattr(openings.build.cache, "COMPACT_AT", 1.0)
    (content / "clerk.md").write_text(posting("Court Clerk", deadline="2026-12-01"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    older = changes.read_bytes()
    monkeypatch.setattr(openings.build.cache, "COMPACT_AT", 0.0)
    (content / "clerk.md").write_text(posting("Court Registrar", deadline="2026-12-01"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    assert not changes.exists()
    changes.write_bytes(b"not a pickle" if damage == "unreadable" else older)
    (content / "analyst.md").write_text(posting("Senior Analyst", job_id="J-1"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    same_as_clean(content, out, tmp_path)
    assert "Court Registrar" in (out / "jobs/clerk/index.html").read_text()


def test_a_build_that_fails_half_way_leaves_the_site_and_the_next_one_is_right(
        site: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content, out = site
    (content / "clerk.md").write_text(posting("Court Clerk", deadline="2026-12-01"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    before = tree(out)
    (content / "new.md").write_text(posting("New Job"))
    (content / "analyst.md").write_text(posting("Lead Analyst", job_id="J-1"))
    fails_with_a_full_disk(monkeypatch, "openings.build.publish", "place", content, out)
    assert tree(out) == before
    monkeypatch.undo()
    build_site(content, out, LAYOUTS, NOW, search=False)
    same_as_clean(content, out, tmp_path)


def fails_with_a_full_disk(monkeypatch: pytest.MonkeyPatch, module: str, name: str,
                           content: Path, out: Path) -> None:
    """Build with one writing function of the engine failing as a full disk does."""

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(importlib.import_module(module), name, full)
    with pytest.raises(OSError):
        build_site(content, out, LAYOUTS, NOW, search=False)


def test_a_build_that_fails_writing_its_open_data_leaves_the_site_and_no_staging_tree(
        site: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Open data is the last thing a build writes, after every page: the most written a
    failed build can leave behind."""
    content, out = site
    before = tree(out)
    (content / "analyst.md").write_text(posting("Lead Analyst", job_id="J-1"))
    fails_with_a_full_disk(monkeypatch, "openings.build.engine", "write_pieces", content, out)
    assert tree(out) == before
    assert [p.name for p in out.parent.iterdir() if ".staging-" in p.name] == []
    monkeypatch.undo()
    build_site(content, out, LAYOUTS, NOW, search=False)
    same_as_clean(content, out, tmp_path)


def test_a_site_replaced_by_hand_is_not_trusted(site: tuple[Path, Path], tmp_path: Path) -> None:
    content, out = site
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    shutil.rmtree(out)
    copy.rename(out)
    (out / "jobs/clerk/index.html").write_text("edited by hand")
    build_site(content, out, LAYOUTS, NOW, search=False)
    same_as_clean(content, out, tmp_path)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust file times at once (builds wait until a file is two seconds old)."""
    monkeypatch.setattr(openings.content.content_files, "SETTLED_NS", 0)


def test_files_with_unchanged_size_and_times_are_not_read_again(
        tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch) -> None:
    content = make_content(tmp_path, {"a.md": posting("A"), "b.md": posting("B")})
    cache = LoadCache()
    load_content(content, cache)
    read: list[str] = []
    real = openings.content.content_files.read_bytes

    def counting(path: Path) -> bytes | OSError | None:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(openings.content.content_files, "read_bytes", counting)
    (content / "b.md").write_text(posting("Bee"))
    loaded, _ = load_content(content, cache)
    assert read == ["b.md"]
    assert loaded is not None and [p.title for p in loaded.postings] == ["A", "Bee"]


def test_an_edit_that_keeps_the_size_and_restores_the_time_is_still_seen(
        tmp_path: Path, settled: None) -> None:
    content = make_content(tmp_path, {"a.md": posting("Analyst")})
    cache = LoadCache()
    load_content(content, cache)
    path = content / "a.md"
    status = path.stat()
    path.write_text(posting("Analyzt"))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert path.stat().st_size == status.st_size
    loaded, _ = load_content(content, cache)
    assert loaded is not None and loaded.postings[0].title == "Analyzt"


def test_the_whole_cache_is_written_in_slices_and_keeps_one_record_of_each_posting(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(openings.build.cache_files, "SLICE", 2)
    content = make_content(tmp_path, {f"job-{n}.md": posting(f"Job {n}", job_id=f"J-{n}")
                                      for n in range(5)})
    out = tmp_path / "build" / "site"
    build_site(content, out, LAYOUTS, NOW, search=False)
    with (out.parent / ".cache/openings/build-cache.pickle").open("rb") as handle:
        pickle.load(handle)
        assert pickle.load(handle)[2] == 3
    memory = openings.build.cache.BuildCache.open(out, LAYOUTS).memory
    postings = {id(entry[1]) for entry in memory.loads.files.values()}
    assert len(postings) == 5
    assert {id(key[0]) for key in memory.views} | {
        id(view.posting) for view in memory.views.values()} == postings
    assert {id(key) for key in memory.loads.ruled} == postings
    (content / "job-3.md").write_text(posting("Senior Job 3", job_id="J-3"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    same_as_clean(content, out, tmp_path)


def test_views_read_back_from_the_cache_show_what_was_made(
        site: tuple[Path, Path], tmp_path: Path) -> None:
    """The cache keeps each view's words packed until a page shows them: read back, every
    view reads as the one the build made, field by field."""
    content, out = site
    views = openings.build.cache.BuildCache.open(out, LAYOUTS).memory.views.values()
    assert views and all(view._packed is not None for view in views)
    made = {(view.path, view.status): view for view in gather(content, NOW, False)[1].shown}
    names = [each.name for each in fields(PostingView) if each.compare and each.name != "posting"]
    for view in views:
        fresh = made[(view.path, view.status)]
        assert [getattr(view, name) for name in names] == [getattr(fresh, name) for name in names]
        assert view._packed is None and view.posting.title == fresh.posting.title


def test_a_cached_build_leaves_unchanged_postings_packed(site: tuple[Path, Path]) -> None:
    """Loading, checking (translations included) and planning from the cache read only what
    listings and the timeline need of an unchanged posting; its details stay packed."""
    content, out = site
    memory = openings.build.cache.BuildCache.open(out, LAYOUTS).memory
    loaded, problems = memory.load(content)
    assert loaded is not None and not errors_only(problems)
    memory.plan(loaded, memory.timeline(loaded, NOW))
    assert [posting._packed is not None for posting in loaded.postings] == [True] * 4


def one_record_of_each_posting(out: Path) -> bool:
    """Whether the cache's views and rule results name the postings its files hold, not
    copies of them."""
    memory = openings.build.cache.BuildCache.open(out, LAYOUTS).memory
    postings = {id(entry[1]) for entry in memory.loads.files.values()}
    named = {id(key[0]) for key in memory.views} | {
        id(view.posting) for view in memory.views.values()} | {id(p) for p in memory.loads.ruled}
    return named <= postings


def test_a_status_change_written_as_changes_keeps_one_record_of_each_posting(
        site: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content, out = site
    monkeypatch.setattr(openings.build.cache, "COMPACT_AT", 1.0)
    later = datetime.fromisoformat("2026-12-02T12:00:00-05:00")
    build_site(content, out, LAYOUTS, later, search=False)
    assert (out.parent / ".cache/openings/build-cache-changes.pickle").is_file()
    assert one_record_of_each_posting(out)
    monkeypatch.setattr(openings.build.cache, "COMPACT_AT", 0.0)
    (content / "analyst.md").write_text(posting("Senior Analyst", job_id="J-1"))
    build_site(content, out, LAYOUTS, later, search=False)
    assert not (out.parent / ".cache/openings/build-cache-changes.pickle").exists()
    assert one_record_of_each_posting(out)
    same_as_clean(content, out, tmp_path, later)


def planned_groups(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The groups of listings each later build plans (not taken as known), as `lang/name`."""
    planned: list[str] = []

    def watched(name: str, planner: Callable[..., list[object]]) -> Callable[..., list[object]]:
        def plan(site: object, lang: str, *args: object) -> list[object]:
            planned.append(f"{lang}/{name}")
            return planner(site, lang, *args)
        return plan

    groups = tuple(replace(group, plan=watched(group.name, group.plan))
                   for group in openings.pages.plan.GROUPS)
    monkeypatch.setattr(openings.pages.plan, "GROUPS", groups)
    return planned


def test_an_edit_plans_only_the_listings_that_show_the_posting(
        site: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content, out = site
    planned = planned_groups(monkeypatch)
    build_site(content, out, LAYOUTS, NOW, search=False)
    assert planned == []
    (content / "old.md").write_text(posting("Retired Role", deadline="2026-11-10",
                                            posted="2026-10-01"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    assert planned == ["en/closed", "fr/closed"]   # the English posting and its stand-in
    same_as_clean(content, out, tmp_path)
    planned.clear()
    (content / "analyste.md").write_text(posting("Analyste principale", job_id="J-1",
                                                 lang="fr"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    assert planned == ["fr/live"]
    same_as_clean(content, out, tmp_path)


def test_a_later_clock_that_changes_no_status_plans_no_listing(
        site: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content, out = site
    planned = planned_groups(monkeypatch)
    later = NOW + timedelta(minutes=1)
    build_site(content, out, LAYOUTS, later, search=False)
    assert planned == []
    same_as_clean(content, out, tmp_path, later)


def test_listings_are_planned_again_when_the_site_is_not_the_one_last_published(
        site: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content, out = site
    planned = planned_groups(monkeypatch)
    other = out.parent / "other"        # the same cache folder, another site
    build_site(content, other, LAYOUTS, NOW, search=False)
    assert sorted(planned) == ["en/closed", "en/live", "fr/closed", "fr/live"]
    same_as_clean(content, other, tmp_path)


def test_a_feed_with_no_live_posting_is_dated_by_each_builds_clock(tmp_path: Path) -> None:
    content = make_content(tmp_path, {
        "old.md": posting("Old", deadline="2026-11-10", posted="2026-10-01")})
    out = tmp_path / "build" / "site"
    build_site(content, out, LAYOUTS, NOW, search=False)
    later = datetime.fromisoformat("2026-11-30T08:00:00-05:00")
    build_site(content, out, LAYOUTS, later, search=False)
    assert "2026-11-30T08:00:00-05:00" in (out / "feed.xml").read_text()
    same_as_clean(content, out, tmp_path, later)


def test_compiled_templates_are_kept_for_this_version_only(
        site: tuple[Path, Path], tmp_path: Path) -> None:
    content, out = site
    cache = out.parent / ".cache/openings"
    [compiled] = cache.glob("templates-*")
    assert sorted(compiled.iterdir()), "no compiled template kept"
    stale = cache / "templates-another-version"
    stale.mkdir()
    for kept in compiled.iterdir():
        kept.write_bytes(b"damaged")
    (content / "clerk.md").write_text(posting("Court Clerk", deadline="2026-12-01"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    assert not stale.exists()
    same_as_clean(content, out, tmp_path)


def test_a_build_whose_compiled_templates_cannot_be_kept_still_publishes(
        site: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content, out = site
    gone = tmp_path / "gone" / "templates"
    monkeypatch.setattr(openings.build.cache.BuildCache, "templates", lambda self: gone)
    (content / "clerk.md").write_text(posting("Court Clerk", deadline="2026-12-01"))
    build_site(content, out, LAYOUTS, NOW, search=False, jobs=1)
    assert not gone.parent.exists()
    same_as_clean(content, out, tmp_path)


@pytest.mark.parametrize("cache", [True, False], ids=["with the cache", "without"])
def test_a_layout_edited_between_two_builds_in_one_process_shows(tmp_path: Path,
                                                                 cache: bool) -> None:
    content = make_content(tmp_path, {"clerk.md": posting("Court Clerk", deadline="2026-12-01")})
    layouts = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, layouts)
    build_site(content, tmp_path / "first/site", layouts, NOW, search=False, cache=cache)
    base = layouts / "base.html"
    base.write_text(base.read_text().replace("</footer>", "<p>Edited frame</p></footer>"))
    build_site(content, tmp_path / "second/site", layouts, NOW, search=False, cache=cache)
    assert "Edited frame" not in (tmp_path / "first/site/index.html").read_text()
    assert "Edited frame" in (tmp_path / "second/site/index.html").read_text()
