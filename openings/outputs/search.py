"""Full-text search: Pagefind indexes the open postings of the staging tree, before the swap.

Pagefind ships as a pinned PyPI package with its own binary and makes no network request. Only
pages marked `data-pagefind-body` (open and closing-soon postings) are indexed, one index per
language (from each page's `lang`). Pagefind runs beside the rendering of the rest of the site,
started as soon as the last page to index is written.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..build.publish import FileData, SiteFiles
from ..digests import digest
from ..errors import OutputError

if TYPE_CHECKING:
    import subprocess

PR_SET_PDEATHSIG = 1

def indexed_digest(manifest: Mapping[str, str], indexed: Iterable[str]) -> str | None:
    """A digest of every page marked for the index, from the digests of its files; None when
    there is none (then Pagefind would index every page, so no index is built)."""
    listed = "".join(f"{path}\0{manifest[path]}\n" for path in sorted(indexed))
    return digest(listed) if listed else None


def reuse_index(previous: Path, folder: Path) -> None:
    """Link the previous site's index into the staging tree: the indexed pages are unchanged."""
    for source in sorted(p for p in previous.rglob("*") if p.is_file()):
        target = folder / "pagefind" / source.relative_to(previous)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, target)


@dataclass
class SearchIndex:
    """The search step of one build. It watches the files go into the staging tree and, as
    soon as every page to index is there (posting pages are rendered first), keeps, links or
    starts building the index, so Pagefind runs while the rest of the site is rendered;
    `finish` waits for it. `held` is the digest of the index the staging tree holds, `known`
    that of the live site's (at `live`)."""

    indexed: tuple[str, ...]
    held: str | None = None
    live: Path | None = None
    known: str | None = None
    digests: dict[str, str] = field(default_factory=dict)
    wanted: str | None = None
    started: bool = False
    process: subprocess.Popen[str] | None = None
    shown: Path | None = None

    def watch(self, files: SiteFiles, staging: Path) -> SiteFiles:
        """The same files, starting the index once the last indexed page is in the tree: when
        publishing first asks for the fresh files (after it has put every kept one in the
        tree) if no indexed page is fresh, else after the last of them is passed on (so it
        has been written)."""
        pending = set(self.indexed)
        for path in pending & files.kept.keys():
            self.digests[path] = files.kept[path]
        pending -= files.kept.keys()
        return SiteFiles(files.kept, self.watched(files.fresh, staging, pending))

    def watched(self, files: Iterable[tuple[str, FileData]], staging: Path,
                pending: set[str]) -> Iterator[tuple[str, FileData]]:
        """Pass the files on, starting the index after the last pending page."""
        if not pending:
            self.start(staging)
        for path, data in files:
            yield path, data
            if path in pending:
                pending.discard(path)
                self.digests[path] = digest(data) if isinstance(data, bytes) else data.digest
                if not pending:
                    self.start(staging)

    def start(self, staging: Path) -> None:
        """Keep the staging tree's index or link the live site's when the indexed pages are
        unchanged, else start Pagefind on them."""
        self.started, self.wanted = True, indexed_digest(self.digests, self.indexed)
        index = staging / "pagefind"
        if self.wanted is not None and self.wanted == self.held and index.is_dir():
            return
        shutil.rmtree(index, ignore_errors=True)
        if self.wanted is None:
            return
        if self.live is not None and self.wanted == self.known and (
                self.live / "pagefind").is_dir():
            try:
                reuse_index(self.live / "pagefind", staging)
                return
            except OSError:
                shutil.rmtree(index, ignore_errors=True)
        import subprocess  # only a build whose indexed pages changed starts Pagefind
        self.shown = linked(staging, self.indexed)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(self.shown / "site"),
             "--output-path", str(self.shown / "index"), "--silent"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            preexec_fn=dying_with_parent())

    def finish(self, staging: Path, manifest: Mapping[str, str]) -> None:
        """Wait for the index and move it into the staging tree, its entry steadied (Pagefind
        writes beside the tree, so a failed build's tree is never written into)."""
        if not self.started:
            self.digests = {path: manifest[path] for path in self.indexed}
            self.start(staging)
        if self.process is None or self.shown is None:
            return
        _, errors = self.process.communicate()
        failed, self.process = self.process.returncode != 0, None
        if not failed:
            steady_entry(self.shown / "index" / "pagefind-entry.json")
            os.rename(self.shown / "index", staging / "pagefind")
        self.close()
        if failed:
            raise OutputError(f"the search index could not be built: {errors.strip()}")

    def close(self) -> None:
        """Stop Pagefind if it still runs (the build failed) and remove the pages shown to it."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None
        if self.shown is not None:
            shutil.rmtree(self.shown, ignore_errors=True)
            self.shown = None


def dying_with_parent() -> Callable[[], object] | None:
    """What Pagefind's process runs before it starts: be killed when the build is (Linux),
    so a stopped build leaves no indexer writing beside the site. libc's `prctl` is looked
    up here, in the build, so that the forked process only calls it."""
    if not sys.platform.startswith("linux"):
        return None
    return partial(ctypes.CDLL(None).prctl, PR_SET_PDEATHSIG, signal.SIGKILL)


def linked(folder: Path, pages: Iterable[str]) -> Path:
    """A folder beside the staging tree holding only the pages to be searched, linked into
    `site/` (Pagefind reads every page it is shown, and holds them all in memory); Pagefind
    writes the index into its `index/`. Removed whole if a link fails."""
    shown = Path(tempfile.mkdtemp(prefix=f"{folder.name}-search-", dir=folder.parent))
    made: set[Path] = set()
    try:
        for page in pages:
            target = shown / "site" / page
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            os.link(folder / page, target)
    except BaseException:
        shutil.rmtree(shown, ignore_errors=True)
        raise
    return shown


def steady_entry(path: Path) -> None:
    """Pagefind lists the languages in its entry file in no fixed order; sort them, so the
    same content always gives the same bytes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                    encoding="utf-8")
