"""Stage 3, plan: postings at a moment -> every page to write, checked before anything is.

Each posting becomes a `Unit` (its page, stand-ins and calendar: `posting_pages.py`); the
listings (`listings.py`) and the site's own files (`site_pages.py`) are planned here too.
Two pages claiming one path are reported here, naming both sources.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from ..digests import digest
from ..errors import Problem
from ..model import Content, Site, pickled_by_fields
from ..outputs.lines import Lines
from ..time.timeline import Standing, Timeline, is_shown
from .frame import alternates
from .listings import GROUPS
from .page import LIVE, Page
from .posting_pages import calendar_page, calendar_path, fallback_page, posting_page, preview_flag
from .site_pages import SitemapEntry, site_pages, sitemap_entries, sitemap_entry
from .views import PostingView, ViewCache, posting_view


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Unit:
    """A posting's own files (its page, its stand-ins in other languages, its calendar): their
    paths and key are known at once, their pages planned only when the build needs them. Equal
    units show the same (`site_key` stands for the site), so the preview keys its pages by unit.
    A build holds one per posting, so it has slots, and its paths are worked out once."""

    view: PostingView
    site: Site = field(compare=False)
    targets: tuple[tuple[str, str], ...]
    flag: str | None
    site_key: str
    stand_ins: tuple[PostingView, ...]
    stand_in_flags: tuple[str | None, ...] = ()
    paths: tuple[str, ...] = field(init=False, compare=False, repr=False)
    _key: str | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        """Every file of the unit, without planning its pages."""
        view = self.view
        paths = (view.path, *(stand_in.path for stand_in in self.stand_ins))
        object.__setattr__(self, "paths",
                           (*paths, calendar_path(view)) if view.status in LIVE else paths)

    @property
    def key(self) -> str:
        """A digest of everything the unit's files show, worked out when the build cache first
        asks (the preview never does)."""
        key = self._key
        if key is None:
            key = digest(repr((self.view, self.targets, self.flag, self.site_key,
                               self.stand_ins, self.stand_in_flags)))
            object.__setattr__(self, "_key", key)
        return key

    @property
    def indexed(self) -> tuple[str, ...]:
        """The pages search indexes, while the posting is open to readers and not a preview:
        its own, and its stand-ins, so each language's search reaches every open posting."""
        if self.view.status not in LIVE or self.flag:
            return ()
        return self.paths[:1 + len(self.stand_ins)]

    def pages(self) -> list[Page]:
        """The unit's pages."""
        view, versions = self.view, dict(self.targets)
        pages: list[Page] = [posting_page(view, self.site, versions, self.flag)]
        flags = self.stand_in_flags or (None,) * len(self.stand_ins)
        pages += [fallback_page(stand_in, view, self.site, versions, flag)
                  for stand_in, flag in zip(self.stand_ins, flags, strict=True)]
        return [*pages, calendar_page(view, self.site)] if view.status in LIVE else pages

    def entry(self) -> SitemapEntry | None:
        """The posting page's line in the sitemap, when it asks to be indexed."""
        view = self.view
        if view.status not in LIVE or self.flag:
            return None
        return SitemapEntry(self.site.url_for(view.path), view.posted_iso[:10],
                            alternates(self.site, view.path, dict(self.targets)))


@dataclass(frozen=True)
class KnownListing:
    """A listing the last build planned from the same postings on the same site: its path, key
    and sitemap entry, all an edit elsewhere needs of it (the build cache holds its file)."""

    path: str
    key: str
    entry: SitemapEntry | None
    source: str = "site"


Listed = dict[str, tuple[str, tuple[KnownListing, ...]]]
"""Each group of listings (a language's live listings, its closed archive) as the last build
planned it: a digest of what it was planned from, and its pages as known."""


@dataclass(frozen=True)
class Listings:
    """The pages about many postings (listings, feeds, open data, sitemap) to render, and the
    listings known unchanged since the last build."""

    pages: tuple[Page, ...]
    known: tuple[KnownListing, ...] = ()


@dataclass(frozen=True)
class Plan:
    """Every file of a build: each posting's unit, the pages about many postings (listings,
    feeds, open data, sitemap) with those known unchanged, and the views they were made
    from: the postings' own (`views`), and with their stand-ins', every view a page of the
    build shows (`shown`)."""

    units: tuple[Unit, ...]
    listings: tuple[Page, ...]
    views: tuple[PostingView, ...]
    shown: tuple[PostingView, ...]
    next_change: datetime | None
    known: tuple[KnownListing, ...] = ()

    @property
    def pages(self) -> tuple[Page, ...]:
        """Every page to render, the units' planned now; none of the listings known unchanged
        (`known`), which a plan made without the build cache never has."""
        return tuple(page for unit in self.units for page in unit.pages()) + self.listings

    @property
    def indexed(self) -> tuple[str, ...]:
        """The pages search indexes."""
        return tuple(path for unit in self.units for path in unit.indexed)


def stand_ins_of(view: PostingView, site: Site, targets: Mapping[str, str],
                 cache: ViewCache, at: Standing) -> tuple[PostingView, ...]:
    """A posting as its stand-in shows it in each site language it has no translation in."""
    views = []
    for lang in site.languages:
        key = (view.posting, view.status, lang)
        if lang not in targets:
            if key not in cache:
                cache[key] = posting_view(view.posting, site, at, lang)
            views.append(cache[key])
    return tuple(views)


def translation_targets(views: Iterable[PostingView]) -> dict[str, dict[str, str]]:
    """For each job_id, the page path of each language it is published in."""
    targets: dict[str, dict[str, str]] = defaultdict(dict)
    for view in views:
        if view.posting.job_id:
            targets[view.posting.job_id][view.posting.lang] = view.path
    return targets


def versions_of(view: PostingView, targets: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """A posting's page in each language it is published in."""
    return dict(targets.get(view.posting.job_id or "", {view.posting.lang: view.path}))


def conflicts(claimed: Iterable[tuple[str, str]]) -> list[Problem]:
    """Two sources writing one output path: an error naming every source."""
    claims: dict[str, list[str]] = defaultdict(list)
    for path, source in claimed:
        claims[path].append(source)
    return [Problem(source, 1, f"{path} would be written from each of these files: "
                    f"{', '.join(sources)}; rename one of them so that each page has its own "
                    "web address")
            for path, sources in sorted(claims.items()) if len(sources) > 1
            for source in sources]


def make_views(content: Content, timeline: Timeline, drafts: bool, preview: bool,
               cache: ViewCache) -> tuple[PostingView, ...]:
    """What each shown posting shows at the timeline's moment, reusing views of unchanged
    postings."""
    site, views = content.site, []
    for posting in content.postings:
        at = timeline.standings[posting]
        if is_shown(posting, at, drafts, preview):
            key = (posting, at.status, posting.lang)
            if key not in cache:
                cache[key] = posting_view(posting, site, at)
            views.append(cache[key])
    return tuple(views)


@dataclass(frozen=True)
class Postings:
    """The first half of planning: each shown posting's unit, the views the listings show
    (stand-ins included), the preview's marks by page path, and the digest that stands for
    the site's settings in every key and mark."""

    units: tuple[Unit, ...]
    views: tuple[PostingView, ...]
    shown: tuple[PostingView, ...]
    flags: dict[str, str | None]
    site_key: str


def plan_units(content: Content, timeline: Timeline, drafts: bool = False,
               preview: bool = False, cache: ViewCache | None = None) -> Postings:
    """Each shown posting's unit as it stands on the timeline (with drafts and scheduled
    postings, marked, in the editors' preview); the cache keeps views. Each language lists
    every posting: its own version, or its stand-in in that language."""
    site, cache, standings = content.site, {} if cache is None else cache, timeline.standings
    views = make_views(content, timeline, drafts, preview, cache)
    targets, site_key = translation_targets(views), digest(repr(site))
    versions = [versions_of(v, targets) for v in views]
    stand_ins = [stand_ins_of(v, site, found, cache, standings[v.posting])
                 for v, found in zip(views, versions, strict=True)]
    shown = views + tuple(s for others in stand_ins for s in others)
    flags = {v.path: preview_flag(v, site, standings[v.posting].posted) for v in shown
             } if preview or drafts else {}
    units = tuple(Unit(v, site, in_order(found), flags.get(v.path), site_key, others,
                       tuple(flags.get(s.path) for s in others) if flags else ())
                  for v, found, others in zip(views, versions, stand_ins, strict=True))
    return Postings(units, views, shown, flags, site_key)


def in_order(versions: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """A posting's page in each language, by language (most postings have one)."""
    return tuple(versions.items()) if len(versions) < 2 else tuple(sorted(versions.items()))


def plan_listings(content: Content, timeline: Timeline, postings: Postings,
                  lines: Lines | None = None, listed: Listed | None = None) -> Listings:
    """The pages about many postings: each language's listings and feeds, then the site's own
    files (404, open data, sitemap, robots.txt); the cache keeps open-data lines. With what
    the last build `listed`, a group of listings planned from the same postings is taken as
    known, not planned again, and `listed` is brought up to date."""
    site, now, pages, known = content.site, timeline.now, list[Page](), list[KnownListing]()
    site_key = postings.site_key
    for lang in site.languages:
        for group in GROUPS:
            views = [v for v in postings.shown if v.lang == lang and v.status in group.statuses]
            name = f"{lang}/{group.name}"
            mark = group_mark(site_key, name, views, postings.flags, now if group.dated else None)
            last = listed.get(name) if listed is not None else None
            if last is not None and last[0] == mark:
                known += last[1]
                continue
            planned = group.plan(site, lang, views, now, postings.flags)
            pages += planned
            if listed is not None:
                listed[name] = (mark, tuple(map(known_listing, planned)))
    entries = [entry for unit in postings.units if (entry := unit.entry())]
    entries += [listing.entry for listing in known if listing.entry]
    pages += site_pages(site, tuple(v for v in postings.views if not postings.flags.get(v.path)),
                        now, timeline.next_change, entries + sitemap_entries(pages), lines)
    return Listings(tuple(pages), tuple(known))


def group_mark(site_key: str, name: str, views: list[PostingView],
               flags: Mapping[str, str | None], now: datetime | None) -> str:
    """A digest of all a group of listings is planned from: the site, the group, each view it
    lists (its digest stands for its posting, status and words) with its preview mark, and,
    for a group dated by the clock, the moment when none of its postings is unmarked (an
    empty feed is dated then)."""
    empty = not any(not flags.get(view.path) for view in views)
    return digest(repr((site_key, name, now if empty else None, views,
                        [flags.get(view.path) for view in views] if flags else None)))


def known_listing(page: Page) -> KnownListing:
    """A listing as a later build may take it when its group is unchanged."""
    if page.key is None:
        raise ValueError(f"{page.path} is rendered every build; it cannot be known unchanged")
    return KnownListing(page.path, page.key, sitemap_entry(page), page.source)


def claims(units: tuple[Unit, ...], pages: tuple[Page | KnownListing, ...] = ()) -> list[Problem]:
    """Two sources writing one output path, among some units and pages (looked for only
    when some path is claimed twice, which is rare)."""
    paths = [path for unit in units for path in unit.paths] + [page.path for page in pages]
    if len(set(paths)) == len(paths):
        return []
    claimed = [(path, unit.view.posting.source) for unit in units for path in unit.paths]
    return conflicts(claimed + [(page.path, page.source) for page in pages])
