"""IANA time zone names: which a site may name, found without opening every zone file."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from zoneinfo import available_timezones


@cache
def zone_names() -> frozenset[str]:
    """Every IANA zone name tzdata knows (read once: the preview reloads site.yml often)."""
    return frozenset(available_timezones())


@cache
def listed_zones() -> frozenset[str]:
    """The zones the tzdata package lists in one small file: enough to accept a site's zone
    without `available_timezones`, which opens every file under the system's zone folders
    (about 70 ms of every build)."""
    try:
        import tzdata
        return frozenset(Path(tzdata.__file__).with_name("zones").read_text("utf-8").split())
    except (ImportError, OSError, TypeError):
        return frozenset()


def known_zone(name: str) -> bool:
    """An IANA zone name: one tzdata lists, or any other `available_timezones` finds (those
    are looked for only when the name is not listed)."""
    return name in listed_zones() or name in zone_names()
