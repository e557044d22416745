"""Pages about the whole site: the 404 page, open data, the sitemap and robots.txt."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from ..messages import N_, translator
from ..model import Site, pickled_by_fields
from ..outputs.lines import Lines
from ..outputs.opendata import jobs_document
from .frame import Link, chrome, href, lang_prefix
from .page import Framed, NotFoundPage, OpenData, Page, RobotsPage, SitemapPage
from .views import PostingView

NOT_FOUND = N_("Page not found")
NOT_FOUND_TEXT = N_("We could not find that page. The job may have been removed, or the "
                    "address may be mistyped.")


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """One indexable page: its address, when it last changed, and its other languages."""

    url: str
    lastmod: str | None
    alternates: tuple[Link, ...]


def sitemap_entry(page: Page) -> SitemapEntry | None:
    """A listing page's line in the sitemap, with its other languages, when it asks to be
    indexed."""
    if isinstance(page, Framed) and page.chrome.indexable:
        return SitemapEntry(page.chrome.canonical, None, page.chrome.alternates)
    return None


def sitemap_entries(pages: Iterable[Page]) -> list[SitemapEntry]:
    """Every listing page that asks to be indexed."""
    return [entry for page in pages if (entry := sitemap_entry(page))]


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


def not_found_page(site: Site) -> NotFoundPage:
    """The 404 page, in the default language with a passage in each other language."""
    root = urlsplit(site.base_url).path
    return NotFoundPage(
        path="404.html",
        chrome=chrome(site, site.default_lang, "404.html",
                      translator(site.default_lang)(NOT_FOUND), root=root, indexable=False),
        others=tuple(passage(site, lang, root) for lang in site.languages[1:]))


def site_pages(site: Site, views: tuple[PostingView, ...], now: datetime,
               change: datetime | None, entries: Iterable[SitemapEntry],
               lines: Lines | None = None) -> list[Page]:
    """Pages about the whole site: 404, open data, sitemap and robots.txt."""
    document = jobs_document(site, views, now, change, lines)
    return [
        not_found_page(site),
        OpenData(path="jobs.json", document=document),
        OpenData(path="jobs.csv", document=document),
        OpenData(path="next-change.txt", document=document),
        SitemapPage(path="sitemap.xml", entries=tuple(sorted(entries, key=lambda e: e.url))),
        RobotsPage(path="robots.txt", sitemap=site.url_for("sitemap.xml")),
    ]
