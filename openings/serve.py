"""`serve`: a live-reloading preview for editors, bound to 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from livereload import Server

from . import ContentErrors, build_site


def rebuilder(content: Path, out: Path, layouts: Path,
              clock: Callable[[], datetime]) -> Callable[[], None]:
    """A rebuild for the watcher: errors are printed, never raised, so the preview stays up."""
    def rebuild() -> None:
        """Build the site as it stands now, drafts included."""
        try:
            report = build_site(content, out, layouts, clock(), drafts=True)
            print(f"Rebuilt {report.pages} files.", flush=True)
        except ContentErrors as err:
            for problem in err.problems:
                print(problem, file=sys.stderr, flush=True)
    return rebuild


def serve(content: Path, out: Path, layouts: Path, clock: Callable[[], datetime],
          host: str, port: int) -> None:
    """Build, then serve the output and rebuild on every change under content/ and layouts/."""
    rebuild = rebuilder(content, out, layouts, clock)
    rebuild()
    server = Server()
    server.watch(str(content), rebuild, delay=0.1)
    server.watch(str(layouts), rebuild, delay=0.1)
    server.serve(root=str(out), host=host, port=port, open_url_delay=None)
