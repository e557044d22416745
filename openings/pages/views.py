"""Postings -> what a page shows: every word and date computed here, so templates only present."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple
from urllib.parse import quote

from babel import Locale

from ..messages import ARRANGEMENT_LABELS, N_, STATUS, TERMS, Translate, language_in, translator
from ..model import Posting, Site, Status, digest_repr, hash_once
from ..packed import Packed, Spilled, packing
from ..time.formats import (
    calendar_date,
    deadline_long,
    deadline_text,
    locale_for,
    long_date,
    number,
    pay,
)
from ..time.timeline import Standing
from .frame import lang_prefix

IN_ONLY = N_("In {language} only")


class Fact(NamedTuple):
    """One row of a posting's summary list; `lang` names the value's language when it is the
    editor's text shown to a reader of another language. A plain tuple underneath: every
    posting page holds several."""

    label: str
    value: str
    lang: str | None = None


@dataclass(frozen=True)
class Apply:
    """How to apply, ready for links."""

    email: str | None
    email_label: str | None
    mailto: str | None
    url: str | None
    subject_hint: str | None
    name_hint: str | None


@packing("posting", "path", "status", "lang", "posted_iso")
@dataclass(frozen=True, slots=True)
class PostingView(Packed):
    """One posting as a reader of one language sees it at one moment: in its own language on
    its page, or in another on its stand-in there (`only_in` then says which language the
    posting is offered in; the editor's words stay as written). `pay_text` is empty when the
    posting states no pay."""

    posting: Posting
    path: str
    status: Status
    status_label: str
    deadline_iso: str
    deadline_text: str
    deadline_long: str
    posted_iso: str
    location_text: str
    pay_text: str
    summary: str
    soon_iso: str
    lang: str
    only_in: str | None
    _repr: str | None = field(default=None, init=False, repr=False, compare=False)
    _hash: int | None = field(default=None, init=False, repr=False, compare=False)
    _packed: bytes | Spilled | None = field(default=None, init=False, repr=False, compare=False)

    __hash__ = hash_once
    __repr__ = digest_repr

    @property
    def editor_lang(self) -> str | None:
        """The language of the editor's words (title, organization, place) when a reader of
        another language sees them, for the `lang` attribute around them."""
        return None if self.lang == self.posting.lang else self.posting.lang


ViewCache = dict[tuple[Posting, Status, str], PostingView]


def iso(at: datetime, site: Site) -> str:
    """An instant in ISO 8601 with the site zone's offset, to the second."""
    return at.astimezone(site.zone).isoformat(timespec="seconds")


def posting_path(posting: Posting, site: Site, lang: str | None = None) -> str:
    """Where a posting's page lives in the output: jobs/<slug>/ under its language (under
    another language, its stand-in there)."""
    return f"{lang_prefix(lang or posting.lang, site)}jobs/{posting.slug}/index.html"


def mailto(email: str, subject: str | None) -> str:
    """A mailto link with its subject encoded, so no text can break out of it."""
    query = f"?subject={quote(subject, safe='')}" if subject else ""
    return f"mailto:{quote(email, safe='@')}{query}"


def apply_view(view: PostingView) -> Apply:
    """The ways to apply for a posting, made when its page is planned (like `facts_of`)."""
    contact, t = view.posting.contact, translator(view.lang)
    return Apply(
        contact.email,
        t("Send your application to {email}.").format(email=contact.email)
        if contact.email else None,
        mailto(contact.email, contact.subject) if contact.email else None,
        contact.url,
        t("Put “{subject}” as the subject line.").format(subject=contact.subject)
        if contact.subject else None,
        t("Contact: {name}").format(name=contact.name) if contact.name else None,
    )


def term_text(posting: Posting, locale: Locale, t: Translate) -> str:
    """`Co-op, generally four or eight months, January 2, 2024 to April 26, 2024`."""
    term = posting.term
    parts = [t(TERMS[term.type])]
    if term.duration:
        parts.append(term.duration)
    if term.start and term.end:
        parts.append(t("{start} to {end}").format(start=calendar_date(term.start, locale),
                                                  end=calendar_date(term.end, locale)))
    elif term.start:
        parts.append(t("starting {start}").format(start=calendar_date(term.start, locale)))
    return ", ".join(parts)


def location_text(posting: Posting) -> str:
    """Every location, then any note (`Toronto, Ontario (currently remote)`)."""
    text = "; ".join(place.text for place in posting.locations)
    return f"{text} ({posting.location_note})" if posting.location_note else text


def hours_text(posting: Posting, locale: Locale, t: Translate) -> str | None:
    """`36.25 hours a week (Schedule 6)`."""
    if posting.hours is None:
        return None
    text = t("{hours} hours a week").format(hours=number(posting.hours.per_week, locale))
    return f"{text} ({posting.hours.note})" if posting.hours.note else text


def salary_text(posting: Posting, pay_text: str) -> str | None:
    """The pay with its note, or nothing when the posting states no pay (never invented)."""
    if posting.salary is None:
        return None
    return pay_text + (f" ({posting.salary.note})" if posting.salary.note else "")


def facts(posting: Posting, site: Site, t: Translate, pay_text: str,
          locale: Locale) -> tuple[Fact, ...]:
    """The summary list of a posting's facts, in reading order; absent facts are left out."""
    rows = [
        (N_("Division"), posting.division),
        (N_("Location"), location_text(posting)),
        (N_("Work arrangement"), t(ARRANGEMENT_LABELS[posting.work_arrangement])),
        (N_("Salary"), salary_text(posting, pay_text)),
        (N_("Classification"), posting.classification),
        (N_("Job term"), term_text(posting, locale, t)),
        (N_("Hours of work"), hours_text(posting, locale, t)),
        (N_("Language requirement"), posting.language_requirement),
        (N_("Positions"), posting.positions and str(posting.positions)),
        (N_("Posted"), long_date(posting.posted.at.astimezone(site.zone), locale)),
        (N_("Job ID"), posting.job_id),
        (N_("Existing vacancy"), yes_no(posting.existing_vacancy, t)),
        (N_("AI used to screen applicants"), yes_no(posting.ai_screening, t)),
    ]
    return tuple(Fact(t(label), value) for label, value in rows if value)


def yes_no(value: bool | None, t: Translate) -> str | None:
    """Yes, No, or nothing when not stated."""
    return None if value is None else t("Yes") if value else t("No")


def stand_in_facts(posting: Posting, t: Translate, pay_text: str,
                   lang: str) -> tuple[Fact, ...]:
    """The facts a stand-in states in its reader's language: the editor's words (the place,
    the division, the language asked for) keep their own language, and nothing mixes the two
    in one value."""
    rows = [(N_("Division"), posting.division, posting.lang),
            (N_("Location"), location_text(posting), posting.lang),
            (N_("Work arrangement"), t(ARRANGEMENT_LABELS[posting.work_arrangement]), None),
            (N_("Salary"), pay_text, None),
            (N_("Classification"), posting.classification, posting.lang),
            (N_("Job type"), t(TERMS[posting.term.type]), None),
            (N_("Language requirement"), posting.language_requirement, posting.lang),
            (N_("Job ID"), posting.job_id, None)]
    return tuple(Fact(t(label), value, value_lang) for label, value, value_lang in rows
                 if value)


def posting_view(posting: Posting, site: Site, at: Standing,
                 lang: str | None = None) -> PostingView:
    """Compute what listings, feeds and a posting's page all show of one posting, in the
    posting's language or (for its stand-in) in the reader's `lang`, as it stands on the
    timeline. What only its page shows (`facts_of`, `apply_view`) is made with the page."""
    lang, status = lang or posting.lang, at.status
    t, locale = translator(lang), locale_for(lang, site.country)
    pay_text = pay(posting.salary, lang, locale) if posting.salary else ""
    deadline = deadline_text(posting.deadline.at, site.zone, lang, locale)
    own = lang == posting.lang
    return PostingView(
        posting, posting_path(posting, site, lang), status, t(STATUS[status]),
        iso(posting.deadline.at, site), deadline,
        deadline_long(posting.deadline.at, site.zone, lang, locale),
        iso(posting.posted.at, site), location_text(posting), pay_text,
        summary(posting, t, pay_text, deadline),
        iso(at.closing_soon_from, site),
        lang, None if own else t(IN_ONLY).format(language=language_in(posting.lang, lang)),
    )


def facts_of(view: PostingView, site: Site) -> tuple[Fact, ...]:
    """The summary list on a posting's page, or on its stand-in: made when the page is planned,
    not kept in the view, since nothing else shows it and every build holds every view."""
    t, locale = translator(view.lang), locale_for(view.lang, site.country)
    if view.lang == view.posting.lang:
        return facts(view.posting, site, t, view.pay_text, locale)
    return stand_in_facts(view.posting, t, view.pay_text, view.lang)


def summary(posting: Posting, t: Translate, pay_text: str, deadline: str) -> str:
    """One line about a posting, for feeds and link previews (the pay only when stated)."""
    words = t("{organization}. {location}. {pay}. Apply by {deadline}.") if pay_text else t(
        "{organization}. {location}. Apply by {deadline}.")
    return words.format(organization=posting.organization, location=location_text(posting),
                        pay=pay_text, deadline=deadline)
