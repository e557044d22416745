"""deadline.ics: a posting's deadline as an iCalendar event, in the site's time zone."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone

from ..messages import translator
from ..model import Site
from ..pages.views import PostingView

REMINDER = timedelta(days=1)


@lru_cache(maxsize=32)
def zone_component(zone: ZoneInfo, year: int) -> bytes:
    """The zone's rules around the deadline's year, so calendars show the right hour; the
    same for every deadline of a year, so written once."""
    data: bytes = Timezone.from_tzinfo(zone, first_date=date(year - 1, 1, 1),
                                       last_date=date(year + 1, 12, 31)).to_ical()
    return data


def deadline_event(view: PostingView, site: Site) -> Event:
    """The deadline as an instant event with a reminder a day before."""
    t, posting = translator(view.posting.lang), view.posting
    event = Event()
    event.add("uid", f"deadline-{posting.lang}-{posting.slug}@{site.base_url.split('/')[2]}")
    event.add("dtstamp", posting.posted.at)
    event.add("dtstart", posting.deadline.at.astimezone(site.zone))
    event.add("summary", t("Deadline to apply: {title}").format(title=posting.title))
    event.add("description", view.summary)
    event.add("url", site.url_for(view.path))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -REMINDER)
    alarm.add("description", t("One day left to apply: {title}").format(title=posting.title))
    event.add_component(alarm)
    return event


def deadline_ics(view: PostingView, site: Site) -> bytes:
    """The whole calendar file."""
    calendar = Calendar()
    calendar.add("prodid", "-//Openings//Job posting deadline//EN")
    calendar.add("version", "2.0")
    calendar.add_component(deadline_event(view, site))
    data: bytes = calendar.to_ical()
    event = data.index(b"BEGIN:VEVENT\r\n")
    return data[:event] + zone_component(site.zone, view.posting.deadline.at.year) + data[event:]
