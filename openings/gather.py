"""Load, check and plan: everything a build or a check does before a page is rendered, so that
`check` imports neither the templates nor the publishing of files."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from .errors import ContentErrors, Problem, errors_only
from .load import Content, LoadCache, display_path, load_content
from .opendata import Lines
from .plan import Plan, plan_site
from .rules import check_postings
from .views import ViewCache


def gather(content_dir: Path, now: datetime, drafts: bool, base_url: str | None = None,
           jobs: int = 1, cache: LoadCache | None = None,
           views: ViewCache | None = None,
           lines: Lines | None = None) -> tuple[Content, Plan, list[Problem]]:
    """Load and plan: everything checked, nothing written. Raises ContentErrors on errors."""
    content, problems = load_content(content_dir, cache, jobs)
    if content is not None:
        problems += check_postings(content.postings, content.site,
                                   display_path(content_dir / "site.yml"),
                                   cache.ruled if cache else None)
    if content is None or errors_only(problems):
        raise ContentErrors(problems)
    if base_url:
        content = replace(content, site=replace(content.site, base_url=base_url))
    plan, conflicts = plan_site(content, now, drafts, cache=views, lines=lines)
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
