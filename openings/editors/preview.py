"""The editors' preview: the whole site kept in memory and rebuilt incrementally.

Unchanged postings are not parsed again, unchanged views not formatted again and unchanged
pages not rendered again; the layouts are reloaded when any of them changes. When the content
has errors, every page shows the list of problems instead of a stale page.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from jinja2 import Environment

from ..build.render import Assets, RenderCache, load_assets, make_environment, render_pages
from ..content.load import LoadCache, display_path, load_content
from ..content.rules import check_postings
from ..errors import ContentErrors, Problem, errors_only
from ..outputs.opendata import Lines
from ..pages.plan import plan_site
from ..pages.views import ViewCache
from ..time.timeline import timeline

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Round:
    """What one rebuild produced: the files, the problems, and how long it took."""

    files: dict[str, bytes]
    problems: tuple[Problem, ...]
    seconds: float
    rendered: int


def layouts_stamp(layouts: Path) -> tuple[tuple[str, int, int], ...]:
    """The layouts' names, sizes and modification times, to notice any change."""
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns)
                        for p in layouts.rglob("*") if p.is_file()))


@dataclass
class Preview:
    """A long-lived build session for `serve`: caches kept between rebuilds."""

    content: Path
    layouts: Path
    clock: Clock
    loads: LoadCache = field(default_factory=LoadCache)
    views: ViewCache = field(default_factory=dict)
    rendered: RenderCache = field(default_factory=dict)
    units: dict[str, dict[str, bytes]] = field(default_factory=dict)
    lines: Lines = field(default_factory=dict)
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

    def rebuild(self) -> Round:
        """Load what changed, plan the site at the clock's moment, render what changed."""
        started = time.perf_counter()
        content, problems = load_content(self.content, self.loads)
        if content is not None:
            problems += check_postings(content.postings, content.site,
                                       display_path(self.content / "site.yml"),
                                       self.loads.ruled)
        if content is None or errors_only(problems):
            self.refresh_layouts()
            return Round(dict(self.assets.files), tuple(sorted(problems)),
                         time.perf_counter() - started, 0)
        moment = timeline(content.postings, content.site, self.clock())
        plan, conflicts = plan_site(content, moment, preview=True, cache=self.views,
                                    lines=self.lines)
        if conflicts:
            raise ContentErrors(conflicts)
        env, kept, units = self.refresh_layouts(), RenderCache(), dict[str, dict[str, bytes]]()
        files: dict[str, bytes] = {}
        rendered = 0
        for unit in plan.units:
            if unit.key not in self.units:
                self.units[unit.key] = dict(render_pages(env, tuple(unit.pages())))
                rendered += len(self.units[unit.key])
            units[unit.key] = self.units[unit.key]
            files.update(units[unit.key])
        files.update(render_pages(env, plan.listings, self.rendered, kept))
        rendered += len(plan.listings) - len(kept.keys() & self.rendered.keys())
        self.rendered, self.units = kept, units
        shown = {id(view) for view in plan.shown}
        self.views = {key: view for key, view in self.views.items() if id(view) in shown}
        return Round(files | dict(self.assets.files), tuple(sorted(problems)),
                     time.perf_counter() - started, rendered)
