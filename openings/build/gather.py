"""Load, check and plan: everything a build or a check does before a page is rendered, so that
`check` imports neither the templates nor the publishing of files.

`Memory` is the one cache seam of these stages. The stage functions (`load_content`,
`check_postings`, `timeline`, `plan_units`, `plan_listings`) are handed what it remembers and
keep nothing themselves; a build keeps its `Memory` on disk between builds (in the build
cache), the preview keeps one in memory between saves, and a check uses a fresh one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.content_files import settings_bytes
from ..content.load import Content, LoadCache, display_path, load_content
from ..content.rules import check_postings
from ..errors import ContentErrors, Problem, errors_only
from ..outputs.lines import Lines
from ..pages.page import card_at
from ..pages.plan import Listed, Listings, Plan, Postings, claims, plan_listings, plan_units
from ..pages.views import PostingView, ViewCache
from ..time.timeline import Timeline, timeline

if TYPE_CHECKING:
    from .summaries import FirstPass

CARDS_PER_VIEW = 8
"""Listings show a view at a few depths; more remembered cards than this per view shown are
mostly stale."""


@dataclass
class Memory:
    """What stages 1 to 3 remember between runs: each posting file's digest and what it parsed
    to and the rules found (`loads`), the last timeline (a standing holds until its next
    change), each posting's views and open-data lines. Views, lines and the timeline are
    forgotten when the site's settings change, before anything is loaded. A build's memory
    also keeps what each group of listings was planned from (`listed`), so that a group
    planned from the same postings is not planned again: only the build cache, which holds
    the files those listings became, may rely on it."""

    loads: LoadCache = field(default_factory=LoadCache)
    views: ViewCache = field(default_factory=dict)
    lines: Lines = field(default_factory=Lines)
    moment: Timeline | None = None
    listed: Listed | None = None

    def load(self, folder: Path, jobs: int = 1, first: FirstPass | None = None,
             base_url: str | None = None) -> tuple[Content | None, list[Problem]]:
        """Stage 1, load, and the checks across postings: every problem, collected."""
        if settings_bytes(folder) != self.loads.site_bytes:
            self.views.clear()
            self.lines.clear()
            self.moment = None
        content, problems = load_content(folder, self.loads, jobs, first, base_url)
        if content is not None:
            problems += check_postings(content.postings, content.site,
                                       display_path(folder / "site.yml"), self.loads.ruled)
        return content, problems

    def timeline(self, content: Content, now: datetime, drafts: bool = False) -> Timeline:
        """Stage 2, timeline: every posting's standing at `now`."""
        self.moment = timeline(content.postings, content.site, now, drafts, self.moment)
        return self.moment

    def postings(self, content: Content, moment: Timeline, drafts: bool = False,
                 preview: bool = False) -> Postings:
        """Stage 3, first half: each shown posting's unit."""
        return plan_units(content, moment, drafts, preview, self.views)

    def listings(self, content: Content, moment: Timeline, postings: Postings) -> Listings:
        """Stage 3, second half: the listings and the site's own files."""
        return plan_listings(content, moment, postings, self.lines, self.listed)

    def plan(self, content: Content, moment: Timeline, drafts: bool = False) -> Plan:
        """Stage 3, plan, whole; raises ContentErrors when two sources claim one path."""
        postings = self.postings(content, moment, drafts)
        listings = self.listings(content, moment, postings)
        if conflicts := claims(postings.units, listings.pages + listings.known):
            raise ContentErrors(conflicts)
        return Plan(postings.units, listings.pages, postings.views, postings.shown,
                    moment.next_change, listings.known)

    def keep_only(self, shown: tuple[PostingView, ...]) -> None:
        """Forget the views no page shows any more, and the remembered cards once most of them
        are of such views (each edit in the preview leaves a few behind). Every view shown is
        one of `views` (planning takes them from it), so as many shown as held means none to
        forget."""
        kept = set(map(id, shown))
        if len(kept) < len(self.views):
            for key in [key for key, view in self.views.items() if id(view) not in kept]:
                del self.views[key]
        if card_at.cache_info().currsize > CARDS_PER_VIEW * len(shown):
            card_at.cache_clear()


def gather(content_dir: Path, now: datetime, drafts: bool, base_url: str | None = None,
           jobs: int = 1, memory: Memory | None = None,
           first: FirstPass | None = None) -> tuple[Content, Plan, list[Problem]]:
    """Load and plan: everything checked, nothing written. Raises ContentErrors on errors.
    With a build's `first` pass, postings are planned from their summaries."""
    memory = memory if memory is not None else Memory()
    content, problems = memory.load(content_dir, jobs, first, base_url)
    if content is None or errors_only(problems):
        raise ContentErrors(problems)
    return content, memory.plan(content, memory.timeline(content, now, drafts), drafts), problems


def inspect_site(content_dir: Path, now: datetime, drafts: bool = False,
                 jobs: int = 1) -> tuple[Content | None, list[Problem]]:
    """The loaded content (when it loads) and every problem, errors and warnings; no writes.
    Postings are read on up to `jobs` processes, once: content with errors is not planned."""
    memory = Memory()
    content, problems = memory.load(content_dir, jobs)
    if content is None or errors_only(problems):
        return content, problems
    try:
        memory.plan(content, memory.timeline(content, now, drafts), drafts)
    except ContentErrors as err:
        return content, err.problems
    return content, problems


def check_site(content_dir: Path, now: datetime, drafts: bool = False) -> list[Problem]:
    """Every problem in a content folder, errors and warnings; writes nothing."""
    return inspect_site(content_dir, now, drafts)[1]
