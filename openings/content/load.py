"""Stage 1, load: content files -> Site and Postings, every problem collected on the way.

Reading one posting's fields lives in `posting_fields`, finding and stat-caching files in
`content_files`, checks across postings in `crosschecks`; this module joins them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem, display_path
from ..model import Content, Posting, Site
from .config import load_site
from .content_files import (
    LoadCache,
    escapes,
    load_postings,
    outside_problem,
    posting_entries,
    posting_files,
    settings_bytes,
)
from .crosschecks import duplicates, mismatched_translations
from .posting_fields import load_posting

if TYPE_CHECKING:
    from ..build.summaries import FirstPass

__all__ = ["Content", "LoadCache", "display_path", "load_content", "load_posting",
           "load_settings", "posting_files"]


def load_settings(folder: Path) -> tuple[Site | None, list[Problem]]:
    """A content folder's site.yml alone, for `new`, which needs no posting read."""
    data = settings_bytes(folder)
    if isinstance(data, Problem):
        return None, [data]
    return load_site(display_path(folder / "site.yml"), data)


def load_content(folder: Path, cache: LoadCache | None = None, jobs: int = 1,
                 first: FirstPass | None = None,
                 base_url: str | None = None) -> tuple[Content | None, list[Problem]]:
    """Load site.yml and every posting of a content folder, collecting all problems; with a
    build's `first` pass, postings are held without their bodies (see `load_postings`).
    `base_url` replaces the site's address (`build --base-url`)."""
    cache = cache if cache is not None else LoadCache()
    data = settings_bytes(folder)
    if isinstance(data, Problem):
        return None, [data]
    if data != cache.site_bytes:
        cache.start_over(data)
    site, problems = load_site(display_path(folder / "site.yml"), data)
    if site is None:
        return None, problems
    if base_url:
        site = replace(site, base_url=base_url)
    inside: list[str] = []
    for path, linked in posting_entries(folder):
        if linked and escapes(Path(path), folder):
            problems.append(outside_problem(Path(path)))
        else:
            inside.append(path)
    postings: list[Posting] = []
    for posting, found in load_postings(inside, site, cache, jobs, first):
        problems += found
        if posting is not None:
            postings.append(posting)
    problems += duplicates(postings) + mismatched_translations(postings, site.default_lang,
                                                               cache.paired)
    return Content(site, tuple(postings)), problems
