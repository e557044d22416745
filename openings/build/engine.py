"""The build: render the planned pages, index them for search and publish the site in one step,
with the build cache skipping what did not change."""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from operator import attrgetter
from pathlib import Path

from ..errors import Problem
from ..model import Status
from ..outputs.search import SearchIndex
from ..pages.page import OpenData
from ..pages.plan import Plan
from .bodies import Bodies
from .cache import BuildCache, paused_gc
from .gather import Memory, gather
from .pool import default_jobs
from .publish import (
    Manifest,
    SiteFiles,
    Trees,
    Written,
    check_output,
    publish,
    staging_prefix,
    write_pieces,
)
from .render import Assets, load_assets, make_environment, render_pages
from .summaries import FirstPass
from .workers import Job, render_jobs


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the command line to tell the editor. It holds the build's
    records (`records`: its cache, memory and plan) for as long as it is kept, so a command
    that exits right after the build does not free a big site's million records one at a
    time (25–35 ms at 10,000); a caller that keeps reports keeps them too."""

    pages: int
    statuses: dict[str, int]
    warnings: tuple[Problem, ...]
    seconds: dict[str, float] = field(default_factory=dict)
    records: tuple[BuildCache | None, Memory, Plan] | None = field(
        default=None, repr=False, compare=False)


def render_site(content_dir: Path, layouts: Path, now: datetime, drafts: bool = False,
                jobs: int = 1) -> Iterator[tuple[str, bytes]]:
    """Every page of the site at `now`, in memory, for checkers, its postings read on up to
    `jobs` processes; writes nothing."""
    _, plan, _ = gather(content_dir, now, drafts, jobs=jobs)
    return render_pages(make_environment(layouts), plan.pages)


def search_index(out: Path, plan: Plan, trees: Trees | None) -> SearchIndex:
    """The search step of a build, knowing which index the staging tree and the live site
    hold."""
    return SearchIndex(plan.indexed, trees.spare_search if trees else None,
                       out.absolute() if trees else None, trees.live_search if trees else None)


@dataclass(frozen=True)
class Renderer:
    """How a build renders: its layouts and assets, where the bodies wait, how many
    processes, where compiled templates are kept."""

    layouts: Path
    assets: Assets
    bodies: Bodies
    jobs: int
    compiled: Path | None = None


def site_files(plan: Plan, saved: BuildCache | None, keys: dict[str, str | None],
               renderer: Renderer, root: Path, had: Manifest) -> SiteFiles:
    """Every file of the site: what the cache knows unchanged as its digest (the live site
    holds its bytes), the rest rendered and written into the staging tree at `root` (which
    holds `had`) on up to `jobs` processes, the pages search indexes first, then the open
    data (written by this process) and the static assets."""
    kept: Manifest = {}
    indexed: list[Job] = []
    other: list[Job] = []
    for unit in plan.units:
        known = saved.kept(unit.key, unit.paths) if saved else None
        if known is None:
            body = renderer.bodies.places.get(unit.view.posting.source)
            (indexed if unit.indexed else other).append(Job(unit, body, held(had, unit.paths)))
        else:
            kept.update(known)
    listings: list[Job] = []
    data: list[OpenData] = []
    for page in plan.listings:
        key, last = keys.get(page.path), saved.pages.get(page.path) if saved else None
        if key is not None and last is not None and last[0] == key:
            kept[page.path] = last[1]
        elif isinstance(page, OpenData):
            data.append(page)
        else:
            listings.append(Job(page, had=held(had, (page.path,))))
    if plan.known and saved:
        kept.update((known.path, saved.pages[known.path][1]) for known in plan.known)
    return SiteFiles(kept, chain(render_jobs(
        renderer.layouts, renderer.assets, chain(indexed, other, listings), renderer.bodies.path,
        root, renderer.jobs, renderer.compiled), open_data(data, root, had),
        renderer.assets.files))


def open_data(pages: list[OpenData], root: Path, had: Manifest) -> Iterator[tuple[str, Written]]:
    """The open-data files, written here piece by piece: they hold a line for every posting,
    which this process already has, and a big site's would weigh tens of megabytes pickled
    for a worker."""
    made: set[Path] = set()
    for page in pages:
        yield page.path, write_pieces(root, page.path, page.pieces, had.get(page.path), made)


def held(had: Manifest, paths: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """What the staging tree holds at some paths."""
    return tuple((path, had[path]) for path in paths if path in had)


def build_site(content_dir: Path, out: Path, layouts: Path, now: datetime,
               drafts: bool = False, base_url: str | None = None, search: bool = True,
               jobs: int | None = None, cache: bool = True) -> BuildReport:
    """Build the site at `now` into `out`, replacing the previous site in one step. Parsing and
    rendering use `jobs` processes (default: one per core); the build cache skips postings and
    files that did not change. Either way the bytes are those of a clean single-process build."""
    clock, jobs = time.perf_counter(), jobs or default_jobs()
    check_output(out, (content_dir, layouts, Path.cwd()))
    with paused_gc():
        saved = BuildCache.open(out, layouts) if cache else None
        bodies = Bodies.beside(out.absolute(), staging_prefix(out.absolute()))
        try:
            return build_with(content_dir, out, layouts, now, drafts, base_url, search, jobs,
                              saved, bodies, clock)
        finally:
            bodies.remove()


def build_with(content_dir: Path, out: Path, layouts: Path, now: datetime, drafts: bool,
               base_url: str | None, search: bool, jobs: int, saved: BuildCache | None,
               bodies: Bodies, clock: float) -> BuildReport:
    """The build, its bodies set aside in `bodies`."""
    memory = saved.memory if saved else Memory()
    _, plan, problems = gather(content_dir, now, drafts, base_url, jobs, memory,
                               FirstPass(now, bodies, memory.views, memory.lines))
    loaded = time.perf_counter()
    trees = saved.trees if saved else None
    keys = {page.path: page.key for page in plan.listings} if saved else {}
    keys |= {known.path: known.key for known in plan.known}
    renderer = Renderer(layouts, load_assets(layouts / "static"), bodies, jobs,
                        saved.templates() if saved else None)
    index = search_index(out, plan, trees)

    def files(root: Path, had: Manifest) -> SiteFiles:
        """The site's files, watched by the search step."""
        listed = site_files(plan, saved, keys, renderer, root, had)
        return index.watch(listed, root) if search else listed

    gc.freeze()
    try:
        manifest = publish(out, files, index.finish if search else None, trees)
    finally:
        gc.unfreeze()
        index.close()
    if saved:
        saved.trees.live_search = index.wanted
        memory.keep_only(plan.shown)
        saved.save(dict.fromkeys(unit.key for unit in plan.units),
                   {path: (key, manifest[path]) for path, key in keys.items() if key})
    statuses = Counter(map(attrgetter("status"), plan.views))
    return BuildReport(len(manifest), {str(s): statuses[s] for s in Status}, tuple(problems), {
        "load+plan": loaded - clock, "render+publish": time.perf_counter() - loaded},
        (saved, memory, plan))
