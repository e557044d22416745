"""The build cache: what a build keeps on disk (`.cache/openings/` beside the output) so the
next build skips work whose inputs did not change.

- What stages 1 to 3 remember (`gather.Memory`): each posting file's stat, digest and what it
  parsed to, and its rule results (unchanged postings are neither read nor parsed nor checked
  again), the last timeline, and each posting's views and open-data lines.
- Each unit's and listing page's key with the digests of its files, and the manifests of the
  live site and of the spare tree beside it (`Trees`): an unchanged file is neither planned,
  rendered nor written again.

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
import pickle
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from ..digests import digest
from ..pages.page import Page
from .gather import Memory
from .publish import Trees, tree_id

CODE = Path(__file__).resolve().parent.parent
FILE = "build-cache.pickle"


LIBRARIES = ("Babel", "cmarkgfm", "Jinja2", "MarkupSafe", "PyYAML", "icalendar", "tzdata",
             "pagefind")
"""What formats, parses and renders the cached records: another version of any of them (or of
Python) drops the cache."""


def fingerprint(folders: list[Path]) -> str:
    """A digest of every file under some folders (the generator's code and the layouts), of
    Python's version and of the libraries' versions."""
    versions = "".join(f"{name}={installed(name)}\n" for name in LIBRARIES)
    return digest(sys.version + versions + "".join(
        f"{path.relative_to(folder)}\0{digest(path.read_bytes())}\n" for folder in folders
        for path in sorted(p for p in folder.rglob("*") if p.is_file()
                           and "__pycache__" not in p.parts)))


def installed(name: str) -> str:
    """A library's installed version, or "-" where it is missing."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def page_key(page: Page) -> str | None:
    """A digest of everything a page shows; None for documents rendered every time."""
    return digest(repr(page)) if page.keyed else None


Files = tuple[tuple[str, str], ...]


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


@dataclass
class BuildCache:
    """The cache of one output folder, loaded at the start of a build, saved after the swap."""

    folder: Path
    stamp: str
    memory: Memory = field(default_factory=Memory)
    units: dict[str, Files] = field(default_factory=dict)
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    trees: Trees = field(default_factory=Trees)

    @classmethod
    def open(cls, out: Path, layouts: Path) -> BuildCache:
        """The cache beside `out`, or an empty one when it is missing, stale or unreadable. What
        it knows of published files is dropped when `out` is not the folder it last published."""
        folder = out.absolute().parent / ".cache" / "openings"
        stamp = fingerprint([CODE, layouts])
        spare = folder / f"spare-{out.absolute().name}"
        empty = cls(folder, stamp, trees=Trees(spare_folder=spare))
        try:
            with (folder / FILE).open("rb") as handle, paused_gc():
                if pickle.load(handle) != stamp:
                    return empty
                saved = pickle.load(handle)
        except Exception:  # a cache that cannot be read, whatever the reason, is no cache
            return empty
        if not isinstance(saved, dict):
            return empty
        cache = cls(folder, stamp, saved["memory"], saved["units"], saved["pages"],
                    saved["trees"])
        cache.trees.spare_folder = spare
        if cache.trees.live_id != tree_id(out.absolute()):
            cache.units, cache.pages = {}, {}
            cache.trees.live, cache.trees.live_id, cache.trees.live_search = {}, None, None
        return cache

    def save(self, units: dict[str, Files], pages: dict[str, tuple[str, str]]) -> None:
        """Write the cache in one step (a temporary file, then a rename). The site is already
        published: if the cache cannot be written (a full disk), it is dropped, and the next
        build starts clean."""
        data = {"memory": self.memory, "units": units, "pages": pages, "trees": self.trees}
        name = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.folder, prefix=".build-cache-")
            with os.fdopen(handle, "wb") as stream, paused_gc():
                pickle.dump(self.stamp, stream, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(name, self.folder / FILE)
        except OSError:
            with contextlib.suppress(OSError):
                if name is not None:
                    Path(name).unlink(missing_ok=True)
                (self.folder / FILE).unlink(missing_ok=True)
