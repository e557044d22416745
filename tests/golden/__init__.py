"""The golden sample site: content built at a fixed moment, compared byte for byte.

The search index (Pagefind's binary files) is left out; its determinism is tested in
tests/test_search.py. Regenerate after a deliberate change to the output with `make golden`
(= `python -m tests.golden`), then read the diff before committing it.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from openings import build_site

HERE = Path(__file__).resolve().parent
CONTENT = HERE / "content"
EXPECTED = HERE / "expected"
LAYOUTS = HERE.parent.parent / "layouts"
NOW = datetime.fromisoformat("2026-11-30T09:00:00-05:00")


def build_golden(out: Path) -> None:
    """Build the golden content into `out`."""
    build_site(CONTENT, out, LAYOUTS, NOW, search=False, cache=False)


def regenerate() -> None:
    """Replace the expected tree with a fresh build."""
    shutil.rmtree(EXPECTED, ignore_errors=True)
    build_golden(EXPECTED)
