"""Time rules (SPEC §2) as pure functions: the clock is always an argument."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from .model import Moment, Posting, Status

ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?$")
UTC = ZoneInfo("UTC")
END_OF_DAY = time(23, 59)
START_OF_DAY = time(0, 0)


def localize(wall: datetime, zone: ZoneInfo) -> datetime | None:
    """A wall-clock time in a zone, as a UTC instant; None in a spring-forward gap.

    In the fall-back fold the earlier instant is taken (fold=0). Instants are kept in UTC
    because Python compares two datetimes of the same zone by wall clock, ignoring the fold.
    """
    aware = wall.replace(tzinfo=zone, fold=0)
    back = aware.astimezone(UTC).astimezone(zone)
    same = back.replace(tzinfo=None) == wall.replace(tzinfo=None)
    return aware.astimezone(UTC) if same else None


FIRST_YEAR, LAST_YEAR = 1900, 2999


def parse_moment(text: str, zone: ZoneInfo, day_time: time) -> Moment | str:
    """Front-matter text -> Moment (kept in UTC), or a message saying what to write."""
    if not ISO.match(text):
        return (f"`{text}` is not a date; write 2026-12-04, 2026-12-04 17:00, or "
                "2026-12-04T17:00:00-05:00")
    try:
        if len(text) == 10:
            wall, date_only = datetime.combine(date.fromisoformat(text), day_time), True
        else:
            wall, date_only = datetime.fromisoformat(text), False
    except ValueError as err:
        return f"`{text}` is not a real date or time ({err})"
    if not FIRST_YEAR <= wall.year <= LAST_YEAR:
        return f"`{text}` is not between the years {FIRST_YEAR} and {LAST_YEAR}; check the year"
    if wall.tzinfo is not None:
        return Moment(wall.astimezone(UTC), date_only)
    aware = localize(wall, zone)
    if aware is None:
        return (f"{wall:%Y-%m-%d %H:%M} does not exist in {zone.key}: the clocks jump forward "
                "that night; choose a time outside the skipped hour")
    return Moment(aware, date_only)


@lru_cache(maxsize=65_536)
def closing_soon_from(deadline: datetime, days: int, zone: ZoneInfo) -> datetime:
    """The same wall-clock time `days` calendar days before the deadline, in the site zone.

    When that wall time falls in a spring-forward gap, the first instant the clocks show
    that time or later (the jump itself) is taken.
    """
    wall = deadline.astimezone(zone).replace(tzinfo=None) - timedelta(days=days)
    return localize(wall, zone) or first_reaching(wall, zone)


def first_reaching(wall: datetime, zone: ZoneInfo) -> datetime:
    """The first instant whose wall clock in `zone` reads `wall` or later (for gap times)."""
    low = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    high = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    low, high = min(low, high), max(low, high)
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(zone).replace(tzinfo=None) >= wall:
            high = middle
        else:
            low = middle
    return high.replace(microsecond=0)


def status(deadline: datetime, now: datetime, days: int, zone: ZoneInfo) -> Status:
    """Closed at and after the deadline; closing soon within `days` calendar days; else open."""
    if now >= deadline:
        return Status.CLOSED
    if now >= closing_soon_from(deadline, days, zone):
        return Status.CLOSING_SOON
    return Status.OPEN


def is_published(posting: Posting, now: datetime, drafts: bool,
                 scheduled: bool = False) -> bool:
    """Published once its posted moment has come (or early, in the preview), and drafts only
    when asked for."""
    return (scheduled or posting.posted.at <= now) and (drafts or not posting.draft)


@lru_cache(maxsize=65_536)
def retention_end(deadline: datetime, years: int, zone: ZoneInfo) -> datetime:
    """When a closed posting leaves the public site: `years` after its deadline, same wall
    clock (29 February becomes 28 February)."""
    local = deadline.astimezone(zone).replace(tzinfo=None)
    try:
        later = local.replace(year=local.year + years)
    except ValueError:
        later = local.replace(year=local.year + years, day=28)
    return localize(later, zone) or first_reaching(later, zone)


def next_change(postings: Iterable[Posting], now: datetime, days: int, zone: ZoneInfo,
                retention_years: int | None = None) -> datetime | None:
    """The next instant after `now` when any posting's status or publication changes."""
    instants = [
        moment
        for posting in postings
        for moment in (posting.posted.at, posting.deadline.at,
                       closing_soon_from(posting.deadline.at, days, zone))
        if moment > now
    ]
    if retention_years is not None:
        instants += [end for p in postings
                     if (end := retention_end(p.deadline.at, retention_years, zone)) > now]
    return min(instants, default=None)
