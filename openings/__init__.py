"""Openings: job postings in Markdown -> a static, accessible, bilingual careers site.

The build runs named stages in order, and nothing is written until everything is loaded and
checked::

    load      content/ -> Site, Posting              (openings.load)
    timeline  Posting, now -> Status                 (openings.timeline)
    plan      Postings at now -> Page                (openings.plan)
    render    Page -> bytes                          (openings.render)
    publish   bytes -> staging tree, swapped in      (openings.publish)
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import chain
from pathlib import Path

from .cache import BuildCache, page_key
from .errors import ContentErrors, Problem, UsageError, errors_only
from .load import Content, LoadCache, display_path, load_content
from .model import Posting, Status
from .plan import Plan, plan_site
from .pool import default_jobs
from .publish import FileData, OutputError, check_output, publish
from .render import load_assets, make_environment, render_pages, render_parallel
from .rules import check_postings
from .search import index_search
from .views import PostingView

__all__ = ["BuildReport", "ContentErrors", "OutputError", "Problem", "UsageError",
           "build_site", "check_site", "inspect_site", "render_site"]


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the command line to tell the editor."""

    pages: int
    statuses: dict[str, int]
    warnings: tuple[Problem, ...]
    seconds: dict[str, float] = field(default_factory=dict)


def gather(content_dir: Path, now: datetime, drafts: bool, base_url: str | None = None,
           jobs: int = 1, cache: LoadCache | None = None,
           views: dict[tuple[Posting, Status], PostingView] | None = None,
           ) -> tuple[Content, Plan, list[Problem]]:
    """Load and plan: everything checked, nothing written. Raises ContentErrors on errors."""
    content, problems = load_content(content_dir, cache, jobs)
    if content is not None:
        problems += check_postings(content.postings, content.site,
                                   display_path(content_dir / "site.yml"))
    if content is None or errors_only(problems):
        raise ContentErrors(problems)
    if base_url:
        content = replace(content, site=replace(content.site, base_url=base_url))
    plan, conflicts = plan_site(content, now, drafts, cache=views)
    if conflicts:
        raise ContentErrors(conflicts)
    return content, plan, problems


def inspect_site(content_dir: Path, now: datetime,
                 drafts: bool = False) -> tuple[Content | None, list[Problem]]:
    """The loaded content (when it loads) and every problem, errors and warnings; no writes."""
    try:
        content, _, problems = gather(content_dir, now, drafts)
    except ContentErrors as err:
        return load_content(content_dir)[0], err.problems
    return content, problems


def check_site(content_dir: Path, now: datetime, drafts: bool = False) -> list[Problem]:
    """Every problem in a content folder, errors and warnings; writes nothing."""
    return inspect_site(content_dir, now, drafts)[1]


def render_site(content_dir: Path, layouts: Path, now: datetime,
                drafts: bool = False) -> Iterator[tuple[str, bytes]]:
    """Every page of the site at `now`, in memory, for checkers; writes nothing."""
    _, plan, _ = gather(content_dir, now, drafts)
    return render_pages(make_environment(layouts), plan.pages)


def searcher(out: Path, saved: BuildCache | None) -> Callable[[Path], None]:
    """The search step of a build: reuse the previous index when the indexed pages did not
    change (known from the cache), else run Pagefind; the cache learns the new digest."""
    def index(staging: Path) -> None:
        """Index the staging tree."""
        digest = index_search(staging, out.absolute() if saved else None,
                              saved.search if saved else None)
        if saved:
            saved.search = digest
    return index


def build_site(content_dir: Path, out: Path, layouts: Path, now: datetime,
               drafts: bool = False, base_url: str | None = None, search: bool = True,
               jobs: int | None = None, cache: bool = True) -> BuildReport:
    """Build the site at `now` into `out`, replacing the previous site in one step. Parsing and
    rendering use `jobs` processes (default: one per core); the build cache skips postings and
    pages that did not change. Either way the bytes are those of a clean single-process build."""
    clock, jobs = time.perf_counter(), jobs or default_jobs()
    saved = BuildCache.open(out, layouts) if cache else None
    _, plan, problems = gather(content_dir, now, drafts, base_url, jobs,
                               saved.postings if saved else None, saved.views if saved else None)
    loaded = time.perf_counter()
    check_output(out, (content_dir, layouts, Path.cwd()))
    assets = load_assets(layouts / "static")
    keys = {page.path: page_key(page) for page in plan.pages} if saved else {}
    kept = {page.path: source for page in plan.pages if saved and (
        source := saved.reusable(page, keys[page.path], out.absolute()))}
    fresh = tuple(page for page in plan.pages if page.path not in kept)
    pages: Iterable[tuple[str, FileData]] = chain(
        kept.items(), render_parallel(layouts, assets, fresh, jobs), assets.files)
    count = publish(out, pages, searcher(out, saved) if search else None)
    if saved:
        saved.save({path: key for path, key in keys.items() if key}, plan.views)
    statuses = Counter(str(v.status) for v in plan.views)
    return BuildReport(count, {s: statuses[s] for s in Status}, tuple(problems), {
        "load+plan": loaded - clock, "render+publish": time.perf_counter() - loaded})
