"""Where a build's time goes: `python bench/stages.py [N]` (one process, no cache).

Generates N postings (default 2,000), builds them once under cProfile with one process and no
cache, and prints the time of each stage and the functions that cost the most.
"""

from __future__ import annotations

import cProfile
import pstats
import re
import sys
import tempfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

from openings import build_site  # noqa: E402

STAGES = {
    "read YAML front-matter": "source.py:.*\\(compose\\)",
    "read a posting (fields, Markdown)": "posting_fields.py:.*\\(read_posting\\)",
    "  of which Markdown to HTML": "markdown.py:.*\\(render\\)",
    "posting rules": "rules.py:.*\\(posting_problems\\)",
    "views (Babel formatting)": "views.py:.*\\(posting_view\\)",
    "open-data lines": "opendata.py:.*\\(posting_lines\\)",
    "plan (units, listings)": "gather.py:.*\\(plan\\)",
    "render (Jinja2, data files)": "render.py:.*\\(render_page\\)",
    "write files": "publish.py:.*\\(write_rendered\\)",
    "search index (waiting for Pagefind)": "search.py:.*\\(finish\\)",
}


def main() -> None:
    """Profile one build and report."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as temp:
        generate(count, Path(temp) / "content")
        profile = cProfile.Profile()
        profile.enable()
        build_site(Path(temp) / "content", Path(temp) / "site", HERE.parent / "layouts",
                   datetime.fromisoformat("2026-11-29T12:00:00-05:00"), jobs=1, cache=False)
        profile.disable()
    stats = pstats.Stats(profile)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"{count} postings, one process, no cache: {total:.2f} s under the profiler")
    for name, pattern in STAGES.items():
        cumulative = sum(values[3] for key, values in stats.stats.items()  # type: ignore[attr-defined]
                         if re.search(pattern, f"{key[0]}:{key[1]}({key[2]})"))
        print(f"  {name:32} {cumulative:6.2f} s  {100 * cumulative / total:4.0f} %")
    stats.sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    main()
