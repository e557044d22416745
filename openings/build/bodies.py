"""Posting bodies set aside while a build runs, so the main process holds only summaries.

A build reads and checks every posting before it writes a page (nothing is published until all
is known to be right), and renders them afterwards in worker processes. Between the two, each
posting's HTML body waits in one file beside the output instead of in memory: the main process
keeps a posting without its body (`slim`) and where its body lies; a worker reads it back when
it renders the posting's page. A posting the build did not read again (unchanged since the
last build, but with a page to redo) is read again from its file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..digests import digest
from ..model import Posting

Place = tuple[int, int]


def slim(posting: Posting) -> Posting:
    """A posting without its body's text and HTML; a digest of the HTML stands for them, so
    every key made from the posting still changes when the body does."""
    return replace(posting, body="", body_html="", body_digest=digest(posting.body_html))


@dataclass
class Bodies:
    """The bodies of one build, in one file that is removed when the build ends (or, after a
    kill, with the staging trees it left, by the next build that publishes)."""

    folder: Path
    places: dict[str, Place] = field(default_factory=dict)
    size: int = 0

    @classmethod
    def beside(cls, out: Path, prefix: str) -> Bodies:
        """A new, empty store in a folder named like the output's staging folders."""
        out.parent.mkdir(parents=True, exist_ok=True)
        folder = tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=out.parent)
        (Path(folder) / "bodies").touch()
        return cls(Path(folder))

    @property
    def path(self) -> Path:
        """The file that holds the bodies."""
        return self.folder / "bodies"

    def put(self, source: str, html: str) -> None:
        """Set a posting's body aside."""
        data = html.encode("utf-8", "surrogatepass")
        with self.path.open("ab") as handle:
            handle.write(data)
        self.places[source] = (self.size, len(data))
        self.size += len(data)

    def remove(self) -> None:
        """Delete the store."""
        shutil.rmtree(self.folder, ignore_errors=True)


def read_body(path: Path, place: Place) -> str:
    """A body set aside, read back (in a worker)."""
    with path.open("rb") as handle:
        handle.seek(place[0])
        return handle.read(place[1]).decode("utf-8", "surrogatepass")
