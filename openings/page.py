"""The records every page-making module shares: a Page, and a posting as a listing shows it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .model import Status
from .views import PostingView

LIVE = (Status.OPEN, Status.CLOSING_SOON)


@dataclass(frozen=True)
class Page:
    """One output file: where it goes, which layout renders it, and what it shows."""

    path: str
    template: str
    data: Mapping[str, Any]
    source: str = "site"


@dataclass(frozen=True)
class Card:
    """A posting as a listing shows it: its link from the listing, any preview mark, and what
    the filters read (facet slugs, the most its pay can reach in a year, posted date)."""

    view: PostingView
    href: str
    flag: str | None = None
    locations: str = ""
    organization: str = ""
    term: str = ""
    salary: int = 0
    posted: str = ""
    arrangement: str = ""
