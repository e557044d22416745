"""Stage 1, load: content files -> Site and Postings, every problem collected on the way."""

from __future__ import annotations

import hashlib
import os
import time as clock
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from babel.numbers import list_currencies

from . import markdown
from .config import URL, load_site, read_accommodation
from .errors import Problem
from .fields import EMAIL, Fields, shape
from .messages import N_, translator
from .model import (
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
)
from .placeholders import ADVICE, instructions_left
from .places import parse_location, slugify
from .pool import ordered_map
from .source import Source, read_source
from .timeline import END_OF_DAY, START_OF_DAY, parse_moment

POSTING_KEYS = ("title", "organization", "job_id", "lang", "location", "work_arrangement",
                "location_note", "positions", "term", "hours", "salary", "posted", "deadline",
                "contact", "status_note", "accommodation", "division", "language_requirement",
                "classification", "existing_vacancy", "ai_screening", "draft")
TERM_KEYS = ("type", "duration", "start", "end")
HOURS_KEYS = ("per_week", "note")
SALARY_KEYS = ("min", "max", "per", "currency", "note")
CONTACT_KEYS = ("email", "subject", "url", "name")
TABLE = N_("Table")


@dataclass(frozen=True)
class Content:
    """Everything loaded from a content folder."""

    site: Site
    postings: tuple[Posting, ...]


def display_path(path: Path) -> str:
    """A path as editors should see it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def posting_files(folder: Path) -> Iterator[Path]:
    """The Markdown postings of a folder, in a stable order; `_` and `.` files are skipped."""
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.suffix == ".md" and not path.name.startswith(("_", ".")) and path.is_file():
            yield path


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
                   source.body, html, tuple((key, fields.key_line(key)) for key in sorted(
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


@dataclass
class LoadCache:
    """What the preview keeps between loads, and the build cache keeps on disk between builds:
    each file's digest and what it parsed to, so unchanged files are not parsed again.
    The posting rules' findings for each posting are kept too. Everything is dropped when
    site.yml changes."""

    site_bytes: bytes | None = None
    files: dict[Path, tuple[str, Posting | None, list[Problem]]] = field(default_factory=dict)
    ruled: dict[Posting, list[Problem]] = field(default_factory=dict)
    stats: dict[Path, tuple[int, int, int, int]] = field(default_factory=dict)


def digest(data: bytes) -> str:
    """A file's identity for the caches."""
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path) -> bytes | OSError | None:
    """A file's bytes; None when it vanished while being read (an editor saving or renaming)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        return err


def unreadable(err: OSError) -> str:
    """Why a posting file could not be read, in an editor's words."""
    if isinstance(err, PermissionError):
        return ("cannot read the file: you do not have permission to open it; ask whoever "
                "manages the folder to let you read it")
    return "cannot read the file; check that it is a file you can open, then try again"


def parse_file(item: tuple[Path, bytes, Site]) -> tuple[Posting | None, list[Problem]]:
    """Parse one posting (a worker's unit of work)."""
    return load_posting(*item)


SETTLED_NS = 2_000_000_000


def stat_key(path: Path) -> tuple[int, int, int, int] | None:
    """What says a file is unchanged without reading it (size, inode, change and modification
    times), trusted only once it is two seconds old, so a save within the same clock tick as a
    build is never missed."""
    try:
        status = path.stat()
    except OSError:
        return None
    if clock.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) < SETTLED_NS:
        return None
    return (status.st_size, status.st_ino, status.st_mtime_ns, status.st_ctime_ns)


def load_postings(paths: list[Path], site: Site, cache: LoadCache,
                  jobs: int) -> list[tuple[Posting | None, list[Problem]]]:
    """Every posting file, parsed only when its bytes changed, on up to `jobs` processes; a
    file whose size, inode and times are unchanged is not even read."""
    found: list[tuple[Path, bytes]] = []
    results: list[tuple[Posting | None, list[Problem]]] = []
    digests, stats = {}, {}
    for path in paths:
        stats[path] = stat_key(path)
        if stats[path] is not None and cache.stats.get(path) == stats[path] and (
                path in cache.files):
            digests[path] = cache.files[path][0]
            continue
        data = read_bytes(path)
        if isinstance(data, OSError):
            results.append((None, [Problem(display_path(path), 1, unreadable(data))]))
        elif data is not None:
            found.append((path, data))
            digests[path] = digest(data)
    fresh = [(path, data, site) for path, data in found
             if cache.files.get(path, ("",))[0] != digests[path]]
    for (path, _, _), result in zip(fresh, ordered_map(parse_file, fresh, jobs), strict=True):
        cache.files[path] = (digests[path], *result)
    results += [cache.files[path][1:] for path in paths if path in digests]
    cache.files = {path: cache.files[path] for path in digests}
    cache.stats = {path: stat for path in digests if (stat := stats[path]) is not None}
    return results


def duplicates(postings: Iterable[Posting]) -> list[Problem]:
    """Two postings of one language with the same slug or job_id: an error naming both."""
    seen: dict[tuple[str, str, str], list[Posting]] = defaultdict(list)
    for posting in postings:
        seen[("web address", posting.lang, posting.slug)].append(posting)
        if posting.job_id:
            seen[("job_id", posting.lang, posting.job_id)].append(posting)
    problems = []
    for (what, _, value), group in sorted(seen.items()):
        for posting in group[1:]:
            others = ", ".join(duplicate_at(p, what) for p in group if p is not posting)
            line = posting.line_of("job_id") if what == "job_id" else posting.line
            problems.append(Problem(posting.source, line, f"same {what} `{value}` as "
                                    f"{others}; each posting needs its own"))
    return problems


def duplicate_at(posting: Posting, what: str) -> str:
    """A duplicate's file, and the line of its `job_id` when that is what repeats."""
    return f"{posting.source}:{posting.line_of('job_id')}" if what == "job_id" else posting.source


PAIRED_FACTS: dict[str, Callable[[Posting], object]] = {
    "deadline": lambda p: p.deadline.at,
    "salary": lambda p: p.salary and (p.salary.min, p.salary.max, p.salary.per,
                                      p.salary.currency),
    "positions": lambda p: p.positions,
    "contact": lambda p: (p.contact.email, p.contact.url),
}


def mismatched_translations(postings: Iterable[Posting], default_lang: str) -> list[Problem]:
    """Translations (same job_id, other language) whose facts differ: errors naming both."""
    by_job: dict[str, list[Posting]] = defaultdict(list)
    for posting in postings:
        if posting.job_id:
            by_job[posting.job_id].append(posting)
    problems = []
    for group in by_job.values():
        original = next((p for p in group if p.lang == default_lang), group[0])
        for other in group:
            if other.lang != original.lang:
                problems += fact_differences(original, other)
    return problems


def fact_differences(original: Posting, translation: Posting) -> list[Problem]:
    """The facts of a translation that differ from the posting it translates."""
    return [Problem(translation.source, translation.line_of(name),
                    f"`{name}` differs from the {original.lang} version "
                    f"{original.source}:{original.line_of(name)}; a translation must state the "
                    "same facts, so make both the same")
            for name, fact in PAIRED_FACTS.items() if fact(original) != fact(translation)]


def escapes(path: Path, folder: Path) -> bool:
    """Whether a file is a link leading outside the content folder (never followed: a posting
    must not publish whatever file a link points at)."""
    if not path.is_symlink():
        return False
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return True
    return not target.is_relative_to(folder.resolve())


def outside_problem(path: Path) -> Problem:
    """The error for a link that leads outside the content folder."""
    return Problem(display_path(path), 1, "this is a link to a file outside the content folder, "
                   "which is never followed; copy the file into the folder instead")


def load_content(folder: Path, cache: LoadCache | None = None,
                 jobs: int = 1) -> tuple[Content | None, list[Problem]]:
    """Load site.yml and every posting of a content folder, collecting all problems."""
    cache = cache if cache is not None else LoadCache()
    settings = folder / "site.yml"
    if escapes(settings, folder):
        return None, [outside_problem(settings)]
    try:
        settings_bytes = settings.read_bytes()
    except OSError:
        return None, [Problem(display_path(settings), 1, "site.yml is missing: every site "
                              "needs its settings file")]
    if settings_bytes != cache.site_bytes:
        cache.site_bytes, cache.files, cache.ruled, cache.stats = settings_bytes, {}, {}, {}
    site, problems = load_site(display_path(settings), settings_bytes)
    if site is None:
        return None, problems
    inside: list[Path] = []
    for path in posting_files(folder):
        if escapes(path, folder):
            problems.append(outside_problem(path))
        else:
            inside.append(path)
    postings: list[Posting] = []
    for posting, found in load_postings(inside, site, cache, jobs):
        problems += found
        if posting is not None:
            postings.append(posting)
    problems += duplicates(postings) + mismatched_translations(postings, site.default_lang)
    return Content(site, tuple(postings)), problems
