"""The build cache: what a build keeps on disk (`.cache/openings/` beside the output) so the
next build skips work whose inputs did not change.

- Each posting file's digest and what it parsed to (`LoadCache`): unchanged postings are not
  parsed again.
- Each page's key (a digest of everything it shows, status included) as last published: an
  unchanged page is neither rendered nor written again, but hard-linked from the previous site
  into the staging tree, so the swap stays atomic.

The cache is dropped whole when the generator's code or the layouts change, and a posting's
entry when its bytes change; statuses are recomputed every build, since the clock moves.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .load import LoadCache
from .model import Posting, Status
from .page import Page
from .views import PostingView

CODE = Path(__file__).resolve().parent
FILE = "build-cache.pickle"


def fingerprint(folders: list[Path]) -> str:
    """A digest of every file under some folders: the generator's code and the layouts."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()
                           and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def page_key(page: Page) -> str | None:
    """A digest of everything a page shows; None for documents rendered every time."""
    if page.template in ("jobs.json", "jobs.csv", "next-change.txt", "sitemap.xml"):
        return None
    text = repr((page.path, page.template, sorted(page.data.items())))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class BuildCache:
    """The cache of one output folder, loaded at the start of a build, saved after the swap."""

    folder: Path
    stamp: str
    postings: LoadCache = field(default_factory=LoadCache)
    pages: dict[str, str] = field(default_factory=dict)
    views: dict[tuple[Posting, Status], PostingView] = field(default_factory=dict)
    search: str | None = None

    @classmethod
    def open(cls, out: Path, layouts: Path) -> BuildCache:
        """The cache beside `out`, or an empty one when it is missing, stale or unreadable."""
        folder = out.absolute().parent / ".cache" / "openings"
        stamp = fingerprint([CODE, layouts])
        try:
            with (folder / FILE).open("rb") as handle:
                saved = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return cls(folder, stamp)
        if not isinstance(saved, dict) or saved.get("stamp") != stamp:
            return cls(folder, stamp)
        return cls(folder, stamp, saved["postings"], saved["pages"], saved["views"],
                   saved["search"])

    def reusable(self, page: Page, key: str | None, out: Path) -> Path | None:
        """The previous site's copy of a page whose key is unchanged, to link instead of
        rendering it again."""
        previous = out / page.path
        if key is not None and self.pages.get(page.path) == key and previous.is_file():
            return previous
        return None

    def save(self, pages: dict[str, str], shown: tuple[PostingView, ...]) -> None:
        """Write the cache in one step (a temporary file, then a rename), keeping the views
        this build showed."""
        self.folder.mkdir(parents=True, exist_ok=True)
        kept = {id(view) for view in shown}
        views = {key: view for key, view in self.views.items() if id(view) in kept}
        data = {"stamp": self.stamp, "postings": self.postings, "pages": pages,
                "views": views, "search": self.search}
        handle, name = tempfile.mkstemp(dir=self.folder, prefix=".build-cache-")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(name, self.folder / FILE)
