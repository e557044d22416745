"""Full-text search: Pagefind indexes the open postings of the staging tree, before the swap.

Pagefind ships as a pinned PyPI package with its own binary and makes no network request. Only
pages marked `data-pagefind-body` (open and closing-soon postings) are indexed, one index per
language (from each page's `lang`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from .digests import digest
from .errors import OutputError


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


def index_search(folder: Path, pages: Iterable[str], wanted: str | None,
                 held: str | None = None, previous: Path | None = None,
                 known: str | None = None) -> None:
    """Make folder/pagefind/ the index of these pages (whose digest is `wanted`): keep the one
    the folder holds (`held`), link the previous site's (`known`), or run Pagefind."""
    index = folder / "pagefind"
    if wanted is not None and wanted == held and index.is_dir():
        return
    shutil.rmtree(index, ignore_errors=True)
    if wanted is None:
        return
    if previous is not None and wanted == known and (previous / "pagefind").is_dir():
        try:
            reuse_index(previous / "pagefind", folder)
            return
        except OSError:
            shutil.rmtree(index, ignore_errors=True)
    run_pagefind(folder, pages)
    steady_entry(index / "pagefind-entry.json")


def run_pagefind(folder: Path, pages: Iterable[str]) -> None:
    """Index only the pages to be searched, linked into a folder of their own: Pagefind reads
    every page it is shown, and holds them all in memory."""
    shown = Path(tempfile.mkdtemp(prefix=f"{folder.name}-search-", dir=folder.parent))
    try:
        for page in pages:
            target = shown / page
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(folder / page, target)
        done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(shown),
                               "--output-path", str(folder / "pagefind"), "--silent"],
                              capture_output=True, text=True, check=False)
    finally:
        shutil.rmtree(shown, ignore_errors=True)
    if done.returncode != 0:
        raise OutputError(f"the search index could not be built: {done.stderr.strip()}")


def steady_entry(path: Path) -> None:
    """Pagefind lists the languages in its entry file in no fixed order; sort them, so the
    same content always gives the same bytes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                    encoding="utf-8")
