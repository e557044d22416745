"""Pages that list postings: each language's home (with filters and search), the paginated
closed archive, one page and one feed per facet value, and the language's feed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from operator import attrgetter

from ..messages import N_, translator
from ..model import Site, Status
from ..time.formats import locale_for, money
from .facets import EVERY, KINDS, FacetValue, facet_values
from .frame import chrome, href, lang_prefix, root_of
from .page import LIVE, ClosedPage, FacetPage, FeedPage, HomePage, Page
from .views import PostingView

PAGE_SIZE = 50
PAY_STEPS = (40_000, 60_000, 80_000, 100_000, 120_000)
HOME_INTRODUCTION = N_("Jobs you can apply for now, soonest deadline first.")
CLOSED_INTRODUCTION = N_("Jobs that no longer take applications, most recently closed first.")
CLOSED_JOBS = N_("Closed jobs")
BY_DEADLINE = attrgetter("posting.deadline.at", "posting.title", "posting.slug")
BY_POSTED = attrgetter("posting.posted.at", "posting.slug")
"""Sort keys read in C: every build sorts every posting several times."""


@dataclass(frozen=True)
class Browse:
    """One facet kind with its values, linked from a listing page, and the filter's choice of
    every value ("All locations")."""

    kind: str
    heading: str
    links: tuple[tuple[str, str, int, str], ...]
    every: str = ""


@dataclass(frozen=True)
class Pager:
    """Where a page of the closed archive sits among the others."""

    number: int
    count: int
    previous: str | None
    next: str | None
    note: str


def by_deadline(views: Iterable[PostingView], newest_first: bool = False) -> list[PostingView]:
    """Postings by deadline (soonest first, or most recent first)."""
    return sorted(views, key=BY_DEADLINE, reverse=newest_first)


def browse(values: tuple[FacetValue, ...], lang: str, site: Site, path: str) -> tuple[Browse, ...]:
    """The "browse by" lists of a language: each facet kind and its values with counts."""
    t, prefix = translator(lang), lang_prefix(lang, site)
    return tuple(Browse(kind, t(heading), tuple(
        (href(path, f"{prefix}{kind}/{v.slug}/index.html"), v.label, len(v.paths), v.slug)
        for v in values if v.kind == kind), t(EVERY[kind])) for kind, heading in KINDS)


def pay_steps(site: Site, lang: str) -> tuple[tuple[int, str], ...]:
    """The yearly pay a reader can ask for at least, written the language's way."""
    locale = locale_for(lang, site.country)
    return tuple((amount, money(Decimal(amount), site.currency, locale)) for amount in PAY_STEPS)


def home_page(site: Site, lang: str, live: list[PostingView], values: tuple[FacetValue, ...],
              flags: Mapping[str, str | None]) -> Page:
    """A language's home: every live posting, with filters, search and the facets to browse."""
    path = lang_prefix(lang, site) + "index.html"
    versions = {other: lang_prefix(other, site) + "index.html" for other in site.languages}
    return HomePage(
        path=path, chrome=chrome(site, lang, path, "", versions, current="home",
                                 description=translator(lang)(HOME_INTRODUCTION)),
        shown=tuple((v, flags.get(v.path)) for v in live),
        browse=browse(values, lang, site, path), pay_steps=pay_steps(site, lang),
        unstated_pay=any(v.posting.peek("salary") == (None,) for v in live))


def closed_pages(site: Site, lang: str, closed: list[PostingView],
                 flags: Mapping[str, str | None]) -> list[Page]:
    """The closed archive, newest first, PAGE_SIZE postings a page."""
    prefix, t = lang_prefix(lang, site), translator(lang)
    count = max(1, -(-len(closed) // PAGE_SIZE))
    paths = [f"{prefix}closed/index.html"] + [f"{prefix}closed/page/{n}/index.html"
                                              for n in range(2, count + 1)]
    pages: list[Page] = []
    for number, path in enumerate(paths, start=1):
        chunk = closed[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]
        versions = {other: lang_prefix(other, site) + path.removeprefix(prefix)
                    for other in site.languages} if number == 1 else None
        pager = Pager(number, count, href(path, paths[number - 2]) if number > 1 else None,
                      href(path, paths[number]) if number < count else None,
                      t("page {number} of {count}").format(number=number, count=count))
        title = t(CLOSED_JOBS) if number == 1 else t("Closed jobs, page {number}").format(
            number=number)
        pages.append(ClosedPage(
            path=path, chrome=chrome(site, lang, path, title, versions, current="closed",
                                     description=t(CLOSED_INTRODUCTION)),
            shown=tuple((v, flags.get(v.path)) for v in chunk), pager=pager,
            jobs_json=href(path, "jobs.json"), base_url=site.base_url))
    return pages


def facet_pages(site: Site, lang: str, values: tuple[FacetValue, ...],
                live: list[PostingView], now: datetime) -> list[Page]:
    """One page and one feed per facet value, for readers who browse or want alerts; `live` is
    soonest deadline first, and so is each value's list of paths."""
    by_path, prefix, t = {v.path: v for v in live}, lang_prefix(lang, site), translator(lang)
    pages: list[Page] = []
    for value in values:
        folder = f"{prefix}{value.kind}/{value.slug}/"
        views = [by_path[p] for p in value.paths]
        pages.append(FacetPage(
            path=folder + "index.html",
            chrome=chrome(site, lang, folder + "index.html", value.label,
                          description=t("Open jobs: {label}").format(label=value.label)),
            value=value, shown=tuple((v, None) for v in views),
            intro=t("Open jobs: {label}, soonest deadline first.").format(label=value.label),
            alerts=t("Job alerts: {label}").format(label=value.label), feed_href="feed.xml"))
        pages.append(feed_page(site, lang, views, now, folder, value.label))
    return pages


def feed_page(site: Site, lang: str, live: list[PostingView], now: datetime, folder: str = "",
              label: str = "") -> Page:
    """An Atom feed of live postings, newest first: a language's, or one facet value's."""
    folder = folder or lang_prefix(lang, site)
    path = folder + "feed.xml"
    newest = sorted(live, key=BY_POSTED, reverse=True)
    title_lang = site.title.lang_of(lang, site.default_lang)
    return FeedPage(
        path=path, site=site, lang=lang, entries=tuple((v, href(path, v.path)) for v in newest),
        label=label, self_url=site.url_for(path), home_url=site.url_for(folder),
        updated=max((v.posted_iso for v in newest), default=now.isoformat()),
        root=root_of(path), list_href=href(path, folder + "index.html"),
        site_href=href(path, lang_prefix(lang, site) + "index.html"),
        site_title=site.title_in(lang), title_lang="" if title_lang == lang else title_lang)


def live_pages(site: Site, lang: str, live: list[PostingView], now: datetime,
               flags: Mapping[str, str | None]) -> list[Page]:
    """A language's listings of live postings: home, feed, and each facet value's page and
    feed."""
    live = by_deadline(live)
    public = [v for v in live if not flags.get(v.path)]
    values = facet_values(((v.posting, v.path) for v in public), translator(lang))
    return [home_page(site, lang, live, values, flags), feed_page(site, lang, public, now),
            *facet_pages(site, lang, values, public, now)]


def archive_pages(site: Site, lang: str, closed: list[PostingView], now: datetime,
                  flags: Mapping[str, str | None]) -> list[Page]:
    """A language's closed archive (the clock is not read: no page of it is dated)."""
    return closed_pages(site, lang, by_deadline(closed, newest_first=True), flags)


@dataclass(frozen=True)
class Group:
    """Some of a language's listings, planned together from the postings they list: an edit
    that leaves those postings as they were leaves the whole group as it was. `dated`: an
    empty group's pages show the clock (a feed with no entry is dated by it)."""

    name: str
    statuses: tuple[Status, ...]
    plan: Callable[[Site, str, list[PostingView], datetime, Mapping[str, str | None]],
                   list[Page]]
    dated: bool


GROUPS = (Group("live", LIVE, live_pages, dated=True),
          Group("closed", (Status.CLOSED,), archive_pages, dated=False))
