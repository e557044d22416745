"""Stage 3, plan: postings at a moment -> every page to write, checked before anything is.

Each Page names its output path, its layout and the data the layout presents. Two pages
claiming one path are reported here, naming both sources.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from .errors import Problem
from .formats import locale_for, long_date
from .frame import Link, chrome, href, lang_prefix, link
from .jsonld import job_posting, script_json
from .load import Content
from .messages import N_, language_in, translator
from .model import Posting, Site, Status
from .opendata import jobs_document
from .timeline import is_published, next_change, status
from .views import PostingView, posting_view

LIVE = (Status.OPEN, Status.CLOSING_SOON)
INTRODUCTIONS = {"home": N_("Jobs you can apply for now, soonest deadline first."),
                 "closed": N_("Jobs that no longer take applications, most recently closed "
                              "first.")}
NOT_FOUND = N_("Page not found")
CLOSED_JOBS = N_("Closed jobs")
ONLY_IN = N_("Only in {language}")
ONLY_IN_TEXT = N_("This job posting is only offered in {language}:")
NOT_FOUND_TEXT = N_("We could not find that page. The job may have been removed, or the "
                    "address may be mistyped.")


@dataclass(frozen=True)
class Page:
    """One output file: where it goes, which layout renders it, and what it shows."""

    path: str
    template: str
    data: Mapping[str, Any]
    source: str = "site"


@dataclass(frozen=True)
class Card:
    """A posting as a listing shows it, with its link relative to the listing."""

    view: PostingView
    href: str
    flag: str | None = None


@dataclass(frozen=True)
class SitemapEntry:
    """One indexable page: its address, when it last changed, and its other languages."""

    url: str
    lastmod: str | None
    alternates: tuple[Link, ...]


@dataclass(frozen=True)
class Plan:
    """Every page of a build, and the views they were made from."""

    pages: tuple[Page, ...]
    views: tuple[PostingView, ...]
    next_change: datetime | None


def calendar_path(view: PostingView) -> str:
    """Where a live posting's deadline.ics lives, beside its page."""
    return view.path.removesuffix("index.html") + "deadline.ics"


def preview_flag(view: PostingView, site: Site, now: datetime) -> str | None:
    """In the preview, what marks a posting readers cannot see yet (a draft, or scheduled)."""
    t = translator(view.posting.lang)
    if view.posting.posted.at > now:
        day = long_date(view.posting.posted.at.astimezone(site.zone),
                        locale_for(view.posting.lang, site.country))
        return t("Scheduled: goes live on {date}").format(date=day)
    return t("Draft: not published") if view.posting.draft else None


def posting_page(view: PostingView, site: Site, targets: Mapping[str, str],
                 flag: str | None = None) -> Page:
    """A posting's own page; structured data and a calendar only while it is live."""
    posting, live = view.posting, view.status in LIVE
    toggles = {lang: targets.get(lang, fallback_path(view, site, lang)) for lang in site.languages}
    frame = chrome(site, posting.lang, view.path, f"{posting.title} – {posting.organization}",
                   targets, description=view.summary, indexable=live, toggles=toggles)
    return Page(view.path, "posting.html", {
        "chrome": frame, "job": view, "accommodation": site.accommodation,
        "jsonld": script_json(job_posting(view, site)) if live else None,
        "calendar_href": "deadline.ics" if live else None, "flag": flag}, posting.source)


def fallback_path(view: PostingView, site: Site, lang: str) -> str:
    """Where a posting's stand-in page lives in a language it is not published in."""
    return f"{lang_prefix(lang, site)}jobs/{view.posting.slug}/index.html"


@dataclass(frozen=True)
class Fallback:
    """A short page, in one language, saying a posting is only offered in another."""

    heading: str
    text: str
    link: Link


def fallback_page(view: PostingView, site: Site, lang: str) -> Page:
    """The stand-in for a posting in a language it is not published in, so no toggle dead-ends."""
    t, posting = translator(lang), view.posting
    path = fallback_path(view, site, lang)
    language = language_in(posting.lang, lang)
    target = Link(posting.lang, posting.title, href(path, view.path), site.url_for(view.path))
    frame = chrome(site, lang, path, f"{t(ONLY_IN).format(language=language)} – {posting.title}",
                   indexable=False, toggles={lang: path, posting.lang: view.path})
    return Page(path, "fallback.html", {"chrome": frame, "fallback": Fallback(
        t(ONLY_IN).format(language=language),
        t(ONLY_IN_TEXT).format(language=language), target)}, posting.source)


def fallback_pages(view: PostingView, site: Site, targets: Mapping[str, str]) -> list[Page]:
    """Stand-in pages in every site language the posting has no translation in."""
    return [fallback_page(view, site, lang) for lang in site.languages if lang not in targets]


def calendar_page(view: PostingView, site: Site) -> Page:
    """The deadline as an iCalendar event."""
    return Page(calendar_path(view), "deadline.ics", {"view": view, "site": site},
                view.posting.source)


def by_deadline(views: Iterable[PostingView], newest_first: bool = False) -> list[PostingView]:
    """Postings by deadline (soonest first, or most recent first)."""
    return sorted(views, key=lambda v: (v.posting.deadline.at, v.posting.title, v.posting.slug),
                  reverse=newest_first)


def listing_page(site: Site, lang: str, name: str, title: str, views: list[PostingView],
                 flags: Mapping[str, str | None]) -> Page:
    """The home page or the closed archive of one language."""
    path = lang_prefix(lang, site) + f"{name}index.html"
    versions = {other: lang_prefix(other, site) + f"{name}index.html" for other in site.languages}
    kind = "closed" if name else "home"
    return Page(path, f"{kind}.html", {
        "chrome": chrome(site, lang, path, title, versions, current=kind,
                         description=translator(lang)(INTRODUCTIONS[kind])),
        "cards": tuple(Card(v, href(path, v.path), flags.get(v.path)) for v in views)})


def feed_page(site: Site, lang: str, live: list[PostingView], now: datetime) -> Page:
    """The Atom feed of one language's live postings, newest first."""
    prefix = lang_prefix(lang, site)
    newest = sorted(live, key=lambda v: (v.posting.posted.at, v.posting.slug), reverse=True)
    return Page(prefix + "feed.xml", "feed.xml", {
        "site": site, "lang": lang, "views": tuple(newest),
        "self_url": site.url_for(prefix + "feed.xml"), "home_url": site.url_for(prefix),
        "updated": max((v.posted_iso for v in newest), default=now.isoformat())})


def language_pages(site: Site, lang: str, views: list[PostingView], now: datetime,
                   flags: Mapping[str, str | None]) -> list[Page]:
    """The home page, closed archive and feed of one language."""
    live = by_deadline(v for v in views if v.status in LIVE)
    closed = by_deadline((v for v in views if v.status is Status.CLOSED), newest_first=True)
    return [listing_page(site, lang, "", "", live, flags),
            listing_page(site, lang, "closed/", translator(lang)(CLOSED_JOBS), closed, flags),
            feed_page(site, lang, [v for v in live if not flags.get(v.path)], now)]


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


def sitemap_entries(site: Site, views: tuple[PostingView, ...],
                    targets: Mapping[str, Mapping[str, str]]) -> tuple[SitemapEntry, ...]:
    """Indexable pages: listings and live postings (closed postings ask not to be indexed)."""
    entries = []
    for name in ("index.html", "closed/index.html"):
        versions = {lang: lang_prefix(lang, site) + name for lang in site.languages}
        entries += [entry(site, path, None, versions) for path in versions.values()]
    entries += [entry(site, view.path, view.posted_iso[:10], versions_of(view, targets))
                for view in views if view.status in LIVE]
    return tuple(sorted(entries, key=lambda e: e.url))


def entry(site: Site, path: str, lastmod: str | None,
          versions: Mapping[str, str]) -> SitemapEntry:
    """One sitemap entry, naming its other languages when there is more than one."""
    alternates = tuple(link(site, lang, path, versions[lang]) for lang in site.languages
                       if lang in versions) if len(versions) > 1 else ()
    return SitemapEntry(site.url_for(path), lastmod, alternates)


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
               change: datetime | None) -> list[Page]:
    """Pages about the whole site: 404, open data, sitemap and robots.txt."""
    targets = translation_targets(views)
    document = jobs_document(site, views, now, change)
    return [
        not_found_page(site),
        Page("jobs.json", "jobs.json", {"document": document}),
        Page("jobs.csv", "jobs.csv", {"document": document}),
        Page("next-change.txt", "next-change.txt", {"document": document}),
        Page("sitemap.xml", "sitemap.xml", {"entries": sitemap_entries(site, views, targets)}),
        Page("robots.txt", "robots.txt", {"sitemap": site.url_for("sitemap.xml")}),
    ]


def conflicts(pages: Iterable[Page]) -> list[Problem]:
    """Two sources writing one output path: an error naming every source."""
    claims: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        claims[page.path].append(page.source)
    return [Problem(source, 1, f"two sources write {path}: " + ", ".join(sources))
            for path, sources in sorted(claims.items()) if len(sources) > 1
            for source in sources]


def candidates(postings: Iterable[Posting], drafts: bool) -> list[Posting]:
    """Postings that are or will be published by this kind of build."""
    return [p for p in postings if drafts or not p.draft]


def make_views(content: Content, now: datetime, drafts: bool, preview: bool,
               cache: dict[tuple[Posting, Status], PostingView]) -> tuple[PostingView, ...]:
    """What each published posting shows at `now`, reusing views of unchanged postings."""
    site, views = content.site, []
    for posting in content.postings:
        if is_published(posting, now, drafts or preview, scheduled=preview):
            key = (posting, status(posting.deadline.at, now, site.closing_soon_days, site.zone))
            if key not in cache:
                cache[key] = posting_view(posting, site, key[1])
            views.append(cache[key])
    return tuple(views)


def plan_site(content: Content, now: datetime, drafts: bool = False, preview: bool = False,
              cache: dict[tuple[Posting, Status], PostingView] | None = None,
              ) -> tuple[Plan, list[Problem]]:
    """Decide every page of the site as it stands at `now` (with drafts and scheduled postings,
    marked, in the editors' preview)."""
    site = content.site
    views = make_views(content, now, drafts, preview, {} if cache is None else cache)
    flags = {v.path: preview_flag(v, site, now) for v in views} if preview or drafts else {}
    change = next_change(candidates(content.postings, drafts), now, site.closing_soon_days,
                         site.zone)
    targets = translation_targets(views)
    pages = [posting_page(v, site, versions_of(v, targets), flags.get(v.path)) for v in views]
    pages += [page for v in views for page in fallback_pages(v, site, versions_of(v, targets))]
    pages += [calendar_page(v, site) for v in views if v.status in LIVE]
    for lang in site.languages:
        pages += language_pages(site, lang, [v for v in views if v.posting.lang == lang], now,
                                flags)
    pages += site_pages(site, tuple(v for v in views if not flags.get(v.path)), now, change)
    return Plan(tuple(pages), views, change), conflicts(pages)
