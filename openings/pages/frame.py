"""The frame of every HTML page: language, links back to the root, the language toggle.

Links between pages are relative (the same site works from any host or sub-folder); only the
404 page, served at any depth, links from the site's own path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..messages import language_name
from ..model import SCHEME, Site, SiteLink, Text
from ..time.formats import locale_for


@dataclass(frozen=True)
class Link:
    """A link to another language's version of the current page."""

    lang: str
    name: str
    href: str
    url: str


@dataclass(frozen=True)
class FooterLink:
    """A footer link from site.yml as one page shows it; `lang` names its words' language when
    site.yml gives none in the page's."""

    text: str
    href: str
    lang: str | None


@dataclass(frozen=True)
class Logo:
    """The site's logo in the header, named by the organization in the page's language."""

    src: str
    alt: str


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
    links: tuple[FooterLink, ...] = ()
    logo: Logo | None = None


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
    prefix, site_title = lang_prefix(lang, site), site.title_in(lang)
    versions = targets or {lang: path}
    return Chrome(
        lang, site_title, f"{title} – {site_title}" if title else site_title,
        root_of(path) if root is None else root, href(path, f"{prefix}index.html", root),
        href(path, f"{prefix}closed/index.html", root), href(path, f"{prefix}feed.xml", root),
        site.url_for(path), language_links(site, path, toggles or versions, root),
        alternates(site, path, versions), current, other_lang(site.title, lang, site),
        description, str(locale_for(lang, site.country)), indexable, site.zone.key,
        tuple(footer_link(item, site, lang, path, root) for item in site.links),
        logo(site, lang, path, root),
    )


def other_lang(text: Text, lang: str, site: Site) -> str | None:
    """The language of a setting's words on a page of `lang`, when it is another one."""
    shown = text.lang_of(lang, site.default_lang)
    return None if shown == lang else shown


def footer_link(item: SiteLink, site: Site, lang: str, path: str,
                root: str | None) -> FooterLink:
    """A footer link in a page's language: an address as given, a path inside the site
    relative to the page."""
    url = item.url.for_lang(lang)
    target = url if SCHEME.match(url) else href(path, url, root)
    return FooterLink(item.text.for_lang(lang), target, other_lang(item.text, lang, site))


def logo(site: Site, lang: str, path: str, root: str | None) -> Logo | None:
    """The header's logo, when site.yml names one inside the site."""
    if site.logo_path is None:
        return None
    return Logo(href(path, site.logo_path, root), site.organization_in(lang))


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
