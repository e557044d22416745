"""Stage 3, plan: postings at a moment -> every page to write, checked before anything is.

Each Page names its output path, its layout and the data the layout presents. Two pages
claiming one path are reported here, naming both sources.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from .errors import Problem
from .jsonld import job_posting, script_json
from .load import Content
from .messages import messages
from .model import Site, Status
from .opendata import jobs_document
from .timeline import is_published, status
from .views import PostingView, posting_view

LIVE = (Status.OPEN, Status.CLOSING_SOON)


@dataclass(frozen=True)
class Page:
    """One output file: where it goes, which layout renders it, and what it shows."""

    path: str
    template: str
    data: Mapping[str, Any]
    source: str = "site"


@dataclass(frozen=True)
class Link:
    """A link to another language's version of the current page."""

    lang: str
    name: str
    href: str
    url: str


@dataclass(frozen=True)
class Card:
    """A posting as a listing shows it, with its link relative to the listing."""

    view: PostingView
    href: str


@dataclass(frozen=True)
class Chrome:
    """What every HTML page shows around its content."""

    lang: str
    words: Mapping[str, str]
    site_title: str
    page_title: str
    root: str
    home_href: str
    closed_href: str
    feed_href: str
    canonical: str
    toggles: tuple[Link, ...] = field(default=())
    alternates: tuple[Link, ...] = field(default=())
    current: str = ""
    title_lang: str | None = None


@dataclass(frozen=True)
class Plan:
    """Every page of a build, and the views they were made from."""

    pages: tuple[Page, ...]
    views: tuple[PostingView, ...]


def root_of(path: str) -> str:
    """The relative prefix from a page back to the site root (`../../` for jobs/x/)."""
    return "../" * path.count("/")


def href(from_path: str, to_path: str, root: str | None = None) -> str:
    """A link between two output files, directory-style for index pages; relative unless a
    root is given (the 404 page is served at any depth, so it links from the site's path)."""
    target = to_path.removesuffix("index.html")
    return (root_of(from_path) if root is None else root) + target or "./"


def lang_prefix(lang: str, site: Site) -> str:
    """The folder of a language: none for the default language."""
    return "" if lang == site.default_lang else f"{lang}/"


def chrome(site: Site, lang: str, path: str, title: str,
           targets: Mapping[str, str] | None = None, *, current: str = "",
           root: str | None = None) -> Chrome:
    """The frame of a page in one language; `targets` are its versions in each language."""
    prefix = lang_prefix(lang, site)
    versions = targets or {lang: path}
    return Chrome(
        lang, messages(lang), site.title, f"{title} – {site.title}" if title else site.title,
        root_of(path) if root is None else root, href(path, f"{prefix}index.html", root),
        href(path, f"{prefix}closed/index.html", root), href(path, f"{prefix}feed.xml", root),
        site.url_for(path), language_links(site, path, versions, root),
        alternates(site, path, versions), current,
        site.default_lang if lang != site.default_lang else None,
    )


def link(site: Site, lang: str, path: str, target: str, root: str | None = None) -> Link:
    """A link from one page to a page in another language."""
    return Link(lang, messages(lang)["language_name"], href(path, target, root),
                site.url_for(target))


def language_links(site: Site, path: str, targets: Mapping[str, str],
                   root: str | None = None) -> tuple[Link, ...]:
    """The language toggle: each language's version of this page, else that language's home."""
    return tuple(link(site, lang, path, targets.get(lang, f"{lang_prefix(lang, site)}index.html"),
                      root) for lang in site.languages)


def alternates(site: Site, path: str, targets: Mapping[str, str]) -> tuple[Link, ...]:
    """hreflang alternates: only versions that exist, and only when there is more than one."""
    if len(targets) < 2:
        return ()
    return tuple(link(site, lang, path, targets[lang]) for lang in site.languages
                 if lang in targets)


def posting_page(view: PostingView, site: Site, targets: Mapping[str, str]) -> Page:
    """A posting's own page, with structured data only while it is live."""
    posting = view.posting
    frame = chrome(site, posting.lang, view.path,
                   f"{posting.title} – {posting.organization}", targets)
    ld = script_json(job_posting(view, site)) if view.status in LIVE else None
    return Page(view.path, "posting.html", {"chrome": frame, "job": view, "jsonld": ld,
                                            "accommodation": site.accommodation},
                posting.source)


def listing_pages(site: Site, lang: str, views: list[PostingView], now: datetime) -> list[Page]:
    """The home page, closed archive and feed of one language."""
    prefix, words = lang_prefix(lang, site), messages(lang)
    live = sorted((v for v in views if v.status in LIVE),
                  key=lambda v: (v.posting.deadline.at, v.posting.title, v.posting.slug))
    closed = sorted((v for v in views if v.status is Status.CLOSED),
                    key=lambda v: (v.posting.deadline.at, v.posting.slug), reverse=True)
    pages = []
    for name, template, title, chosen in (("index.html", "home", "", live),
                                          ("closed/index.html", "closed",
                                           words["closed_jobs"], closed)):
        path = prefix + name
        versions = {other: lang_prefix(other, site) + name for other in site.languages}
        pages.append(Page(path, f"{template}.html", {
            "chrome": chrome(site, lang, path, title, versions, current=template),
            "cards": tuple(Card(v, href(path, v.path)) for v in chosen)}))
    newest = sorted(live, key=lambda v: (v.posting.posted.at, v.posting.slug), reverse=True)
    pages.append(Page(prefix + "feed.xml", "feed.xml", {
        "site": site, "lang": lang, "words": words, "views": tuple(newest),
        "self_url": site.url_for(prefix + "feed.xml"), "home_url": site.url_for(prefix),
        "updated": max((v.posted_iso for v in newest), default=now.isoformat())}))
    return pages


def translation_targets(views: Iterable[PostingView]) -> dict[str, dict[str, str]]:
    """For each job_id, the page path of each language it is published in."""
    targets: dict[str, dict[str, str]] = defaultdict(dict)
    for view in views:
        if view.posting.job_id:
            targets[view.posting.job_id][view.posting.lang] = view.path
    return targets


def site_pages(site: Site, views: tuple[PostingView, ...], now: datetime) -> list[Page]:
    """Pages about the whole site: 404, open data, sitemap and robots.txt."""
    html_paths = [v.path for v in views] + [
        lang_prefix(lang, site) + name for lang in site.languages
        for name in ("index.html", "closed/index.html")]
    root = urlsplit(site.base_url).path
    return [
        Page("404.html", "404.html", {
            "chrome": chrome(site, site.default_lang, "404.html",
                             messages(site.default_lang)["not_found"], root=root),
            "others": tuple(Link(lang, messages(lang)["back_home"],
                                 href("", lang_prefix(lang, site), root), "")
                            for lang in site.languages[1:]),
            "words": {lang: messages(lang) for lang in site.languages}}),
        Page("jobs.json", "jobs.json", {"document": jobs_document(site, views, now)}),
        Page("sitemap.xml", "sitemap.xml", {"urls": tuple(
            site.url_for(path) for path in sorted(html_paths))}),
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


def plan_site(content: Content, now: datetime, drafts: bool = False) -> tuple[Plan, list[Problem]]:
    """Decide every page of the site as it stands at `now`."""
    site = content.site
    views = tuple(posting_view(p, site, status(p.deadline.at, now, site.closing_soon_days,
                                                  site.zone))
                  for p in content.postings if is_published(p, now, drafts))
    targets = translation_targets(views)
    pages = [posting_page(v, site, targets.get(v.posting.job_id or "", {v.posting.lang: v.path}))
             for v in views]
    for lang in site.languages:
        pages += listing_pages(site, lang, [v for v in views if v.posting.lang == lang], now)
    pages += site_pages(site, views, now)
    return Plan(tuple(pages), views), conflicts(pages)

