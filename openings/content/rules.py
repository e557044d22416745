"""Posting rules (SPEC §6): Ontario's job posting law from 2026, and the site's own good practice.

Each rule has a short stable name an editor can look up in docs/posting-rules.md and relax in
site.yml (`rules: {name: warning|off}`). Rules read loaded postings and return Problems; they
never stop at the first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ..errors import ERROR, WARNING, Problem
from ..model import Posting, Site
from ..pages.facets import annual
from .markdown import is_safe_link

FROM_2026 = date(2026, 1, 1)
RANGE_LIMIT = Decimal(50_000)
HIGH_PAY = Decimal(200_000)
CANADIAN_EXPERIENCE = re.compile(
    r"canadian\s+(?:work\s+|job\s+|professional\s+)?experience"
    r"|experience\s+(?:working\s+|gained\s+)?in\s+canada"
    r"|exp[ée]rience\s+(?:de\s+travail\s+|professionnelle\s+)?canadienne"
    r"|exp[ée]rience\s+(?:de\s+travail\s+|acquise\s+|professionnelle\s+)?au\s+canada",
    re.IGNORECASE)
TEXT_FIELDS = ("title", "organization", "location_note", "status_note", "division",
               "language_requirement", "classification")
MALFORMED = re.compile(r"^(?:htps?:|hhttps?:|htt:|https?:/?[^/]|https?//|www\.)|\s",
                       re.IGNORECASE)

WRITTEN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")

Check = Callable[[Posting, Site], Iterator[tuple[int, str]]]


@dataclass(frozen=True)
class Rule:
    """One posting rule: its name, default level, the law or practice behind it, and its check."""

    name: str
    level: str
    law: bool
    check: Check


def in_ontario(posting: Posting) -> bool:
    """A job done (at least partly) in Ontario."""
    return any(place.region == "ON" for place in posting.locations)


def under_the_act(posting: Posting, site: Site) -> bool:
    """Ontario's job posting rules cover postings posted on or after 1 January 2026 for work in
    Ontario: a posting all of whose places are outside Ontario is exempt from every one alike."""
    return posting.posted.at.astimezone(site.zone).date() >= FROM_2026 and in_ontario(posting)


def pay_stated(posting: Posting, site: Site) -> Iterator[tuple[int, str]]:
    """A posting the Act covers states its expected pay or pay range."""
    if under_the_act(posting, site) and posting.salary is None:
        yield posting.line, ("state the expected pay or its range: add `salary:` with `min:`, "
                             "`per:` (hour, day, week, month or year) and, for a range, `max:`")


def pay_range(posting: Posting, site: Site) -> Iterator[tuple[int, str]]:
    """A pay range may span at most $50,000 a year, unless its top is above $200,000 a year."""
    salary = posting.salary
    if not under_the_act(posting, site) or salary is None or salary.max is None:
        return
    low = annual(salary.min, salary.per, posting.hours)
    high = annual(salary.max, salary.per, posting.hours)
    if high - low > RANGE_LIMIT and high <= HIGH_PAY:
        yield posting.line_of("salary"), (
            f"the pay range spans about ${high - low:,.0f} a year; Ontario allows at most "
            "$50,000 unless the top of the range is above $200,000 a year: narrow the range")


def disclosure(key: str, what: str) -> Check:
    """A yes/no the Act requires every posting it covers to state."""
    def check(posting: Posting, site: Site) -> Iterator[tuple[int, str]]:
        """Report the missing statement at the opening `---`."""
        stated = posting.existing_vacancy if key == "existing_vacancy" else posting.ai_screening
        if under_the_act(posting, site) and stated is None:
            yield posting.line, f"say {what}: add `{key}: true` or `{key}: false`"
    return check


def body_lines(posting: Posting) -> Iterator[tuple[int, str]]:
    """Each line of the body with its line in the file."""
    for index, text in enumerate(posting.body.split("\n")):
        yield posting.body_line + index, text


def canadian_experience(posting: Posting, site: Site) -> Iterator[tuple[int, str]]:
    """No requirement of Canadian experience, in any wording, field or language, even when a
    line break falls inside the words (one search over the whole body)."""
    if not under_the_act(posting, site):
        return
    fields = [(posting.line_of(key), getattr(posting, key) or "") for key in TEXT_FIELDS]
    for line, text in [*fields, (posting.body_line, posting.body)]:
        if "canad" not in text.lower():
            continue
        for match in CANADIAN_EXPERIENCE.finditer(text):
            yield line + text.count("\n", 0, match.start()), (
                f"“{' '.join(match.group(0).split())}”: Ontario forbids asking for Canadian "
                "experience; describe the skills and experience needed, wherever gained")


def deadline_after_posted(posting: Posting, site: Site) -> Iterator[tuple[int, str]]:
    """A posting must be open for some time: its deadline after its posted date."""
    if posting.deadline.at <= posting.posted.at:
        yield posting.line_of("deadline"), ("the deadline is not after the posted date, so "
                                            "nobody could apply: check both dates")


def open_long_enough(posting: Posting, site: Site) -> Iterator[tuple[int, str]]:
    """A posting open for fewer days than the site's minimum may miss applicants."""
    days = posting.deadline.at - posting.posted.at
    if timedelta(0) < days < timedelta(days=site.minimum_open_days):
        yield posting.line_of("deadline"), (
            f"the posting is open for only {days.days} day(s); this site asks for at least "
            f"{site.minimum_open_days} so people can find it and apply")


def link_https(posting: Posting, site: Site) -> Iterator[tuple[int, str]]:
    """Links should use https, which every government site offers."""
    for line, url in posting.links:
        if url.lower().startswith("http://"):
            yield line, f"the link {url} uses http://; use https:// so it is safe to follow"


def link_malformed(posting: Posting, site: Site) -> Iterator[tuple[int, str]]:
    """Links that look mistyped will not open; links with other schemes are not shown at all."""
    for line, url in posting.links:
        if not url or MALFORMED.search(url):
            yield line, (f"the link “{url}” looks broken; write the full address, like "
                         "https://www.ontario.ca/page/jobs")
    for line, text in body_lines(posting):
        for match in WRITTEN_LINK.finditer(text):
            if not is_safe_link(match.group(1)):
                yield line, (f"“{match.group(1)}” is not an address readers can follow, so it "
                             "shows as plain text; links start with https://, http:// or mailto:")


RULES = (
    Rule("pay-stated", ERROR, True, pay_stated),
    Rule("pay-range", ERROR, True, pay_range),
    Rule("ai-disclosure", ERROR, True,
         disclosure("ai_screening", "whether AI is used to screen, assess or select applicants")),
    Rule("vacancy-disclosure", ERROR, True,
         disclosure("existing_vacancy", "whether the posting is for an existing vacancy")),
    Rule("canadian-experience", ERROR, True, canadian_experience),
    Rule("deadline-after-posted", ERROR, False, deadline_after_posted),
    Rule("minimum-open-days", WARNING, False, open_long_enough),
    Rule("link-https", WARNING, False, link_https),
    Rule("link-malformed", WARNING, False, link_malformed),
)
SITE_RULE = "accommodation-notice"
RULE_NAMES = (*(rule.name for rule in RULES), SITE_RULE)


def level_of(name: str, default: str, site: Site) -> str:
    """A rule's level: the site's choice, else its default."""
    return dict(site.rules).get(name, default)


def posting_problems(posting: Posting, site: Site) -> list[Problem]:
    """Every rule over one posting, at each rule's level; it needs the body, which a build
    holds only while it loads the posting."""
    if posting.body_digest:
        raise ValueError(f"{posting.source}: the posting rules need the posting's body")
    problems = []
    for rule in RULES:
        level = level_of(rule.name, rule.level, site)
        if level != "off":
            problems += [Problem(posting.source, line, f"{message} [{rule.name}]", level)
                         for line, message in rule.check(posting, site)]
    return problems


def check_postings(postings: Iterable[Posting], site: Site, site_path: str,
                   cache: dict[Posting, list[Problem]] | None = None) -> list[Problem]:
    """Every rule over every posting, and the site-wide ones; a cache (the preview's, the
    build cache's) keeps the results of unchanged postings, and only of these postings."""
    problems, checked = [], tuple(postings)
    for posting in checked:
        if cache is None:
            problems += posting_problems(posting, site)
            continue
        if posting not in cache:
            cache[posting] = posting_problems(posting, site)
        problems += cache[posting]
    if cache is not None:
        for gone in cache.keys() - set(checked):
            del cache[gone]
    level = level_of(SITE_RULE, ERROR, site)
    if site.accommodation is None and level != "off" and (
            not checked or any(posting.accommodation is None for posting in checked)):
        problems.append(Problem(site_path, 1, "add `accommodation:` with an `email`, `phone` or "
                                "`url`: every posting must say how to ask for an accommodation "
                                f"[{SITE_RULE}]", level))
    return problems
