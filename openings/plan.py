"""Stage 3, plan: postings at a moment -> every page to write, checked before anything is.

Each Page names its output path, its layout and the data the layout presents. Two pages
claiming one path are reported here, naming both sources.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from urllib.parse import urlsplit

from .digests import digest
from .errors import Problem
from .formats import locale_for, long_date
from .frame import Link, alternates, chrome, href, lang_prefix
from .jsonld import job_posting, script_json
from .listings import language_pages
from .messages import N_, language_in, translator
from .model import Content, Posting, Site
from .opendata import Lines, jobs_document
from .page import LIVE, Page
from .timeline import is_published, next_change, retention_end, status
from .views import PostingView, ViewCache, posting_path, posting_view

NOT_FOUND = N_("Page not found")
ONLY_IN_TEXT = N_("This job posting is only offered in {language}:")
NOT_FOUND_TEXT = N_("We could not find that page. The job may have been removed, or the "
                    "address may be mistyped.")


@dataclass(frozen=True)
class SitemapEntry:
    """One indexable page: its address, when it last changed, and its other languages."""

    url: str
    lastmod: str | None
    alternates: tuple[Link, ...]


@dataclass(frozen=True)
class Unit:
    """A posting's own files (its page, its stand-ins in other languages, its calendar): their
    paths and key are known at once, their pages planned only when the build needs them."""

    view: PostingView
    site: Site
    targets: tuple[tuple[str, str], ...]
    flag: str | None
    site_key: str
    stand_ins: tuple[PostingView, ...]
    stand_in_flags: tuple[str | None, ...] = ()

    @cached_property
    def key(self) -> str:
        """A digest of everything the unit's files show."""
        return digest(repr((self.view, self.targets, self.flag, self.site_key, self.stand_ins,
                            self.stand_in_flags)))

    @property
    def indexed(self) -> tuple[str, ...]:
        """The pages search indexes, while the posting is open to readers and not a preview:
        its own, and its stand-ins, so each language's search reaches every open posting."""
        if self.view.status not in LIVE or self.flag:
            return ()
        return (self.view.path, *(stand_in.path for stand_in in self.stand_ins))

    @cached_property
    def paths(self) -> tuple[str, ...]:
        """Every file of the unit, without planning its pages."""
        view = self.view
        paths = (view.path, *(stand_in.path for stand_in in self.stand_ins))
        return (*paths, calendar_path(view)) if view.status in LIVE else paths

    def pages(self) -> list[Page]:
        """The unit's pages."""
        view, versions = self.view, dict(self.targets)
        pages = [posting_page(view, self.site, versions, self.flag)]
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
class Plan:
    """Every file of a build: each posting's unit, the pages about many postings (listings,
    feeds, open data, sitemap), and the views they were made from."""

    units: tuple[Unit, ...]
    listings: tuple[Page, ...]
    views: tuple[PostingView, ...]
    next_change: datetime | None

    @property
    def shown(self) -> tuple[PostingView, ...]:
        """Every view a page of the build shows: the postings' own and their stand-ins'."""
        return self.views + tuple(view for unit in self.units for view in unit.stand_ins)

    @property
    def pages(self) -> tuple[Page, ...]:
        """Every page, the units' planned now."""
        return tuple(page for unit in self.units for page in unit.pages()) + self.listings

    @property
    def indexed(self) -> tuple[str, ...]:
        """The pages search indexes."""
        return tuple(path for unit in self.units for path in unit.indexed)


def calendar_path(view: PostingView) -> str:
    """Where a live posting's deadline.ics lives, beside its page."""
    return view.path.removesuffix("index.html") + "deadline.ics"


def preview_flag(view: PostingView, site: Site, now: datetime) -> str | None:
    """In the preview, what marks a posting readers cannot see yet (a draft, or scheduled)."""
    t = translator(view.lang)
    if view.posting.posted.at > now:
        day = long_date(view.posting.posted.at.astimezone(site.zone),
                        locale_for(view.lang, site.country))
        return t("Scheduled: goes live on {date}").format(date=day)
    return t("Draft: not published") if view.posting.draft else None


def toggles_of(posting: Posting, site: Site, targets: Mapping[str, str]) -> dict[str, str]:
    """Where a posting's language toggle leads: its version in each language, else its
    stand-in there."""
    return {lang: targets.get(lang, posting_path(posting, site, lang)) for lang in site.languages}


@dataclass(frozen=True)
class Statement:
    """The site's statement as one page shows it; `lang` names its words' language when
    site.yml gives none in the page's."""

    text: str
    lang: str | None


def statement_in(site: Site, lang: str) -> Statement | None:
    """The site's statement shown on every posting (an inclusive employer, say), in the page's
    language or, when site.yml gives none in it, the default language's words."""
    if site.statement is None:
        return None
    words_lang = site.statement.lang_of(lang, site.default_lang)
    return Statement(site.statement.for_lang(lang), None if words_lang == lang else words_lang)


def posting_page(view: PostingView, site: Site, targets: Mapping[str, str],
                 flag: str | None = None) -> Page:
    """A posting's own page; structured data and a calendar only while it is live."""
    posting, live = view.posting, view.status in LIVE
    toggles = toggles_of(posting, site, targets)
    frame = chrome(site, posting.lang, view.path, f"{posting.title} – {posting.organization}",
                   targets, description=view.summary, indexable=live and not flag,
                   toggles=toggles)
    return Page(view.path, "posting.html", {
        "chrome": frame, "job": view, "accommodation": posting.accommodation or site.accommodation,
        "statement": statement_in(site, posting.lang),
        "jsonld": script_json(job_posting(view, site)) if live else None,
        "calendar_href": "deadline.ics" if live else None, "flag": flag}, posting.source)


@dataclass(frozen=True)
class Fallback:
    """What a stand-in says besides the posting's facts: the posting is offered in another
    language, and where to read it."""

    text: str
    link: Link


def fallback_page(view: PostingView, original: PostingView, site: Site,
                  targets: Mapping[str, str], flag: str | None = None) -> Page:
    """A posting's stand-in in a language it is not published in, so every listing and toggle
    of that language reaches it: its facts in the reader's language, and a link to it."""
    posting, path = view.posting, view.path
    language = language_in(posting.lang, view.lang)
    target = Link(posting.lang, posting.title, href(path, original.path),
                  site.url_for(original.path))
    toggles = toggles_of(posting, site, targets)
    frame = chrome(site, view.lang, path, f"{posting.title} – {view.only_in}", indexable=False,
                   toggles=toggles, description=view.summary)
    text = translator(view.lang)(ONLY_IN_TEXT).format(language=language)
    return Page(path, "fallback.html", {"chrome": frame, "job": view, "flag": flag,
                                        "fallback": Fallback(text, target),
                                        "statement": statement_in(site, view.lang)},
                posting.source)


def stand_ins_of(view: PostingView, site: Site, targets: Mapping[str, str],
                 cache: ViewCache) -> tuple[PostingView, ...]:
    """A posting as its stand-in shows it in each site language it has no translation in."""
    views = []
    for lang in site.languages:
        key = (view.posting, view.status, lang)
        if lang not in targets:
            if key not in cache:
                cache[key] = posting_view(view.posting, site, view.status, lang)
            views.append(cache[key])
    return tuple(views)


def calendar_page(view: PostingView, site: Site) -> Page:
    """The deadline as an iCalendar event."""
    return Page(calendar_path(view), "deadline.ics", {"view": view, "site": site},
                view.posting.source)


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


def sitemap_entries(pages: Iterable[Page]) -> list[SitemapEntry]:
    """Every listing page that asks to be indexed, with its other languages."""
    return [SitemapEntry(frame.canonical, None, frame.alternates) for page in pages
            if (frame := page.data.get("chrome")) is not None and frame.indexable]


@dataclass(frozen=True)
class Passage:
    """The 404 page's words in one more language, with a link to that language's home."""

    lang: str
    heading: str
    text: str
    link: Link


def passage(site: Site, lang: str, root: str) -> Passage:
    """The 404 page's passage in one language."""
    t = translator(lang)
    return Passage(lang, t(NOT_FOUND), t(NOT_FOUND_TEXT),
                   Link(lang, t("See all open jobs"), href("", lang_prefix(lang, site), root), ""))


def not_found_page(site: Site) -> Page:
    """The 404 page, in the default language with a passage in each other language."""
    root = urlsplit(site.base_url).path
    return Page("404.html", "404.html", {
        "chrome": chrome(site, site.default_lang, "404.html",
                         translator(site.default_lang)(NOT_FOUND), root=root, indexable=False),
        "others": tuple(passage(site, lang, root) for lang in site.languages[1:])})


def site_pages(site: Site, views: tuple[PostingView, ...], now: datetime,
               change: datetime | None, entries: Iterable[SitemapEntry],
               lines: Lines | None = None) -> list[Page]:
    """Pages about the whole site: 404, open data, sitemap and robots.txt."""
    document = jobs_document(site, views, now, change, lines)
    return [
        not_found_page(site),
        Page("jobs.json", "jobs.json", {"document": document}),
        Page("jobs.csv", "jobs.csv", {"document": document}),
        Page("next-change.txt", "next-change.txt", {"document": document}),
        Page("sitemap.xml", "sitemap.xml",
             {"entries": tuple(sorted(entries, key=lambda e: e.url))}),
        Page("robots.txt", "robots.txt", {"sitemap": site.url_for("sitemap.xml")}),
    ]


def conflicts(claimed: Iterable[tuple[str, str]]) -> list[Problem]:
    """Two sources writing one output path: an error naming every source."""
    claims: dict[str, list[str]] = defaultdict(list)
    for path, source in claimed:
        claims[path].append(source)
    return [Problem(source, 1, f"two sources write {path}: " + ", ".join(sources))
            for path, sources in sorted(claims.items()) if len(sources) > 1
            for source in sources]


def candidates(postings: Iterable[Posting], drafts: bool) -> list[Posting]:
    """Postings that are or will be published by this kind of build."""
    return [p for p in postings if drafts or not p.draft]


def make_views(content: Content, now: datetime, drafts: bool, preview: bool,
               cache: ViewCache) -> tuple[PostingView, ...]:
    """What each published posting shows at `now`, reusing views of unchanged postings."""
    site, views = content.site, []
    for posting in content.postings:
        if is_published(posting, now, drafts or preview, scheduled=preview) and not retired(
                posting, now, site):
            key = (posting, status(posting.deadline.at, now, site.closing_soon_days, site.zone),
                   posting.lang)
            if key not in cache:
                cache[key] = posting_view(posting, site, key[1])
            views.append(cache[key])
    return tuple(views)


def retired(posting: Posting, now: datetime, site: Site) -> bool:
    """A closed posting past the site's retention period leaves the public site."""
    return now >= retention_end(posting.deadline.at, site.closed_retention_years, site.zone)


def plan_site(content: Content, now: datetime, drafts: bool = False, preview: bool = False,
              cache: ViewCache | None = None,
              lines: Lines | None = None) -> tuple[Plan, list[Problem]]:
    """Decide every file of the site as it stands at `now` (with drafts and scheduled postings,
    marked, in the editors' preview); the caches keep views and open-data lines. Each language
    lists every posting: its own version, or its stand-in in that language."""
    site, cache = content.site, {} if cache is None else cache
    views = make_views(content, now, drafts, preview, cache)
    change = next_change(candidates(content.postings, drafts), now, site.closing_soon_days,
                         site.zone, site.closed_retention_years)
    targets, site_key = translation_targets(views), repr(site)
    versions = {v.path: versions_of(v, targets) for v in views}
    stand_ins = {v.path: stand_ins_of(v, site, versions[v.path], cache) for v in views}
    shown = views + tuple(s for v in views for s in stand_ins[v.path])
    flags = {v.path: preview_flag(v, site, now) for v in shown} if preview or drafts else {}
    units = tuple(Unit(v, site, tuple(sorted(versions[v.path].items())), flags.get(v.path),
                       site_key, stand_ins[v.path],
                       tuple(flags.get(s.path) for s in stand_ins[v.path])) for v in views)
    pages: list[Page] = []
    for lang in site.languages:
        pages += language_pages(site, lang, [v for v in shown if v.lang == lang], now, flags)
    entries = [entry for unit in units if (entry := unit.entry())] + sitemap_entries(pages)
    pages += site_pages(site, tuple(v for v in views if not flags.get(v.path)), now, change,
                        entries, lines)
    claimed = [(path, unit.view.posting.source) for unit in units for path in unit.paths]
    return (Plan(units, tuple(pages), views, change),
            conflicts(claimed + [(page.path, page.source) for page in pages]))
