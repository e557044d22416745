"""The records every page-making module shares: each kind of page with what its layout shows,
and a posting as a listing shows it.

A page is a typed record, not a bag of names: its fields are what its layout receives
(`context`), its language picks the interface's words, and `keyed` says whether the build
cache may skip it while its record is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from ..digests import digest
from ..messages import translator
from ..model import Site, Status, digest_repr, hash_once
from .facets import FacetValue, annual_top, values_of
from .frame import Chrome, href, root_of
from .views import Apply, Fact, PostingView

if TYPE_CHECKING:
    from .listings import Browse, Pager
    from .posting_pages import Fallback, Statement
    from .site_pages import Passage, SitemapEntry

LIVE = (Status.OPEN, Status.CLOSING_SOON)


@dataclass(frozen=True, kw_only=True)
class Page:
    """One output file: where it goes and which posting file (or "site") it comes from."""

    path: str
    source: str = "site"
    template: ClassVar[str] = ""
    keyed: ClassVar[bool] = True

    @property
    def interface_lang(self) -> str:
        """The language of the page's interface words ("" for English-only files)."""
        return ""

    @cached_property
    def key(self) -> str | None:
        """A digest of everything the page shows, by which the build cache knows it unchanged;
        None for files rendered every build."""
        return digest(repr(self)) if self.keyed else None

    def context(self) -> dict[str, Any]:
        """What the layout receives: every field by name."""
        return {field.name: getattr(self, field.name) for field in fields(self)}


@dataclass(frozen=True, kw_only=True)
class Framed(Page):
    """A reader's page, inside the site's frame (header, language toggle, footer)."""

    chrome: Chrome

    @property
    def interface_lang(self) -> str:
        """The page's language."""
        return self.chrome.lang


@dataclass(frozen=True, kw_only=True)
class PostingPage(Framed):
    """A posting's own page; structured data and a calendar only while it is live."""

    template: ClassVar[str] = "posting.html"
    job: PostingView
    facts: tuple[Fact, ...]
    apply: Apply
    accommodation: Any
    statement: Statement | None
    jsonld: str | None
    calendar_href: str | None
    flag: str | None


@dataclass(frozen=True, kw_only=True)
class StandInPage(Framed):
    """A posting in a language it is not published in: its facts, and a link to it."""

    template: ClassVar[str] = "fallback.html"
    job: PostingView
    facts: tuple[Fact, ...]
    flag: str | None
    fallback: Fallback
    statement: Statement | None


Shown = tuple[tuple[PostingView, str | None], ...]
"""The postings a listing shows, in order, each with any preview mark."""


@dataclass(frozen=True, kw_only=True)
class Listing(Framed):
    """A page of postings' cards. It holds the postings it shows; their cards are made when it
    is rendered, by the process that renders it, so a build that finds a listing unchanged
    (most, after one edit) makes none of its cards."""

    shown: Shown

    def context(self) -> dict[str, Any]:
        """The fields, and the card of each posting shown (`cards`)."""
        root = root_of(self.path)
        return super().context() | {
            "cards": tuple(card_at(view, root, flag) for view, flag in self.shown)}


@dataclass(frozen=True, kw_only=True)
class HomePage(Listing):
    """A language's home: every live posting, with filters, search and facets to browse."""

    template: ClassVar[str] = "home.html"
    browse: tuple[Browse, ...]
    pay_steps: tuple[tuple[int, str], ...]
    unstated_pay: bool


@dataclass(frozen=True, kw_only=True)
class ClosedPage(Listing):
    """One page of the closed archive."""

    template: ClassVar[str] = "closed.html"
    pager: Pager
    jobs_json: str
    base_url: str


@dataclass(frozen=True, kw_only=True)
class FacetPage(Listing):
    """The open postings of one facet value (a place, an organization, a job type)."""

    template: ClassVar[str] = "facet.html"
    value: FacetValue
    intro: str
    alerts: str
    feed_href: str


@dataclass(frozen=True, kw_only=True)
class NotFoundPage(Framed):
    """The 404 page, with a passage in each other language."""

    template: ClassVar[str] = "404.html"
    others: tuple[Passage, ...]


@dataclass(frozen=True, kw_only=True)
class FeedPage(Page):
    """An Atom feed of live postings: a language's, or one facet value's."""

    template: ClassVar[str] = "feed.xml"
    site: Site
    lang: str
    entries: tuple[tuple[PostingView, str], ...]
    label: str
    self_url: str
    home_url: str
    updated: str
    root: str
    list_href: str
    site_href: str
    site_title: str
    title_lang: str

    @property
    def interface_lang(self) -> str:
        """The feed's language."""
        return self.lang


@dataclass(frozen=True, kw_only=True)
class SitemapPage(Page):
    """sitemap.xml: every page that asks to be indexed (rendered every build)."""

    template: ClassVar[str] = "sitemap.xml"
    keyed: ClassVar[bool] = False
    entries: tuple[SitemapEntry, ...]


@dataclass(frozen=True, kw_only=True)
class RobotsPage(Page):
    """robots.txt: where the sitemap is."""

    template: ClassVar[str] = "robots.txt"
    sitemap: str


@dataclass(frozen=True, kw_only=True)
class DataFile(Page):
    """A file written by code rather than a layout (open data, a calendar)."""

    def data(self) -> bytes:
        """The file's bytes."""
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class OpenData(DataFile):
    """jobs.json, jobs.csv or next-change.txt, from the build's open-data document (rendered
    every build: it holds the whole site)."""

    keyed: ClassVar[bool] = False
    document: dict[str, Any]

    def data(self) -> bytes:
        """The file's bytes, in the format its name says."""
        return b"".join(self.pieces())

    def pieces(self) -> Iterator[bytes]:
        """The file's bytes in pieces: a big site's open data is written piece by piece by the
        build, which keeps its lines, rather than joined or sent to a worker."""
        from ..outputs.opendata import PIECES
        return PIECES[self.path](self.document)


@dataclass(frozen=True, kw_only=True)
class CalendarFile(DataFile):
    """deadline.ics: a live posting's deadline as an iCalendar event."""

    view: PostingView
    site: Site

    def data(self) -> bytes:
        """The calendar's bytes."""
        from ..outputs.calendar import deadline_ics
        return deadline_ics(self.view, self.site)


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

    __hash__ = hash_once
    __repr__ = digest_repr


@lru_cache(maxsize=1 << 16)
def card_at(view: PostingView, root: str, flag: str | None) -> Card:
    """A card, remembered: listings at one depth share it (its link is relative to the root),
    and the preview renders changed listings again after each save, most cards unchanged.
    The posting is unpacked first (a card reads most of its details), so that its facets are
    not read from its pack a second time."""
    term, posting = view.posting.term.type, view.posting
    values = values_of(posting, translator(posting.lang))
    return Card(view, href("", view.path, root), flag,
                " ".join(slug for slug, _ in values["locations"]),
                values["organizations"][0][0], term,
                annual_top(posting), view.posted_iso, posting.work_arrangement)
