"""The build cache: what a build keeps on disk (`.cache/openings/` beside the output) so the
next build skips work whose inputs did not change.

- What stages 1 to 3 remember (`gather.Memory`): each posting file's stat, digest and what it
  parsed to, and its rule results (unchanged postings are neither read nor parsed nor checked
  again), the last timeline, and each posting's views and open-data lines (the lines in a
  file of their own, `LINES`, where they are read from as the open data is written).
- The key of each unit the live site holds (its files' digests are the live site's) and
  each listing page's key with its file's digest, what each group of
  listings was planned from (`Memory.listed`), and the manifests of the live site and of the
  spare tree beside it (`Trees`): an unchanged file is neither planned, rendered nor written
  again.
- The compiled templates (`templates-STAMP/`, Jinja2's own bytecode cache).

The cache is dropped whole when the generator's code, the layouts, Python or a library that
formats, parses or renders changes (the stamp is read before anything else, so a cache written
by another version is never unpickled), a posting's entry when its bytes change, and what it
knows of published files when the output folder is not the one it last published; statuses
are recomputed every build, since the clock moves.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..content.content_files import LoadCache
from ..digests import digest
from ..outputs.lines import Lines
from ..pages.plan import Listed
from ..time.timeline import Timeline
from .cache_files import Table, changes, read_part, read_whole, slices, write_part
from .gather import Memory
from .publish import Trees, tree_id

CODE = Path(__file__).resolve().parent.parent
FILE = "build-cache.pickle"
DELTA = "build-cache-changes.pickle"
LINES = "open-data-lines-{name}"
"""The file of open-data lines of the output folder of that name (builds of two output folders
beside each other share the cache's folder, but never a file they append to)."""


LIBRARIES = ("Babel", "cmarkgfm", "Jinja2", "MarkupSafe", "PyYAML", "icalendar", "tzdata",
             "pagefind")
"""What formats, parses and renders the cached records: another version of any of them (or of
Python) drops the cache."""


def fingerprint(folders: list[Path]) -> str:
    """A digest of every file under some folders (the generator's code and the layouts), of
    Python's version and of the libraries' versions."""
    found = versions()
    listed = "".join(f"{name}={found.get(known(name), '-')}\n" for name in LIBRARIES)
    return digest(sys.version + listed + "".join(
        f"{path.relative_to(folder)}\0{digest(path.read_bytes())}\n" for folder in folders
        for path in sorted(p for p in folder.rglob("*") if p.is_file()
                           and "__pycache__" not in p.parts)))


def versions() -> dict[str, str]:
    """The versions of each installed distribution, from the folders installers write
    (`name-version.dist-info`), every copy on the path counted, so that upgrading any of them
    changes the stamp (`importlib.metadata` reads only the first, and importing it adds
    25–50 ms to every build)."""
    found: dict[str, set[str]] = {}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in entries:
            stem, dot, kind = entry.rpartition(".")
            if dot and kind in ("dist-info", "egg-info"):
                name, _, version = stem.partition("-")
                found.setdefault(known(name), set()).add(
                    version.partition("-")[0] or stated_version(Path(folder or ".", entry)))
    return {name: ",".join(sorted(copies)) for name, copies in found.items()}


def stated_version(path: Path) -> str:
    """The version a metadata folder named without one states inside (an old editable
    install's `name.egg-info`), or "?" when it states none."""
    for candidate in (path / "METADATA", path / "PKG-INFO", path):
        try:
            text = candidate.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("Version:"):
                return line.removeprefix("Version:").strip()
    return "?"


def known(name: str) -> str:
    """A distribution's name as installers spell its folder (PyYAML, pyyaml: one name)."""
    return name.lower().replace("-", "_").replace(".", "_")


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while a build holds a million small records (reading and
    writing the cache, gathering summaries, planning): it would otherwise walk them again and
    again as they grow, and the build makes next to no cyclic garbage."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


COMPACT_AT = 0.2
"""The share of entries changed since the whole cache was last written above which it is
written whole again, rather than as the changes."""


@dataclass
class BuildCache:
    """The cache of one output folder, loaded at the start of a build, saved after the swap
    (both inside the build's pause of the cycle collector, `paused_gc`).

    On disk it is the whole cache as some build left it (`FILE`: a head, then the tables in
    slices of `cache_files.SLICE` postings), and the changes every later build made to it (`DELTA`,
    rewritten whole each build until it grows past `COMPACT_AT`): a build that changed one
    posting writes one posting's worth. Each file starts with the stamp; the changes name the
    whole cache they apply to (`base_id`)."""

    folder: Path
    stamp: str
    memory: Memory = field(default_factory=lambda: Memory(listed={}))
    units: dict[str, None] = field(default_factory=dict)
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    trees: Trees = field(default_factory=Trees)
    base: dict[str, Table] | None = None
    base_id: str | None = None

    @classmethod
    def open(cls, out: Path, layouts: Path) -> BuildCache:
        """The cache beside `out`, or an empty one when it is missing, stale or unreadable. What
        it knows of published files is dropped when `out` is not the folder it last published."""
        folder = out.absolute().parent / ".cache" / "openings"
        stamp = fingerprint([CODE, layouts])
        spare = folder / f"spare-{out.absolute().name}"
        lines = folder / LINES.format(name=out.absolute().name)
        try:
            base_id, head, tables = read_whole(folder / FILE, stamp)
            base = {name: dict(table) for name, table in tables.items()}
            head = with_changes(folder / DELTA, stamp, base_id, head, tables)
            cache = cached(folder, stamp, head, tables, lines)
        except Exception:  # a cache that cannot be read, whatever the reason, is no cache
            return cls(folder, stamp, Memory(lines=Lines(lines), listed={}),
                       trees=Trees(spare_folder=spare))
        cache.base, cache.base_id, cache.trees.spare_folder = base, base_id, spare
        if cache.trees.live_id != tree_id(out.absolute()):
            cache.units, cache.pages = {}, {}
            cache.trees.live, cache.trees.live_id, cache.trees.live_search = {}, None, None
        cache.memory.listed = published(cache.memory.listed or {}, cache.pages)
        return cache

    def kept(self, key: str, paths: tuple[str, ...]) -> tuple[tuple[str, str], ...] | None:
        """A unit's files with their digests, when the live site holds them at this unit key:
        the last build published a unit of that key, and the live site is the one it published
        (`units` holds only keys; the digests are the live site's own, `Trees.live`)."""
        if key not in self.units:
            return None
        live = self.trees.live
        try:
            return tuple([(path, live[path]) for path in paths])
        except KeyError:
            return None

    def save(self, units: dict[str, None], pages: dict[str, tuple[str, str]]) -> None:
        """Write what changed since the whole cache was last written, or the whole cache, in one
        step each (a temporary file, then a rename). The site is already published: if the cache
        cannot be written (a full disk), it is dropped, and the next build starts clean."""
        self.units, self.pages = units, pages
        self.memory.lines.compact()
        head, tables = self.head(), self.tables()
        try:
            if self.base is not None and self.base_id is not None:
                delta = {name: changes(self.base[name], table) for name, table in tables.items()}
                if sum(len(kept) + len(gone) for kept, gone in delta.values()) <= (
                        COMPACT_AT * sum(len(table) for table in tables.values())):
                    write_part(self.folder / DELTA, self.stamp, (self.base_id, head, delta))
                    return
            cut = slices(tables)
            write_part(self.folder / FILE, self.stamp, (os.urandom(8).hex(), head, len(cut)), *cut)
            (self.folder / DELTA).unlink(missing_ok=True)
        except OSError:
            with contextlib.suppress(OSError):
                (self.folder / FILE).unlink(missing_ok=True)
                (self.folder / DELTA).unlink(missing_ok=True)

    def templates(self) -> Path | None:
        """The folder of this version's compiled templates, those of other versions removed;
        None when it cannot be made (the build then compiles them)."""
        folder = self.folder / f"templates-{self.stamp[:16]}"
        try:
            for other in self.folder.glob("templates-*"):
                if other != folder:
                    shutil.rmtree(other, ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return folder

    def head(self) -> dict[str, Any]:
        """What the cache holds besides its tables: written whole every time."""
        moment = self.memory.moment
        return {"site_bytes": self.memory.loads.site_bytes, "trees": self.trees,
                "moment": (moment.now, moment.next_change, moment.site) if moment else None,
                "lines": self.memory.lines.state()}

    def tables(self) -> dict[str, Table]:
        """The cache's tables, each written as its changes."""
        memory = self.memory
        return {"files": memory.loads.files, "stats": memory.loads.stats,
                "ruled": memory.loads.ruled, "paired": memory.loads.paired,
                "views": memory.views, "lines": memory.lines.kept,
                "standings": memory.moment.standings if memory.moment else {},
                "units": self.units, "pages": self.pages, "listed": memory.listed or {}}


def cached(folder: Path, stamp: str, head: dict[str, Any], tables: dict[str, Table],
           lines_file: Path) -> BuildCache:
    """A cache from its head and tables, its open-data lines in `lines_file`."""
    moment = head["moment"]
    loads = LoadCache(head["site_bytes"], tables["files"], tables["ruled"], tables["stats"],
                      tables["paired"])
    lines = Lines.in_file(lines_file, tables["lines"], head["lines"])
    memory = Memory(loads, tables["views"], lines, Timeline(
        moment[0], tables["standings"], moment[1], moment[2]) if moment else None,
        tables["listed"])
    return BuildCache(folder, stamp, memory, tables["units"], tables["pages"], head["trees"])


def published(listed: Listed, pages: dict[str, tuple[str, str]]) -> Listed:
    """The groups of listings whose every page the live site holds at its key: only these may
    be taken as known, since the build keeps their files rather than rendering them."""
    return {name: (mark, known) for name, (mark, known) in listed.items()
            if all(pages.get(page.path, ("",))[0] == page.key for page in known)}


def with_changes(path: Path, stamp: str, base_id: str, head: dict[str, Any],
                 tables: dict[str, Table]) -> dict[str, Any]:
    """Apply the changes written since the whole cache, when they are for this one (changes
    for another are older than it); the head they carry. When they cannot be read, what the
    cache knows of published files is dropped (the trees may have been swapped since), and
    what it knows of content stays (it is keyed by content)."""
    if not path.exists():
        return head
    try:
        found, later, delta = read_part(path, stamp)
    except Exception:  # changes that cannot be read
        return head | {"trees": Trees()}
    if found != base_id:
        return head
    for name, (kept, gone) in delta.items():
        for key in gone:
            tables[name].pop(key, None)
        tables[name].update(kept)
    share(tables, {name: kept for name, (kept, _) in delta.items()})
    return dict(later)


def share(tables: dict[str, Table], changed: dict[str, Table]) -> None:
    """Make the changed entries name the one record of each posting that `files` holds. The
    changes are pickled on their own, so a posting they name (a view of an unchanged posting
    whose status changed) arrives as a copy, which would stay in the cache for good."""
    one = {entry[1]: entry[1] for entry in tables["files"].values() if entry[1] is not None}
    for name in ("ruled", "standings"):
        for posting in changed[name]:
            tables[name][one.get(posting, posting)] = tables[name].pop(posting)
    for key in changed["views"]:
        view, posting = tables["views"].pop(key), one.get(key[0], key[0])
        tables["views"][(posting, *key[1:])] = (
            view if view.posting is posting else replace(view, posting=posting))
