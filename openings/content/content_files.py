"""Finding a content folder's files and reading only those that changed: postings are parsed
again only when their bytes change, and not even read while their size, inode and times hold."""

from __future__ import annotations

import os
import time as clock
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..build.pool import ordered_map
from ..digests import digest
from ..errors import Problem, display_path
from ..model import Posting, Site
from .crosschecks import Paired
from .posting_fields import load_posting

if TYPE_CHECKING:
    from datetime import datetime

    from ..build.summaries import FirstPass


def posting_files(folder: Path) -> Iterator[Path]:
    """The Markdown postings of a folder, in a stable order; `_` and `.` files are skipped."""
    return (Path(path) for path, _ in posting_entries(folder))


def posting_entries(folder: Path) -> Iterator[tuple[str, bool]]:
    """The postings of a folder (as plain strings: a large folder is listed on every build and
    every preview round) with whether each is a link, read from the folder's listing; no file
    is looked at on its own unless it is a link."""
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name.endswith(".md") and not entry.name.startswith(("_", ".")) and (
                entry.is_file()):
            yield entry.path, entry.is_symlink()


@dataclass
class LoadCache:
    """What the preview keeps between loads, and the build cache keeps on disk between builds:
    each file's digest and what it parsed to, so unchanged files are not parsed again.
    The posting rules' findings for each posting are kept too, and what each translation's
    comparison with its original found. Everything is dropped when site.yml changes."""

    site_bytes: bytes | None = None
    files: dict[str, tuple[str, Posting | None, list[Problem]]] = field(default_factory=dict)
    ruled: dict[Posting, list[Problem]] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=dict)
    paired: Paired = field(default_factory=dict)

    def start_over(self, site_bytes: bytes) -> None:
        """Forget everything loaded under other settings: site.yml changed."""
        vars(self).update(vars(LoadCache(site_bytes)))


def read_bytes(path: Path) -> bytes | OSError | None:
    """A file's bytes; None when it vanished while being read (an editor saving or renaming)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        return err


def unreadable(err: OSError) -> str:
    """Why a posting file could not be read, in an editor's words."""
    if isinstance(err, PermissionError):
        return ("cannot read the file: you do not have permission to open it; ask whoever "
                "manages the folder to let you read it")
    return "cannot read the file; check that it is a file you can open, then try again"


Item = tuple[Path, str | None, Site, "datetime | None"]


def read_file(item: Item) -> tuple[str | None, Any]:
    """Read one posting file and, when its digest is not the one known, parse it (a worker's
    unit of work): its digest (None when it vanished or cannot be read, with the problem) and
    what it parsed to; a build's first pass (`now` given) also summarizes it."""
    path, known, site, now = item
    data = read_bytes(path)
    if data is None:
        return None, None
    if isinstance(data, OSError):
        return None, Problem(display_path(path), 1, unreadable(data))
    found = digest(data)
    if found == known:
        return found, None
    if now is None:
        return found, load_posting(path, data, site)
    from ..build.summaries import summarize
    return found, summarize(path, data, site, now)


SETTLED_NS = 2_000_000_000
BITS = (1 << 64) - 1
"""A time's bits as the system keeps it (a file may be dated before 1970)."""


def stat_key(path: str) -> int | None:
    """What says a file is unchanged without reading it (size, inode, change and modification
    times, 64 bits each, in one number: a build holds one for every posting), trusted only
    once it is two seconds old, so a save within the same clock tick as a build is never
    missed."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    if clock.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) < SETTLED_NS:
        return None
    return (status.st_size << 192 | status.st_ino << 128 | (status.st_mtime_ns & BITS) << 64
            | status.st_ctime_ns & BITS)


def load_postings(paths: list[str], site: Site, cache: LoadCache, jobs: int,
                  first: FirstPass | None = None) -> list[tuple[Posting | None, list[Problem]]]:
    """Every posting file, parsed only when its bytes changed, on up to `jobs` processes; a
    file whose size, inode and times are unchanged is not even read. With a build's `first`
    pass, postings come back without their bodies, and the posting rules' findings are
    already in `cache.ruled` (see `openings/build/summaries.py`)."""
    results: list[tuple[Posting | None, list[Problem]]] = []
    digests, stats, unsettled = {}, {}, []
    for path in paths:
        stats[path] = stat_key(path)
        if stats[path] is not None and cache.stats.get(path) == stats[path] and (
                path in cache.files):
            digests[path] = cache.files[path][0]
        else:
            unsettled.append(path)
    now = first.now if first else None
    items = ((Path(path), cache.files.get(path, ("",))[0] or None, site, now)
             for path in unsettled)
    for path, (found, outcome) in zip(unsettled, ordered_map(read_file, items, jobs),
                                      strict=True):
        if found is None:
            results += [(None, [outcome])] if outcome else []
            continue
        digests[path] = found
        if outcome is not None:
            kept = first.keep(outcome, site, cache.ruled) if first else outcome
            cache.files[path] = (found, *kept)
    results += [cache.files[path][1:] for path in paths if path in digests]
    cache.files = {path: cache.files[path] for path in digests}
    cache.stats = {path: stat for path in digests if (stat := stats[path]) is not None}
    return results


def escapes(path: Path, folder: Path) -> bool:
    """Whether a file is a link leading outside the content folder (never followed: a posting
    must not publish whatever file a link points at)."""
    if not path.is_symlink():
        return False
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return True
    return not target.is_relative_to(folder.resolve())


def outside_problem(path: Path) -> Problem:
    """The error for a link that leads outside the content folder."""
    return Problem(display_path(path), 1, "this is a link to a file outside the content folder, "
                   "which is never followed; copy the file into the folder instead")


def settings_bytes(folder: Path) -> bytes | Problem:
    """The bytes of a content folder's site.yml, or why it cannot be read."""
    settings = folder / "site.yml"
    if escapes(settings, folder):
        return outside_problem(settings)
    try:
        return settings.read_bytes()
    except OSError:
        return Problem(display_path(settings), 1, "site.yml is missing: every site needs its "
                       "settings file")
