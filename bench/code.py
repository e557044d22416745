"""The code's shape: `python bench/code.py` prints the longest modules of `openings/` and the
median and 90th percentile of its functions' lengths (lines from `def` to the last line,
docstring included), against the targets of issue 17 (no module over 300 lines; median at most
10, 90th percentile at most 25)."""

from __future__ import annotations

import ast
import statistics
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "openings"


def function_lengths(path: Path) -> list[int]:
    """The length in lines of every function and method of a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.end_lineno - node.lineno + 1 for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno]


def main() -> None:
    """Measure and print."""
    modules = sorted(PACKAGE.rglob("*.py"))
    sizes = sorted(((len(p.read_text(encoding="utf-8").splitlines()), p) for p in modules),
                   reverse=True)
    lengths = sorted(n for p in modules for n in function_lengths(p))
    p90 = statistics.quantiles(lengths, n=10)[-1]
    print(f"{len(modules)} modules, {sum(s for s, _ in sizes)} lines; longest:")
    for size, path in sizes[:5]:
        print(f"  {size:4} {path.relative_to(PACKAGE.parent)}")
    print(f"{len(lengths)} functions: median {statistics.median(lengths):.0f} lines, "
          f"90th percentile {p90:.0f}, longest {lengths[-1]}")


if __name__ == "__main__":
    main()
