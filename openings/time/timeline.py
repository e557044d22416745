"""Time rules (SPEC §2) as pure functions: the clock is always an argument."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from ..model import Moment, Posting, Site, Status, pickled_by_fields

ISO = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d{1,6})?)?"
    r"(?:Z|[+-](?P<offset>\d{2}):(?P<offset_minutes>\d{2}))?)?$")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
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


def impossible(text: str, parts: dict[str, str | None]) -> str | None:
    """Why digits shaped like a date and time are not one on the calendar or the clock, in
    words, with one that is; None when they are."""
    year, month, day = int(parts["year"] or 0), int(parts["month"] or 0), int(parts["day"] or 0)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return (f"`{text}` is not between the years {FIRST_YEAR} and {LAST_YEAR}; check the "
                "year, written with four digits like 2027")
    if not 1 <= month <= 12:
        return (f"`{text}` is not a date on the calendar: months go from 01 to 12; write one "
                f"like {year}-12-{min(max(day, 1), 31):02d}")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return (f"`{text}` is not a date on the calendar: {MONTHS[month - 1]} {year} has "
                f"{days} days; write one like {year}-{month:02d}-{days:02d}")
    hour, minute = int(parts["hour"] or 0), int(parts["minute"] or 0)
    if hour > 23 or minute > 59 or int(parts["second"] or 0) > 59:
        return (f"`{text}` is not a time on the clock: hours go from 00 to 23 and minutes from "
                f"00 to 59; write one like {year}-{month:02d}-{day:02d} 23:59")
    if int(parts["offset"] or 0) > 23 or int(parts["offset_minutes"] or 0) > 59:
        return (f"`{text}` is not a real date or time: its offset from UTC is more than a day; "
                f"write one like -05:00, as in {year}-{month:02d}-{day:02d}T17:00:00-05:00")
    return None


def parse_moment(text: str, zone: ZoneInfo, day_time: time) -> Moment | str:
    """Front-matter text -> Moment (kept in UTC), or a message saying what to write."""
    shaped = ISO.match(text)
    if not shaped:
        return (f"`{text}` is not a date; write 2026-12-04, 2026-12-04 17:00, or "
                "2026-12-04T17:00:00-05:00")
    problem = impossible(text, shaped.groupdict())
    if problem:
        return problem
    try:
        if len(text) == 10:
            wall, date_only = datetime.combine(date.fromisoformat(text), day_time), True
        else:
            wall, date_only = datetime.fromisoformat(text), False
    except ValueError:
        return (f"`{text}` is not a real date or time; write one like 2026-12-04, "
                "2026-12-04 17:00 or 2026-12-04T17:00:00-05:00")
    if wall.tzinfo is not None:
        return Moment(wall.astimezone(UTC), date_only)
    aware = localize(wall, zone)
    if aware is None:
        later = wall + timedelta(hours=1)
        return (f"{wall:%Y-%m-%d %H:%M} does not exist in {zone.key}: the clocks jump forward "
                f"that night; choose a time outside the skipped hour, like {later:%Y-%m-%d %H:%M}")
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


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Standing:
    """Where one posting stands at one moment: all that the stages after the timeline read of
    time (none of them calls a time function)."""

    status: Status
    posted: bool
    closing_soon_from: datetime
    retired: bool
    next_change: datetime | None


def standing(posting: Posting, site: Site, now: datetime) -> Standing:
    """A posting's standing at `now`: its status, whether its posted moment has come, when it
    starts closing soon, whether it has left the public site (closed past the retention
    period) and the next instant any of these changes."""
    deadline, zone = posting.deadline.at, site.zone
    soon = closing_soon_from(deadline, site.closing_soon_days, zone)
    end = retention_end(deadline, site.closed_retention_years, zone)
    return Standing(status(deadline, now, site.closing_soon_days, zone), posting.posted.at <= now,
                    soon, now >= end, next_change([posting], now, site.closing_soon_days, zone,
                                                  site.closed_retention_years))


def is_shown(posting: Posting, at: Standing, drafts: bool, preview: bool = False) -> bool:
    """Whether a build shows a posting: once its posted moment has come (at once, marked, in
    the preview), drafts only when asked for (or in the preview), never once retired."""
    return (preview or at.posted) and (drafts or preview or not posting.draft) and not at.retired


@dataclass(frozen=True)
class Timeline:
    """Stage 2, timeline: every posting's standing at `now`, and the next instant the site
    changes (of postings a build publishes: drafts only when asked for)."""

    now: datetime
    standings: dict[Posting, Standing]
    next_change: datetime | None
    site: Site | None = None


def timeline(postings: Iterable[Posting], site: Site, now: datetime,
             drafts: bool = False, earlier: Timeline | None = None) -> Timeline:
    """The timeline of a content folder's postings at `now`; a posting's standing in an
    `earlier` timeline of the same site is kept while `now` has not reached its next change
    (the preview keeps the last round's, a build the last build's)."""
    kept = earlier.standings if earlier and earlier.site == site and earlier.now <= now else {}
    standings = {posting: at if (at := kept.get(posting)) and still(at, now)
                 else standing(posting, site, now) for posting in postings}
    changes = [s.next_change for p, s in standings.items()
               if s.next_change is not None and (drafts or not p.draft)]
    return Timeline(now, standings, min(changes, default=None), site)


def still(at: Standing, now: datetime) -> bool:
    """Whether a standing taken earlier still holds at `now` (which has not gone back)."""
    return at.next_change is None or now < at.next_change
