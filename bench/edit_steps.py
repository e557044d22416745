"""Where one edit's build spends its time: `python bench/edit_steps.py [N] [EDITS]`.

Generates N postings (default 10,000), builds them once with the cache, then touches one
closed posting EDITS times (default 4), building after each, and prints how long each step of
each build took: reading and writing the cache, the stages `Memory` runs (and, within
planning the listings, the keys of those planned again), and publishing. The first edit
also makes the spare tree. Not part of the test suite.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

import openings.build.cache as cache  # noqa: E402
import openings.build.engine as engine  # noqa: E402
import openings.build.gather as gather  # noqa: E402
import openings.pages.plan as plan  # noqa: E402

NOW = datetime.fromisoformat("2026-11-29T12:00:00-05:00")
STEPS = ((cache.BuildCache, "open", "read the cache"), (gather.Memory, "load", "load"),
         (gather.Memory, "timeline", "timeline"), (gather.Memory, "postings", "plan units"),
         (gather.Memory, "listings", "plan listings"),
         (plan, "known_listing", "of which listing keys"),
         (engine, "publish", "publish"), (cache.BuildCache, "save", "write the cache"))
seconds: dict[str, float] = {}


def timed(owner: Any, name: str, label: str) -> None:
    """Replace a function by one that adds its time to `seconds[label]`."""
    function: Callable[..., Any] = getattr(owner, name)

    def timing(*args: Any, **kwargs: Any) -> Any:
        """The function, timed."""
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[label] = seconds.get(label, 0.0) + time.perf_counter() - started

    setattr(owner, name, timing)


def main() -> None:
    """Build, then edit and build again, printing each build's steps."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    for owner, name, label in STEPS:
        timed(owner, name, label)
    with tempfile.TemporaryDirectory() as temp:
        content, out = Path(temp) / "content", Path(temp) / "site"
        generate(count, content)
        engine.build_site(content, out, HERE.parent / "layouts", NOW)
        target = content / "posting-000001.md"
        for edit in range(edits):
            time.sleep(2.1)  # the build trusts a file's times once it is two seconds old
            target.write_text(target.read_text().replace("officer", f"officer {edit}", 1))
            seconds.clear()
            started = time.perf_counter()
            engine.build_site(content, out, HERE.parent / "layouts", NOW)
            whole = time.perf_counter() - started
            steps = ", ".join(f"{label} {seconds.get(label, 0.0):.2f}" for _, _, label in STEPS)
            print(f"edit {edit + 1}: {whole:.2f} s ({steps})", flush=True)


if __name__ == "__main__":
    main()
