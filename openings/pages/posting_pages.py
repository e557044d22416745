"""A posting's own files: its page, its stand-ins in the languages it is not published in,
and its calendar; what a preview marks on them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..messages import N_, language_in, translator
from ..model import Posting, Site
from ..time.formats import locale_for, long_date
from .frame import Link, chrome, href
from .jsonld import job_posting, script_json
from .page import LIVE, CalendarFile, PostingPage, StandInPage
from .views import PostingView, apply_view, facts_of, posting_path

ONLY_IN_TEXT = N_("This job posting is only offered in {language}:")


def calendar_path(view: PostingView) -> str:
    """Where a live posting's deadline.ics lives, beside its page."""
    return view.path.removesuffix("index.html") + "deadline.ics"


def preview_flag(view: PostingView, site: Site, posted: bool) -> str | None:
    """In the preview, what marks a posting readers cannot see yet (a draft, or scheduled:
    its posted moment has not come)."""
    t = translator(view.lang)
    if not posted:
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
                 flag: str | None = None) -> PostingPage:
    """A posting's own page; structured data and a calendar only while it is live."""
    posting, live = view.posting, view.status in LIVE
    toggles = toggles_of(posting, site, targets)
    frame = chrome(site, posting.lang, view.path, f"{posting.title} – {posting.organization}",
                   targets, description=view.summary, indexable=live and not flag,
                   toggles=toggles)
    return PostingPage(
        path=view.path, source=posting.source, chrome=frame, job=view,
        facts=facts_of(view, site), apply=apply_view(view),
        accommodation=posting.accommodation or site.accommodation,
        statement=statement_in(site, posting.lang),
        jsonld=script_json(job_posting(view, site)) if live else None,
        calendar_href="deadline.ics" if live else None, flag=flag)


@dataclass(frozen=True)
class Fallback:
    """What a stand-in says besides the posting's facts: the posting is offered in another
    language, and where to read it."""

    text: str
    link: Link


def fallback_page(view: PostingView, original: PostingView, site: Site,
                  targets: Mapping[str, str], flag: str | None = None) -> StandInPage:
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
    return StandInPage(path=path, source=posting.source, chrome=frame, job=view, flag=flag,
                       facts=facts_of(view, site),
                       fallback=Fallback(text, target), statement=statement_in(site, view.lang))


def calendar_page(view: PostingView, site: Site) -> CalendarFile:
    """The deadline as an iCalendar event."""
    return CalendarFile(path=calendar_path(view), source=view.posting.source, view=view,
                        site=site)
