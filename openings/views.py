"""Postings -> what a page shows: every word and date computed here, so templates only present."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from .formats import calendar_date, deadline_text, locale_for, long_date, number, pay
from .messages import messages
from .model import Posting, Site, Status


@dataclass(frozen=True)
class Fact:
    """One row of a posting's summary list."""

    label: str
    value: str


@dataclass(frozen=True)
class Apply:
    """How to apply, ready for links."""

    email: str | None
    email_label: str | None
    mailto: str | None
    url: str | None
    subject_hint: str | None
    name_hint: str | None


@dataclass(frozen=True)
class PostingView:
    """One posting as a reader sees it at one moment."""

    posting: Posting
    path: str
    status: Status
    status_label: str
    deadline_iso: str
    deadline_text: str
    posted_iso: str
    posted_text: str
    location_text: str
    pay_text: str
    facts: tuple[Fact, ...]
    apply: Apply
    summary: str


def iso(at: datetime, site: Site) -> str:
    """An instant in ISO 8601 with the site zone's offset, to the second."""
    return at.astimezone(site.zone).isoformat(timespec="seconds")


def posting_path(posting: Posting, site: Site) -> str:
    """Where a posting's page lives in the output: jobs/<slug>/ under its language."""
    prefix = "" if posting.lang == site.default_lang else f"{posting.lang}/"
    return f"{prefix}jobs/{posting.slug}/index.html"


def mailto(email: str, subject: str | None) -> str:
    """A mailto link with its subject encoded, so no text can break out of it."""
    query = f"?subject={quote(subject, safe='')}" if subject else ""
    return f"mailto:{quote(email, safe='@')}{query}"


def apply_view(posting: Posting, words: dict[str, str]) -> Apply:
    """The ways to apply for a posting."""
    contact = posting.contact
    return Apply(
        contact.email,
        words["apply_email"].format(email=contact.email) if contact.email else None,
        mailto(contact.email, contact.subject) if contact.email else None,
        contact.url,
        words["apply_subject"].format(subject=contact.subject) if contact.subject else None,
        words["contact_name"].format(name=contact.name) if contact.name else None,
    )


def term_text(posting: Posting, site: Site, words: dict[str, str]) -> str:
    """`Co-op, generally four or eight months, January 2, 2024 to April 26, 2024`."""
    locale = locale_for(posting.lang, site.country)
    term = posting.term
    parts = [words[f"term.{term.type}"]]
    if term.duration:
        parts.append(term.duration)
    if term.start and term.end:
        parts.append(words["term.dates"].format(start=calendar_date(term.start, locale),
                                                end=calendar_date(term.end, locale)))
    elif term.start:
        parts.append(words["term.from"].format(start=calendar_date(term.start, locale)))
    return ", ".join(parts)


def location_text(posting: Posting, words: dict[str, str]) -> str:
    """Every location, then any note (`Toronto, Ontario (currently remote)`)."""
    text = "; ".join(place.text for place in posting.locations)
    return f"{text} ({posting.location_note})" if posting.location_note else text


def facts(posting: Posting, site: Site, words: dict[str, str], pay_text: str) -> tuple[Fact, ...]:
    """The summary list of a posting's facts, in reading order; absent facts are left out."""
    locale = locale_for(posting.lang, site.country)
    rows = [
        ("location", location_text(posting, words)),
        ("work_arrangement", words[f"arrangement.{posting.work_arrangement}"]),
        ("salary", pay_text + (f" ({posting.salary.note})" if posting.salary.note else "")),
        ("term", term_text(posting, site, words)),
        ("hours", posting.hours and words["per_week"].format(
            hours=number(posting.hours.per_week, locale)) + (
            f" ({posting.hours.note})" if posting.hours.note else "")),
        ("positions", posting.positions and str(posting.positions)),
        ("posted", long_date(posting.posted.at.astimezone(site.zone), locale)),
        ("job_id", posting.job_id),
        ("existing_vacancy", yes_no(posting.existing_vacancy, words)),
        ("ai_screening", yes_no(posting.ai_screening, words)),
    ]
    return tuple(Fact(words[key], value) for key, value in rows if value)


def yes_no(value: bool | None, words: dict[str, str]) -> str | None:
    """Yes, No, or nothing when not stated."""
    return None if value is None else words["yes" if value else "no"]


def posting_view(posting: Posting, site: Site, status: Status) -> PostingView:
    """Compute everything a posting page and a listing show of one posting."""
    words = dict(messages(posting.lang))
    locale = locale_for(posting.lang, site.country)
    pay_text = pay(posting.salary, posting.lang, locale)
    deadline = deadline_text(posting.deadline.at, site.zone, posting.lang, locale)
    return PostingView(
        posting, posting_path(posting, site), status, words[f"status.{status}"],
        iso(posting.deadline.at, site), deadline,
        iso(posting.posted.at, site), long_date(posting.posted.at.astimezone(site.zone), locale),
        location_text(posting, words), pay_text, facts(posting, site, words, pay_text),
        apply_view(posting, words), summary(posting, words, pay_text, deadline),
    )


def summary(posting: Posting, words: dict[str, str], pay_text: str, deadline: str) -> str:
    """One line about a posting, for feeds and link previews."""
    return words["summary"].format(organization=posting.organization,
                                   location=location_text(posting, words), pay=pay_text,
                                   deadline=deadline)
