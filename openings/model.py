"""The content model: frozen values passed between stages. No I/O here."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

from .digests import digest
from .packed import Packed, Spilled, packing

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

TERM_TYPES = ("permanent", "temporary", "contract", "co-op", "student", "casual", "seasonal")
PAY_PERIODS = ("hour", "day", "week", "month", "year")
ARRANGEMENTS = ("on-site", "hybrid", "remote")
RULE_LEVELS = ("error", "warning", "off")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
"""An address that names its scheme (https:, mailto:); anything else is a path in the site."""
R = TypeVar("R", bound="DataclassInstance")
KEY, LINE = "\x1f", "\x1e"
"""What `Posting.lines` puts before each front-matter key and before its line."""


def pickled_by_fields(cls: type[R]) -> type[R]:
    """Pickle a small frozen record with slots as a call of its class with its fields: the
    state functions dataclasses give such records call `fields()` each time, which made
    reading the build cache, a few of them a posting, markedly slower."""
    names = tuple(item.name for item in fields(cls) if item.init)
    if len(names) < 2:  # attrgetter of one name gives a value, not a tuple
        raise TypeError(f"{cls.__name__} has fewer than two fields")
    values = attrgetter(*names)

    def reduce(self: R) -> tuple[type[R], tuple[Any, ...]]:
        """The class and the fields it is made from."""
        return cls, values(self)

    cls.__reduce__ = reduce  # type: ignore[method-assign,assignment]
    return cls


def hash_once(self: Any) -> int:
    """A large frozen record's hash, computed once and from its digest (`digest_repr`), which a
    worker process computes and sends along: such records key the preview's and the build's
    caches, and hashing every field again in the main process would cost more than the rest.
    Taken from the digest's digits (not `hash` of a string, which differs between processes),
    it travels with the record when pickled."""
    cached: int | None = getattr(self, "_hash", None)
    if cached is None:
        cached = int(digest_repr(self)[-16:], 16)
        object.__setattr__(self, "_hash", cached)
    return cached


def digest_repr(self: Any) -> str:
    """A short, stable stand-in for every compared field, computed once (page keys are
    digests of reprs, and large records appear in many pages)."""
    cached: str | None = getattr(self, "_repr", None)
    if cached is None:
        fields = repr(tuple(getattr(self, name) for name, kind in self.__dataclass_fields__.items()
                            if kind.compare))
        cached = f"{type(self).__name__}#{digest(fields)}"
        object.__setattr__(self, "_repr", cached)
    return cached


class Status(StrEnum):
    """Where a posting stands at a given moment."""

    OPEN = "open"
    CLOSING_SOON = "closing-soon"
    CLOSED = "closed"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Moment:
    """An instant read from front-matter (aware, in UTC), and whether only a date was given."""

    at: datetime
    date_only: bool


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Salary:
    """Pay as advertised (pay transparency requires it)."""

    min: Decimal
    max: Decimal | None
    per: str
    currency: str
    note: str | None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Term:
    """How long the job lasts."""

    type: str
    duration: str | None
    start: date | None
    end: date | None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Hours:
    """Weekly hours of work."""

    per_week: Decimal
    note: str | None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Contact:
    """How to apply: an e-mail, a web address, or both."""

    email: str | None
    subject: str | None
    url: str | None
    name: str | None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Location:
    """A place as readers see it, with the parts structured data needs."""

    text: str
    locality: str | None
    region: str
    country: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Accommodation:
    """How applicants ask for a disability-related accommodation."""

    email: str | None
    phone: str | None
    url: str | None


@dataclass(frozen=True)
class Text:
    """A setting's words in each language it is given in; any other language reads the default
    language's words (`str()` gives those, for a layout that has not chosen a language)."""

    default: str
    translations: tuple[tuple[str, str], ...] = ()

    def for_lang(self, lang: str) -> str:
        """The words a reader of `lang` sees."""
        return next((text for code, text in self.translations if code == lang), self.default)

    def lang_of(self, lang: str, default_lang: str) -> str:
        """The language of the words a reader of `lang` sees (to mark a fallback with `lang`)."""
        return lang if any(code == lang for code, _ in self.translations) else default_lang

    def __str__(self) -> str:
        return self.default


@dataclass(frozen=True)
class SiteLink:
    """A link in every page's footer (privacy, accessibility, contact): its words and address
    by language; the address is absolute (https, http, mailto) or a path inside the site."""

    text: Text
    url: Text


@dataclass(frozen=True)
class Site:
    """The site's settings from content/site.yml."""

    title: Text
    organization: Text
    base_url: str
    zone: ZoneInfo
    default_lang: str
    languages: tuple[str, ...]
    currency: str
    country: str
    region: str
    closing_soon_days: int
    accommodation: Accommodation | None
    rules: tuple[tuple[str, str], ...] = ()
    organization_url: str | None = None
    logo: str | None = None
    minimum_open_days: int = 10
    jargon: tuple[str, ...] = ()
    closed_retention_years: int = 3
    statement: Text | None = None
    links: tuple[SiteLink, ...] = ()
    logo_path: str | None = None

    def url_for(self, path: str) -> str:
        """An absolute URL for a path inside the site."""
        return self.base_url + path.removesuffix("index.html")

    def title_in(self, lang: str) -> str:
        """The site's title as a reader of `lang` sees it."""
        return self.title.for_lang(lang)

    def organization_in(self, lang: str) -> str:
        """The default hiring organization as a reader of `lang` sees it."""
        return self.organization.for_lang(lang)


@packing("source", "line", "slug", "lang", "title", "job_id", "posted", "deadline", "draft",
         "body_digest")
@dataclass(frozen=True, slots=True)
class Posting(Packed):
    """One job posting, validated and converted; the body already safe HTML. During a build
    the main process holds it without its body (`body_digest` then stands for it; see
    `openings/build/bodies.py`). It has slots, not an instance dict: Python shares the keys of
    an instance dict only up to 30 fields, so a posting's dict cost 1.6 kB, and every build
    holds every posting. Pickled, it keeps what listings and the timeline read at hand and
    packs the rest (`Packed`)."""

    source: str
    line: int
    slug: str
    lang: str
    title: str
    organization: str
    job_id: str | None
    locations: tuple[Location, ...]
    work_arrangement: str
    location_note: str | None
    positions: int | None
    term: Term
    hours: Hours | None
    salary: Salary | None
    posted: Moment
    deadline: Moment
    contact: Contact
    status_note: str | None
    existing_vacancy: bool | None
    ai_screening: bool | None
    draft: bool
    body: str
    body_html: str
    lines: str = ""
    body_line: int = 0
    links: tuple[tuple[int, str], ...] = ()
    accommodation: Accommodation | None = None
    division: str | None = None
    language_requirement: str | None = None
    classification: str | None = None
    body_digest: str = ""
    _repr: str | None = field(default=None, init=False, repr=False, compare=False)
    _hash: int | None = field(default=None, init=False, repr=False, compare=False)
    _packed: bytes | Spilled | None = field(default=None, init=False, repr=False, compare=False)

    __hash__ = hash_once

    __repr__ = digest_repr

    def line_of(self, key: str) -> int:
        """The file line of a front-matter key, or of the opening `---` when it is absent."""
        start = self.lines.find(f"{KEY}{key}{LINE}")
        if start < 0:
            return self.line
        start += len(KEY) + len(key) + len(LINE)
        end = self.lines.find(KEY, start)
        return int(self.lines[start:end if end >= 0 else None])


def key_lines(pairs: Iterable[tuple[str, int]]) -> str:
    """Front-matter keys and their lines as one string (`Posting.lines`): a build holds every
    posting, and a tuple of pairs for each cost it forty objects a posting. Keys are known
    field names (others are errors), so none holds a separator."""
    return "".join(f"{KEY}{key}{LINE}{line}" for key, line in pairs)


@dataclass(frozen=True)
class Content:
    """Everything loaded from a content folder."""

    site: Site
    postings: tuple[Posting, ...]
