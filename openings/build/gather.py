"""Load, check and plan: everything a build or a check does before a page is rendered, so that
`check` imports neither the templates nor the publishing of files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.load import Content, LoadCache, display_path, load_content
from ..content.rules import check_postings
from ..errors import ContentErrors, Problem, errors_only
from ..outputs.opendata import Lines
from ..pages.plan import Plan, plan_site
from ..pages.views import ViewCache
from ..time.timeline import timeline

if TYPE_CHECKING:
    from .summaries import FirstPass


def gather(content_dir: Path, now: datetime, drafts: bool, base_url: str | None = None,
           jobs: int = 1, cache: LoadCache | None = None,
           views: ViewCache | None = None, lines: Lines | None = None,
           first: FirstPass | None = None) -> tuple[Content, Plan, list[Problem]]:
    """Load and plan: everything checked, nothing written. Raises ContentErrors on errors.
    With a build's `first` pass, postings are planned from their summaries."""
    cache = cache if cache is not None else LoadCache()
    content, problems = load_content(content_dir, cache, jobs, first, base_url)
    if content is not None:
        problems += check_postings(content.postings, content.site,
                                   display_path(content_dir / "site.yml"), cache.ruled)
    if content is None or errors_only(problems):
        raise ContentErrors(problems)
    plan, conflicts = plan_site(content, timeline(content.postings, content.site, now, drafts),
                                drafts, cache=views, lines=lines)
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
