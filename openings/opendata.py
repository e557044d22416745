"""jobs.json: every published posting as open data, in a documented, versioned shape."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from .model import Site
from .views import PostingView, iso

VERSION = 1


def jsonable(value: Any) -> Any:
    """Front-matter values as JSON: numbers stay numbers, dates become ISO text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    return value


def record(view: PostingView, site: Site) -> dict[str, Any]:
    """One posting: where it is, its status, and all its front-matter fields."""
    posting = view.posting
    return {
        "slug": posting.slug, "url": site.url_for(view.path), "lang": posting.lang,
        "status": str(view.status), "deadline": view.deadline_iso, "posted": view.posted_iso,
        "title": posting.title, "organization": posting.organization, "job_id": posting.job_id,
        "location": [place.text for place in posting.locations],
        "work_arrangement": posting.work_arrangement, "location_note": posting.location_note,
        "positions": posting.positions, "term": jsonable(asdict(posting.term)),
        "hours": jsonable(asdict(posting.hours)) if posting.hours else None,
        "salary": jsonable(asdict(posting.salary)), "contact": asdict(posting.contact),
        "status_note": posting.status_note, "existing_vacancy": posting.existing_vacancy,
        "ai_screening": posting.ai_screening,
    }


def jobs_document(site: Site, views: tuple[PostingView, ...], now: datetime) -> dict[str, Any]:
    """The whole jobs.json document, postings in a stable order."""
    ordered = sorted(views, key=lambda v: (v.posting.lang, v.posting.slug))
    return {"version": VERSION, "generated": iso(now, site), "site": site.title,
            "postings": [record(view, site) for view in ordered]}
