"""Reading one posting: its front-matter fields and body -> Posting, or the problems that stop
it, each at the line of its key or value."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from babel.numbers import list_currencies

from ..errors import Problem, display_path
from ..messages import N_, translator
from ..model import (
    ARRANGEMENTS,
    PAY_PERIODS,
    TERM_TYPES,
    Contact,
    Hours,
    Moment,
    Posting,
    Salary,
    Site,
    Term,
    key_lines,
)
from ..time.timeline import END_OF_DAY, START_OF_DAY, parse_moment
from . import markdown
from .config import URL, read_accommodation
from .fields import EMAIL, Fields, shape
from .placeholders import ADVICE, instructions_left
from .places import parse_location, slugify
from .source import Source, read_source

POSTING_KEYS = ("title", "organization", "job_id", "lang", "location", "work_arrangement",
                "location_note", "positions", "term", "hours", "salary", "posted", "deadline",
                "contact", "status_note", "accommodation", "division", "language_requirement",
                "classification", "existing_vacancy", "ai_screening", "draft")
TERM_KEYS = ("type", "duration", "start", "end")
HOURS_KEYS = ("per_week", "note")
SALARY_KEYS = ("min", "max", "per", "currency", "note")
CONTACT_KEYS = ("email", "subject", "url", "name")
TABLE = N_("Table")


def read_moment(fields: Fields, name: str, site: Site, day_time: time,
                required: bool = True) -> Moment | None:
    """A date or date-time field, read with the time rules of SPEC §2."""
    raw = fields.moment(name, required)
    if raw is None:
        return None
    text, line = raw
    moment = parse_moment(text, site.zone, day_time)
    if isinstance(moment, str):
        fields.problems.append(Problem(fields.path, line, f"`{fields.prefix}{name}`: {moment}"))
        return None
    return moment


def read_date(fields: Fields, name: str, site: Site) -> date | None:
    """An optional calendar date (term start and end)."""
    moment = read_moment(fields, name, site, START_OF_DAY, required=False)
    node = fields.node_of(name)
    if moment is not None and not moment.date_only and node is not None:
        fields.error(node, f"`{fields.prefix}{name}` must be a date only, like 2027-01-04, "
                     f"not {shape(node)}")
        return None
    return moment.at.astimezone(site.zone).date() if moment else None


def written(fields: Fields, name: str) -> str:
    """A present scalar field's value as the editor wrote it, to quote in a message."""
    node = fields.node_of(name)
    return str(node.value).strip() if node is not None else ""


def read_term(fields: Fields, site: Site) -> Term | None:
    """The term: its type, and optional duration, start and end."""
    group = fields.group("term", TERM_KEYS, required=True)
    if group is None:
        return None
    kind = group.choice("type", TERM_TYPES, None)
    start, end = read_date(group, "start", site), read_date(group, "end", site)
    if start and end and end < start:
        group.error(group.node_of("end"), f"`term.end` ({end}) is before `term.start` ({start}); "
                    "write the first day in `start` and the last in `end`")
    return Term(kind, group.text("duration"), start, end) if kind else None


def read_hours(fields: Fields) -> Hours | None:
    """Optional weekly hours."""
    group = fields.group("hours", HOURS_KEYS)
    if group is None:
        return None
    per_week = group.number("per_week", required=True)
    if per_week is not None and per_week > 168:
        group.error(group.node_of("per_week"), f"`hours.per_week` ({written(group, 'per_week')}) "
                    "is more than a week holds (168 hours); write the hours of a full week, like "
                    "36.25")
    return Hours(per_week, group.text("note")) if per_week else None


def read_salary(fields: Fields, site: Site) -> Salary | None:
    """Pay: a minimum, an optional maximum not below it, and the period it is paid for.
    Optional here: the posting rules require it of postings from 2026 (SPEC §6)."""
    group = fields.group("salary", SALARY_KEYS, empty_ok=False)
    if group is None:
        return None
    low, high = group.number("min", required=True), group.number("max")
    per = group.choice("per", PAY_PERIODS, None)
    currency = group.text("currency") or site.currency
    if currency not in list_currencies():
        group.error(group.node_of("currency"), f"`{currency}` is not an ISO 4217 currency "
                    "code like CAD")
    if low and high and high < low:
        group.error(group.node_of("max"), f"`salary.max` ({written(group, 'max')}) is below "
                    f"`salary.min` ({written(group, 'min')}); write the lowest pay in `min` and "
                    "the highest in `max`")
    if not (low and per) or currency not in list_currencies():
        return None
    return Salary(low, high, per, currency, group.text("note"))


def read_contact(fields: Fields) -> Contact | None:
    """How to apply: a valid e-mail address, a safe web address, or both."""
    group = fields.group("contact", CONTACT_KEYS, required=True)
    if group is None:
        return None
    before = len(group.problems)
    email, url = group.text("email"), group.text("url")
    if email and not EMAIL.match(email):
        group.error(group.node_of("email"), f"`{email}` is not an e-mail address; write one "
                    "like jobs@example.ca")
    if url and not URL.match(url):
        group.error(group.node_of("url"), "`contact.url` must be a web address starting with "
                    f"https:// or http://, like https://example.ca/apply, not `{url}`")
    if not (email or url) and len(group.problems) == before:
        group.error(None, "`contact` needs an `email` or a `url` so people can apply: add "
                    "`email: jobs@example.ca` or `url: https://example.ca/apply` under it")
    return Contact(email, group.text("subject"), url, group.text("name"))


def read_lang(fields: Fields, site: Site) -> str:
    """The posting's language, one of the site's."""
    return fields.choice("lang", site.languages, site.default_lang) or site.default_lang


def instructions_problems(path: str, source: Source) -> list[Problem]:
    """Each instruction `new` wrote in the body and the editor left there, at its line."""
    return [Problem(path, line, f"the body still holds the instruction `{words}` that `new` "
                    f"wrote; replace it with the posting's own words, like `{example}`")
            for line, words, example in instructions_left(source.body, source.body_line)]


def read_posting(path: str, slug: str, source: Source, site: Site,
                 problems: list[Problem]) -> Posting | None:
    """One posting's front-matter and body -> Posting, or None with its problems recorded."""
    before = len(problems)
    fields = Fields(path, source.front, POSTING_KEYS, problems, offset=2, where=1,
                    advice=ADVICE)
    title = fields.text("title", required=True)
    posted = read_moment(fields, "posted", site, START_OF_DAY)
    deadline = read_moment(fields, "deadline", site, END_OF_DAY)
    locations = fields.texts("location", required=True)
    term, hours, salary = read_term(fields, site), read_hours(fields), read_salary(fields, site)
    contact, lang = read_contact(fields), read_lang(fields, site)
    vacancy, screening = fields.flag("existing_vacancy"), fields.flag("ai_screening")
    arrangement = fields.choice("work_arrangement", ARRANGEMENTS, "on-site")
    positions, draft = fields.whole("positions"), fields.flag("draft")
    job_id, organization = fields.text("job_id"), fields.text("organization")
    location_note, status_note = fields.text("location_note"), fields.text("status_note")
    accommodation, division = read_accommodation(fields), fields.text("division", empty_ok=False)
    language = fields.text("language_requirement", empty_ok=False)
    classification = fields.text("classification", empty_ok=False)
    problems += instructions_problems(path, source)
    if len(problems) > before or not (title and posted and deadline and term and contact
                                      and arrangement and locations):
        return None
    places = tuple(parse_location(text, site.region, site.country) for text in locations)
    html, links = markdown.render(source.body, translator(lang)(TABLE))
    return Posting(path, 1, slug, lang, title, organization or site.organization_in(lang), job_id,
                   places, arrangement, location_note, positions, term, hours, salary, posted,
                   deadline, contact, status_note, vacancy, screening, bool(draft),
                   source.body, html, key_lines((key, fields.key_line(key)) for key in sorted(
                       fields.items)), source.body_line,
                   tuple((source.body_line + line, url) for line, url in links),
                   accommodation, division, language, classification)


def load_posting(path: Path, data: bytes, site: Site) -> tuple[Posting | None, list[Problem]]:
    """Check one posting file's bytes."""
    shown = display_path(path)
    slug = slugify(path.stem)
    source, problems = read_source(shown, data)
    if source is None:
        return None, problems
    if not slug:
        return None, [Problem(shown, 1, "the file name has no letters or digits to make a web "
                              "address from; rename the file")]
    return read_posting(shown, slug, source, site, problems), problems
