"""A build's first pass over each posting, in a worker process: parse and check it, run the
posting rules while its body is at hand, and work out what the main process keeps of it: the
posting without its body (which waits in `Bodies`), its views in every language at `now`, and
its open-data lines. The main process then plans the site from these summaries alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..content.posting_fields import load_posting
from ..content.rules import posting_problems
from ..errors import Problem
from ..model import Posting, Site
from ..outputs.lines import Lines
from ..outputs.opendata import lines_key, posting_lines
from ..packed import Spill
from ..pages.views import PostingView, ViewCache, posting_view
from ..time.timeline import standing
from .bodies import Bodies, slim

Summary = tuple[Posting | None, list[Problem], list[Problem], str,
                tuple[PostingView, ...], tuple[str, str]]


def summarize(path: Path, data: bytes, site: Site, now: datetime) -> Summary:
    """One posting file -> the posting without its body, its problems, the rules' findings,
    its body's HTML, its view in each site language at `now` (its own language first) and its
    open-data lines. Their digests (`repr`) are computed here and travel with them, so the
    main process need not hash them field by field."""
    posting, problems = load_posting(path, data, site)
    if posting is None:
        return None, problems, [], "", (), ("", "")
    summary, ruled = slim(posting), posting_problems(posting, site)
    at = standing(posting, site, now)
    views = tuple(posting_view(summary, site, at, lang) for lang in (
        posting.lang, *(lang for lang in site.languages if lang != posting.lang)))
    for record in (summary, *views):
        repr(record)
    return summary, problems, ruled, posting.body_html, views, posting_lines(views[0], site)


@dataclass
class FirstPass:
    """The build's first pass: where the bodies go, and the caches its summaries warm, so
    that planning finds every view and open-data line already made."""

    now: datetime
    bodies: Bodies
    views: ViewCache = field(default_factory=dict)
    lines: Lines = field(default_factory=Lines)
    spill: Spill | None = None

    def keep(self, found: Summary, site: Site,
             ruled: dict[Posting, list[Problem]]) -> tuple[Posting | None, list[Problem]]:
        """Take in one worker's summary; what the loader keeps of it."""
        posting, problems, rules, html, views, lines = found
        if posting is not None:
            ruled[posting] = rules
            self.bodies.put(posting.source, html)
            spill = self.spill = self.spill or Spill(self.bodies.folder / "packs")
            posting.spill(spill)
            for view in views:
                view.spill(spill)
                self.views[(posting, view.status, view.lang)] = view
            self.lines.add(lines_key(views[0], site), lines)
        return posting, problems
