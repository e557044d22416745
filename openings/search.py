"""Full-text search: Pagefind indexes the open postings of the staging tree, before the swap.

Pagefind ships as a pinned PyPI package with its own binary and makes no network request. Only
pages marked `data-pagefind-body` (open and closing-soon postings) are indexed, one index per
language (from each page's `lang`).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .publish import OutputError

MARK = b"data-pagefind-body"


def has_live_postings(folder: Path) -> bool:
    """Whether any page is marked for the index (else Pagefind would index every page)."""
    return any(MARK in page.read_bytes() for page in folder.glob("**/jobs/*/index.html"))


def index_search(folder: Path) -> None:
    """Write the search index into folder/pagefind/."""
    if not has_live_postings(folder):
        return
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(folder), "--silent"],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise OutputError(f"the search index could not be built: {done.stderr.strip()}")
    steady_entry(folder / "pagefind" / "pagefind-entry.json")


def steady_entry(path: Path) -> None:
    """Pagefind lists the languages in its entry file in no fixed order; sort them, so the
    same content always gives the same bytes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                    encoding="utf-8")
