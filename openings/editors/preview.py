"""The editors' preview: the whole site kept in memory and rebuilt incrementally.

Unchanged postings are not parsed again, unchanged views not formatted again and unchanged
pages not rendered again; the layouts are reloaded when any of them changes. A rebuild comes in
two steps: `start` makes each posting's pages (enough to show the posting being edited), and
`finish` the listings and the site's own files. When the content has errors, every page shows
the list of problems instead of a stale page.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from jinja2 import Environment

from ..build.gather import Memory
from ..build.render import Assets, RenderCache, load_assets, make_environment, render_pages
from ..errors import ContentErrors, Problem, errors_only
from ..model import Content
from ..pages.plan import Postings, Unit, claims
from ..time.timeline import Timeline

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Rest:
    """What a started round still has to plan: the listings of its content and moment."""

    content: Content
    moment: Timeline
    postings: Postings
    started: float


@dataclass(frozen=True)
class Round:
    """What one rebuild produced: the files, the problems, how long it took and how many pages
    it rendered; a started round also says what it has still to plan."""

    files: dict[str, bytes]
    problems: tuple[Problem, ...]
    seconds: float
    rendered: int
    rest: Rest | None = None


def layouts_stamp(layouts: Path) -> tuple[tuple[str, int, int], ...]:
    """The layouts' names, sizes and modification times, to notice any change."""
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns)
                        for p in layouts.rglob("*") if p.is_file()))


@dataclass
class Preview:
    """A long-lived build session for `serve`: what the stages remember (`Memory`, the seam a
    build keeps on disk) and the rendered pages, kept between rebuilds."""

    content: Path
    layouts: Path
    clock: Clock
    memory: Memory = field(default_factory=Memory)
    rendered: RenderCache = field(default_factory=dict)
    units: dict[Unit, dict[str, bytes]] = field(default_factory=dict)
    stamp: tuple[tuple[str, int, int], ...] = ()
    env: Environment | None = None
    assets: Assets = field(default_factory=lambda: Assets({}, ()))

    def refresh_layouts(self) -> Environment:
        """A new template environment (and assets) when any layout changed."""
        stamp = layouts_stamp(self.layouts)
        if self.env is None or stamp != self.stamp:
            self.assets = load_assets(self.layouts / "static")
            self.env, self.stamp = make_environment(self.layouts, self.assets), stamp
            self.rendered, self.units = {}, {}
        return self.env

    def start(self) -> Round:
        """Load what changed, and plan and render each posting's pages at the clock's moment:
        the round has every posting's pages, and `rest` says what `finish` plans."""
        started = time.perf_counter()
        content, problems = self.memory.load(self.content)
        if content is None or errors_only(problems):
            self.refresh_layouts()
            return Round(dict(self.assets.files), tuple(sorted(problems)),
                         time.perf_counter() - started, 0)
        moment = self.memory.timeline(content, self.clock())
        postings = self.memory.postings(content, moment, preview=True)
        if found := claims(postings.units):
            raise ContentErrors(found)
        env, units, files, rendered = self.refresh_layouts(), {}, dict[str, bytes](), 0
        for unit in postings.units:
            if unit not in self.units:
                self.units[unit] = dict(render_pages(env, tuple(unit.pages())))
                rendered += len(self.units[unit])
            units[unit] = self.units[unit]
            files.update(units[unit])
        self.units = units
        return Round(files | dict(self.assets.files), tuple(sorted(problems)),
                     time.perf_counter() - started, rendered,
                     Rest(content, moment, postings, started))

    def finish(self, first: Round) -> Round:
        """A started round made whole: its listings and the site's own files planned and
        rendered (those unchanged taken from the last round)."""
        if first.rest is None:
            return first
        rest, env = first.rest, self.env or self.refresh_layouts()
        listings = self.memory.listings(rest.content, rest.moment, rest.postings).pages
        if found := claims(rest.postings.units, listings):
            raise ContentErrors(found)
        kept = RenderCache()
        files = first.files | dict(render_pages(env, listings, self.rendered, kept))
        rendered = first.rendered + len(listings) - len(kept.keys() & self.rendered.keys())
        self.rendered = kept
        self.memory.keep_only(rest.postings.shown)
        return Round(files | dict(self.assets.files), first.problems,
                     time.perf_counter() - rest.started, rendered)

    def rebuild(self) -> Round:
        """The whole site at the clock's moment, rebuilding only what changed."""
        return self.finish(self.start())
