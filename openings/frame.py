"""The frame of every HTML page: language, links back to the root, the language toggle.

Links between pages are relative (the same site works from any host or sub-folder); only the
404 page, served at any depth, links from the site's own path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .formats import locale_for
from .messages import language_name
from .model import Site


@dataclass(frozen=True)
class Link:
    """A link to another language's version of the current page."""

    lang: str
    name: str
    href: str
    url: str


@dataclass(frozen=True)
class Chrome:
    """What every HTML page shows around its content."""

    lang: str
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
    description: str = ""
    locale: str = ""
    indexable: bool = True
    zone: str = ""


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
           root: str | None = None, description: str = "", indexable: bool = True,
           toggles: Mapping[str, str] | None = None) -> Chrome:
    """The frame of a page in one language; `targets` are its versions in each language,
    `toggles` where the language toggle leads when that differs (a fallback page)."""
    prefix = lang_prefix(lang, site)
    versions = targets or {lang: path}
    return Chrome(
        lang, site.title, f"{title} – {site.title}" if title else site.title,
        root_of(path) if root is None else root, href(path, f"{prefix}index.html", root),
        href(path, f"{prefix}closed/index.html", root), href(path, f"{prefix}feed.xml", root),
        site.url_for(path), language_links(site, path, toggles or versions, root),
        alternates(site, path, versions), current,
        site.default_lang if lang != site.default_lang else None,
        description, str(locale_for(lang, site.country)), indexable, site.zone.key,
    )


def link(site: Site, lang: str, path: str, target: str, root: str | None = None) -> Link:
    """A link from one page to a page in another language."""
    return Link(lang, language_name(lang), href(path, target, root),
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
