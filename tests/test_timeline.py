"""SPEC §2: the deadline drives the status; the clock is always an argument.

Every instant here is written twice over: as the editor writes it (site time, America/Toronto)
and as the UTC instant it must be. EST is UTC-5, EDT is UTC-4. In 2026 the clocks fall back on
1 November; in 2027 they spring forward on 14 March.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from openings.content.config import load_site
from openings.model import Contact, Location, Moment, Posting, Salary, Site, Status, Term
from openings.time.timeline import (
    END_OF_DAY,
    START_OF_DAY,
    closing_soon_from,
    is_shown,
    localize,
    next_change,
    parse_moment,
    standing,
    status,
    timeline,
)
from tests.conftest import SITE_YML

TORONTO = ZoneInfo("America/Toronto")
DAYS = 3
SECOND = timedelta(seconds=1)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def moment(text: str, day_time=END_OF_DAY) -> Moment:
    parsed = parse_moment(text, TORONTO, day_time)
    assert isinstance(parsed, Moment), parsed
    return parsed


def deadline(text: str) -> datetime:
    return moment(text, END_OF_DAY).at


def status_at(deadline_at: datetime, now: datetime) -> Status:
    return status(deadline_at, now, DAYS, TORONTO)


def posting(posted: str = "2026-11-02", deadline_text: str = "2026-12-04",
            draft: bool = False) -> Posting:
    """A minimal valid posting; only its times and draft flag matter to the timeline."""
    return Posting(
        source="content/policy-analyst.md", line=1, slug="policy-analyst", lang="en",
        title="Policy analyst", organization="Ontario Public Service", job_id=None,
        locations=(Location("Toronto, Ontario", "Toronto", "ON", "CA"),),
        work_arrangement="on-site", location_note=None, positions=None,
        term=Term("permanent", None, None, None), hours=None,
        salary=Salary(Decimal("75129"), None, "year", "CAD", None),
        posted=moment(posted, START_OF_DAY), deadline=moment(deadline_text, END_OF_DAY),
        contact=Contact("jobs@example.on.ca", None, None, None), status_note=None,
        existing_vacancy=True, ai_screening=False, draft=draft, body="", body_html="")


def assert_utc(at: datetime) -> None:
    assert at.tzinfo is not None
    assert at.utcoffset() == timedelta(0)


# --- Reading what editors write -------------------------------------------------------------


def test_a_date_only_deadline_closes_at_2359_site_time():
    at = deadline("2026-11-26")
    assert at == utc(2026, 11, 27, 4, 59)  # 23:59 EST
    assert at.astimezone(TORONTO).replace(tzinfo=None) == datetime(2026, 11, 26, 23, 59)


def test_a_date_only_deadline_is_remembered_as_date_only():
    assert moment("2026-11-26").date_only is True
    assert moment("2026-11-26 17:00").date_only is False


def test_a_date_only_deadline_in_summer_closes_at_2359_daylight_time():
    assert deadline("2027-07-15") == utc(2027, 7, 16, 3, 59)  # 23:59 EDT


def test_a_date_only_deadline_is_open_at_235859_and_closed_from_2359_local():
    at = deadline("2026-11-26")
    assert status_at(at, datetime(2026, 11, 26, 23, 58, 59, tzinfo=TORONTO)) != Status.CLOSED
    assert status_at(at, datetime(2026, 11, 26, 23, 59, 0, tzinfo=TORONTO)) == Status.CLOSED
    assert status_at(at, datetime(2026, 11, 26, 23, 59, 1, tzinfo=TORONTO)) == Status.CLOSED


@pytest.mark.parametrize("text", ["2027-01-15 17:00", "2027-01-15T17:00"])
def test_a_local_date_time_is_read_in_the_site_time_zone(text):
    at = deadline(text)
    assert at == utc(2027, 1, 15, 22, 0)  # 17:00 EST


def test_a_local_date_time_with_seconds_is_read_in_the_site_time_zone():
    assert deadline("2027-01-15T17:00:30") == utc(2027, 1, 15, 22, 0, 30)


def test_a_date_time_with_an_offset_is_that_instant():
    at = deadline("2026-11-24T16:00:00-08:00")
    assert at == utc(2026, 11, 25, 0, 0)
    assert at.astimezone(TORONTO).replace(tzinfo=None) == datetime(2026, 11, 24, 19, 0)


def test_a_date_time_in_z_is_that_instant_in_utc():
    assert deadline("2026-11-24T16:00:00Z") == utc(2026, 11, 24, 16, 0)


@pytest.mark.parametrize("text", [
    "2026-11-26", "2027-01-15 17:00", "2027-01-15T17:00", "2026-11-24T16:00:00-08:00",
    "2026-11-24T16:00:00Z", "2026-11-01 01:30",
])
def test_every_moment_is_kept_as_an_aware_instant_in_utc(text):
    assert_utc(moment(text).at)


def test_a_local_time_in_the_spring_forward_gap_is_an_error_naming_the_zone():
    message = parse_moment("2027-03-14 02:30", TORONTO, END_OF_DAY)
    assert isinstance(message, str)
    assert "America/Toronto" in message
    assert "02:30" in message


def test_a_local_time_just_outside_the_spring_forward_gap_is_fine():
    assert deadline("2027-03-14 01:59") == utc(2027, 3, 14, 6, 59)  # EST
    assert deadline("2027-03-14 03:00") == utc(2027, 3, 14, 7, 0)  # EDT


def test_an_ambiguous_fall_back_time_is_the_earlier_instant():
    # 01:30 happens twice on 1 November 2026: first in EDT (05:30 UTC), then in EST (06:30 UTC).
    assert deadline("2026-11-01 01:30") == utc(2026, 11, 1, 5, 30)


def test_localize_refuses_a_wall_time_that_does_not_exist():
    assert localize(datetime(2027, 3, 14, 2, 30), TORONTO) is None


def test_localize_takes_the_earlier_of_two_wall_times_and_returns_utc():
    at = localize(datetime(2026, 11, 1, 1, 30), TORONTO)
    assert at == utc(2026, 11, 1, 5, 30)
    assert at is not None
    assert_utc(at)


@pytest.mark.parametrize("text", ["next Friday", "26/11/2026", "2026-11-26 5pm", ""])
def test_text_that_is_not_a_date_gives_a_message(text):
    message = parse_moment(text, TORONTO, END_OF_DAY)
    assert isinstance(message, str)
    assert message


def test_the_message_for_text_that_is_not_a_date_quotes_what_was_written():
    message = parse_moment("next Friday", TORONTO, END_OF_DAY)
    assert isinstance(message, str)
    assert "next Friday" in message


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "2026-11-26 24:00",
                                  "2026-11-26T17:61"])
def test_an_impossible_date_or_time_gives_a_message(text):
    message = parse_moment(text, TORONTO, END_OF_DAY)
    assert isinstance(message, str)
    assert text in message


# --- Status ---------------------------------------------------------------------------------


def test_status_is_closed_at_and_after_the_deadline_and_not_a_second_before():
    at = deadline("2026-12-04 17:00")
    assert status_at(at, at - SECOND) == Status.CLOSING_SOON
    assert status_at(at, at) == Status.CLOSED
    assert status_at(at, at + SECOND) == Status.CLOSED


def test_status_turns_closing_soon_at_the_same_wall_clock_time_three_days_earlier():
    at = deadline("2026-12-04 17:00")
    threshold = utc(2026, 12, 1, 22, 0)  # 2026-12-01 17:00 EST
    assert status_at(at, threshold - SECOND) == Status.OPEN
    assert status_at(at, threshold) == Status.CLOSING_SOON
    assert status_at(at, threshold + SECOND) == Status.CLOSING_SOON


def test_closing_soon_threshold_is_in_utc():
    assert_utc(closing_soon_from(deadline("2026-12-04 17:00"), DAYS, TORONTO))


def test_closing_soon_before_a_spring_forward_deadline_counts_calendar_days_not_hours():
    # Deadline 2027-03-15 12:00 EDT (16:00 UTC); three calendar days earlier is
    # 2027-03-12 12:00 EST, which is 17:00 UTC, not the 16:00 UTC that 72 hours would give.
    at = deadline("2027-03-15 12:00")
    assert at == utc(2027, 3, 15, 16, 0)
    assert closing_soon_from(at, DAYS, TORONTO) == utc(2027, 3, 12, 17, 0)
    assert status_at(at, utc(2027, 3, 12, 16, 0)) == Status.OPEN
    assert status_at(at, utc(2027, 3, 12, 16, 59, 59)) == Status.OPEN
    assert status_at(at, utc(2027, 3, 12, 17, 0)) == Status.CLOSING_SOON


def test_closing_soon_before_a_fall_back_deadline_counts_calendar_days_not_hours():
    # Deadline 2026-11-03 12:00 EST (17:00 UTC); three calendar days earlier is
    # 2026-10-31 12:00 EDT, which is 16:00 UTC, not the 17:00 UTC that 72 hours would give.
    at = deadline("2026-11-03 12:00")
    assert at == utc(2026, 11, 3, 17, 0)
    assert closing_soon_from(at, DAYS, TORONTO) == utc(2026, 10, 31, 16, 0)
    assert status_at(at, utc(2026, 10, 31, 15, 59, 59)) == Status.OPEN
    assert status_at(at, utc(2026, 10, 31, 16, 0)) == Status.CLOSING_SOON


def test_a_date_only_deadline_is_closing_soon_from_2359_three_days_earlier():
    at = deadline("2026-12-04")
    assert status_at(at, datetime(2026, 12, 1, 23, 58, 59, tzinfo=TORONTO)) == Status.OPEN
    assert status_at(at, datetime(2026, 12, 1, 23, 59, tzinfo=TORONTO)) == Status.CLOSING_SOON


@pytest.mark.parametrize("text", ["2026-12-04", "2027-03-15 12:00", "2026-11-03 12:00",
                                  "2026-11-04 01:30"])
def test_status_only_moves_forward_open_then_closing_soon_then_closed(text):
    at = deadline(text)
    order = [Status.OPEN, Status.CLOSING_SOON, Status.CLOSED]
    seen = []
    now = at - timedelta(days=6)
    while now <= at + timedelta(days=2):
        seen.append(status_at(at, now))
        now += timedelta(minutes=30)
    ranks = [order.index(s) for s in seen]
    assert ranks == sorted(ranks)
    assert set(seen) == set(order)


# --- Publication ----------------------------------------------------------------------------


def shown(job: Posting, now: datetime, drafts: bool, preview: bool = False) -> bool:
    """Whether a build at `now` shows the posting (a site keeping closed postings 3 years)."""
    return is_shown(job, standing(job, site_of(3), now), drafts, preview)


def test_a_date_only_posted_publishes_from_midnight_site_time():
    job = posting(posted="2026-11-20")
    assert job.posted.at == utc(2026, 11, 20, 5, 0)  # 00:00 EST
    assert not shown(job, datetime(2026, 11, 19, 23, 59, 59, tzinfo=TORONTO), False)
    assert shown(job, datetime(2026, 11, 20, 0, 0, tzinfo=TORONTO), False)


def test_a_posting_scheduled_for_later_is_not_published_yet():
    job = posting(posted="2026-11-20T09:00:00-05:00")
    assert not shown(job, utc(2026, 11, 20, 13, 59, 59), False)
    assert shown(job, utc(2026, 11, 20, 14, 0), False)
    assert shown(job, utc(2026, 11, 20, 13, 59, 59), False, preview=True)


def test_a_draft_is_published_only_when_drafts_are_asked_for():
    job = posting(posted="2026-11-02", draft=True)
    now = utc(2026, 11, 29, 17, 0)
    assert not shown(job, now, drafts=False)
    assert shown(job, now, drafts=True)
    assert shown(job, now, drafts=False, preview=True)


def test_a_posting_that_is_not_a_draft_is_published_with_or_without_drafts():
    job = posting(posted="2026-11-02", draft=False)
    now = utc(2026, 11, 29, 17, 0)
    assert shown(job, now, drafts=False)
    assert shown(job, now, drafts=True)


def test_a_retired_posting_is_never_shown():
    job = posting(posted="2026-11-02", deadline_text="2026-12-04")
    leaves = utc(2029, 12, 5, 4, 59)
    assert shown(job, leaves - SECOND, drafts=False)
    assert not shown(job, leaves, drafts=True, preview=True)


# --- When the site next needs a rebuild ---------------------------------------------------


def test_next_change_is_the_posted_moment_of_a_scheduled_posting():
    job = posting(posted="2026-11-20", deadline_text="2026-12-04")
    assert next_change([job], utc(2026, 11, 10), DAYS, TORONTO) == utc(2026, 11, 20, 5, 0)


def test_next_change_of_an_open_posting_is_its_closing_soon_threshold():
    job = posting(posted="2026-11-02", deadline_text="2026-12-04")
    assert next_change([job], utc(2026, 11, 10), DAYS, TORONTO) == utc(2026, 12, 2, 4, 59)


def test_next_change_of_a_closing_soon_posting_is_its_deadline():
    job = posting(posted="2026-11-02", deadline_text="2026-12-04")
    assert next_change([job], utc(2026, 12, 3), DAYS, TORONTO) == utc(2026, 12, 5, 4, 59)


def test_next_change_is_the_earliest_across_postings():
    later = posting(posted="2026-11-02", deadline_text="2026-12-20")
    sooner = posting(posted="2026-11-02", deadline_text="2026-12-04")
    scheduled = posting(posted="2026-12-01", deadline_text="2026-12-31")
    now = utc(2026, 11, 10)
    assert next_change([later, scheduled, sooner], now, DAYS, TORONTO) == utc(2026, 12, 1, 5, 0)
    assert next_change([later, sooner], now, DAYS, TORONTO) == utc(2026, 12, 2, 4, 59)


def test_next_change_ignores_a_change_happening_exactly_now():
    job = posting(posted="2026-11-02", deadline_text="2026-12-04")
    threshold = utc(2026, 12, 2, 4, 59)
    assert next_change([job], threshold, DAYS, TORONTO) == utc(2026, 12, 5, 4, 59)


def test_next_change_is_none_when_everything_is_closed():
    job = posting(posted="2026-11-02", deadline_text="2026-12-04")
    assert next_change([job], utc(2027, 1, 1), DAYS, TORONTO) is None
    assert next_change([], utc(2027, 1, 1), DAYS, TORONTO) is None


# --- The timeline stage: one standing per posting, read by every later stage ----------------


def site_of(retention_years: int = 2) -> Site:
    """A site in Toronto whose closed postings stay `retention_years` years."""
    content = load_site("site.yml", SITE_YML.replace(
        "closing_soon_days: 3", f"closing_soon_days: {DAYS}\nclosed_retention_years: "
        f"{retention_years}").encode())
    assert content[0] is not None, content[1]
    return content[0]


def test_a_standing_changes_one_second_before_at_and_after_each_threshold():
    site, job = site_of(), posting(posted="2026-11-02", deadline_text="2026-12-04")
    soon, closes = utc(2026, 12, 2, 4, 59), utc(2026, 12, 5, 4, 59)
    assert standing(job, site, soon - SECOND).status is Status.OPEN
    assert standing(job, site, soon - SECOND).next_change == soon
    assert standing(job, site, soon).status is Status.CLOSING_SOON
    assert standing(job, site, soon).next_change == closes
    assert standing(job, site, closes - SECOND).status is Status.CLOSING_SOON
    assert standing(job, site, closes).status is Status.CLOSED
    assert standing(job, site, closes + SECOND).closing_soon_from == soon


def test_a_closed_posting_retires_at_the_end_of_the_retention_period():
    site, job = site_of(2), posting(posted="2026-11-02", deadline_text="2026-12-04")
    leaves = utc(2028, 12, 5, 4, 59)
    assert not standing(job, site, leaves - SECOND).retired
    assert standing(job, site, leaves - SECOND).next_change == leaves
    assert standing(job, site, leaves).retired
    assert standing(job, site, leaves).next_change is None


def test_a_scheduled_posting_is_not_posted_until_its_moment():
    site, job = site_of(), posting(posted="2026-11-20", deadline_text="2026-12-04")
    goes_live = utc(2026, 11, 20, 5, 0)
    assert not standing(job, site, goes_live - SECOND).posted
    assert standing(job, site, goes_live).posted


def test_the_sites_next_change_leaves_drafts_out_unless_a_build_shows_them():
    site = site_of()
    draft = posting(posted="2026-11-02", deadline_text="2026-11-20", draft=True)
    job = posting(posted="2026-11-02", deadline_text="2026-12-04")
    now = utc(2026, 11, 10)
    assert timeline([draft, job], site, now).next_change == utc(2026, 12, 2, 4, 59)
    assert timeline([draft, job], site, now, drafts=True).next_change == utc(2026, 11, 18, 4, 59)
    assert timeline([draft, job], site, now).standings[draft].status is Status.OPEN


@pytest.mark.parametrize("offset", [-SECOND, timedelta(0), SECOND])
def test_a_timeline_taken_from_an_earlier_one_is_the_timeline_taken_afresh(offset):
    site = site_of()
    job = posting(posted="2026-11-02", deadline_text="2026-12-04")
    earlier = timeline([job], site, utc(2026, 11, 10))
    for change in (earlier.next_change, utc(2026, 12, 5, 4, 59)):
        assert change is not None
        later = change + offset
        assert timeline([job], site, later, earlier=earlier) == timeline([job], site, later)
        earlier = timeline([job], site, later, earlier=earlier)


def test_a_timeline_of_other_settings_or_an_earlier_moment_is_not_reused():
    job = posting(posted="2026-11-02", deadline_text="2026-12-04")
    taken = timeline([job], site_of(), utc(2026, 11, 10))
    wider = load_site("site.yml", SITE_YML.replace("closing_soon_days: 3",
                                                   "closing_soon_days: 30").encode())[0]
    assert wider is not None
    assert timeline([job], wider, utc(2026, 11, 10), earlier=taken).standings[job].status \
        is Status.CLOSING_SOON
    late = timeline([job], site_of(), utc(2026, 12, 6))
    assert timeline([job], site_of(), utc(2026, 11, 10), earlier=late) == taken
