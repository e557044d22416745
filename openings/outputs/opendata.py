"""Open data: jobs.json (documented in docs/jobs.schema.json), jobs.csv and next-change.txt."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal
from operator import attrgetter
from typing import Any

from ..model import Site
from ..pages.views import PostingView, iso
from .lines import Lines

VERSION = 2
CSV_COLUMNS = ("slug", "url", "lang", "status", "deadline", "posted", "title", "organization",
               "job_id", "location", "work_arrangement", "location_note", "positions",
               "term.type", "term.duration", "term.start", "term.end", "hours.per_week",
               "hours.note", "salary.min", "salary.max", "salary.per", "salary.currency",
               "salary.note", "contact.email", "contact.subject", "contact.url", "contact.name",
               "status_note", "existing_vacancy", "ai_screening", "accommodation.email",
               "accommodation.phone", "accommodation.url", "division", "language_requirement",
               "classification")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BLOCK = 1 << 20


def jsonable(value: Any) -> Any:
    """Front-matter values as JSON: numbers stay numbers, dates become ISO text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    return value


def flat(record: Any) -> dict[str, Any]:
    """A flat record's fields by name (what `dataclasses.asdict` gives for records that hold no
    record, without its deep copy, which cost more than the rest of a posting's lines)."""
    return {field.name: getattr(record, field.name) for field in fields(record)}


def record(view: PostingView, site: Site) -> dict[str, Any]:
    """One posting: where it is, its status, and all its front-matter fields (absent ones as
    null: a posting that states no pay has `salary: null`, never an invented amount)."""
    posting = view.posting
    return {
        "slug": posting.slug, "url": site.url_for(view.path), "lang": posting.lang,
        "status": str(view.status), "deadline": view.deadline_iso, "posted": view.posted_iso,
        "title": posting.title, "organization": posting.organization, "job_id": posting.job_id,
        "location": [place.text for place in posting.locations],
        "work_arrangement": posting.work_arrangement, "location_note": posting.location_note,
        "positions": posting.positions, "term": jsonable(flat(posting.term)),
        "hours": jsonable(flat(posting.hours)) if posting.hours else None,
        "salary": jsonable(flat(posting.salary)) if posting.salary else None,
        "contact": flat(posting.contact), "status_note": posting.status_note,
        "existing_vacancy": posting.existing_vacancy, "ai_screening": posting.ai_screening,
        "accommodation": flat(posting.accommodation) if posting.accommodation else None,
        "division": posting.division, "language_requirement": posting.language_requirement,
        "classification": posting.classification,
    }


def lines_key(view: PostingView, site: Site) -> str:
    """What a posting's open-data lines depend on."""
    return f"{view!r} {site.base_url}"


def posting_lines(view: PostingView, site: Site) -> tuple[str, str]:
    """A posting's line in jobs.json and its row in jobs.csv."""
    row = record(view, site)
    return (json.dumps(row, ensure_ascii=False, separators=(",", ":")),
            csv_line(tuple(cell(row, column) for column in CSV_COLUMNS)))


def jobs_document(site: Site, views: tuple[PostingView, ...], now: datetime,
                  change: datetime | None, memo: Lines | None = None) -> dict[str, Any]:
    """The open data of a build, postings in a stable order; `memo` (the build cache's) keeps
    each unchanged posting's lines, learns the new ones and forgets the rest."""
    known = Lines() if memo is None else memo
    keys = []
    for view in sorted(views, key=attrgetter("posting.lang", "posting.slug")):
        key = lines_key(view, site)
        if key not in known:
            known.add(key, posting_lines(view, site))
        keys.append(key)
    return {"version": VERSION, "generated": iso(now, site), "site": str(site.title),
            "next_change": iso(change, site) if change else None, "lines": known.only(keys)}


def json_pieces(document: dict[str, Any]) -> Iterator[bytes]:
    """jobs.json: stable, compact (the C encoder), one posting a line so diffs stay readable;
    in pieces, so a big site's is written without being joined in memory."""
    head = json.dumps({k: v for k, v in document.items() if k != "lines"},
                      ensure_ascii=False, separators=(",", ":"))[:-1]
    yield f'{head},"postings":[\n'.encode()
    before = b""
    for block in blocks(line for line, _ in document["lines"]):
        yield before + b",\n".join(block)
        before = b",\n"
    yield b"\n]}\n"


def blocks(lines: Iterator[bytes]) -> Iterator[list[bytes]]:
    """Lines in blocks of about `BLOCK` bytes: a piece each, so that writing and digesting a
    big site's open data takes some calls a megabyte, not some calls a line."""
    block: list[bytes] = []
    size = 0
    for line in lines:
        block.append(line)
        size += len(line)
        if size >= BLOCK:
            yield block
            block, size = [], 0
    if block:
        yield block


def cell(record: dict[str, Any], column: str) -> str:
    """One spreadsheet cell; text that a spreadsheet would run as a formula is quoted."""
    value: Any = record
    for part in column.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, list):
        value = "; ".join(value)
    text = "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_line(cells: tuple[str, ...]) -> str:
    """One CSV line, quoted as spreadsheets expect."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


def csv_pieces(document: dict[str, Any]) -> Iterator[bytes]:
    """jobs.csv: one posting a row, with a byte-order mark so spreadsheets read the UTF-8
    accents; in pieces, so a big site's is written without being joined in memory."""
    yield ("\ufeff" + csv_line(CSV_COLUMNS)).encode()
    yield from map(b"".join, blocks(row for _, row in document["lines"]))


def next_change_pieces(document: dict[str, Any]) -> Iterator[bytes]:
    """next-change.txt: the next instant a status changes, or nothing when none will, so a
    scheduler knows when to build again."""
    yield ((document["next_change"] or "") + "\n").encode()


PIECES = {"jobs.json": json_pieces, "jobs.csv": csv_pieces, "next-change.txt": next_change_pieces}
"""How each open-data file is written, by its name."""
