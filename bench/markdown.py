"""Time per body of the two Markdown engines: `python bench/markdown.py [N]` (default 500).

Generated bodies (bench/generate.py), each engine over all of them, best of five rounds:
publishing (cmark-gfm with our rules and each link's line, `openings.content.markdown.render`),
markdown-it-py parsing and rendering the same body, and markdown-it-py's tokens alone (what
the editors' checks read).
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from generate import body  # noqa: E402

from openings.content.markdown import render  # noqa: E402
from openings.content.markdown_tokens import PARSER, to_tokens  # noqa: E402

ROUNDS = 5


def per_body(work: Callable[[str], object], bodies: list[str]) -> float:
    """The best time of ROUNDS rounds over every body, in milliseconds a body."""
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for text in bodies:
            work(text)
        best = min(best, time.perf_counter() - started)
    return best / len(bodies) * 1000


def main(count: int) -> None:
    """Print each engine's time per body."""
    rng = random.Random(20261129)
    bodies = [body(rng) for _ in range(count)]
    size = sum(len(text) for text in bodies) / count
    print(f"{count} generated bodies, {size:,.0f} characters on average; best of {ROUNDS}")
    published = per_body(render, bodies)
    rendered = per_body(PARSER.render, bodies)
    print(f"cmark-gfm, publishing (rules, link lines): {published:.3f} ms a body")
    print(f"markdown-it-py, parse and render:          {rendered:.3f} ms a body "
          f"({rendered / published:.1f}x)")
    print(f"markdown-it-py, tokens (editors' checks):  {per_body(to_tokens, bodies):.3f} ms a body")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
