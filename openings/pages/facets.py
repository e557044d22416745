"""Facets readers browse by: location, work arrangement (on site, hybrid, remote), organization,
job type.

Each facet value has a slug for its static page (`locations/toronto/`), a label in the page's
language, and the postings it holds. Pure: postings in, groups out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..content.places import slugify
from ..messages import ARRANGEMENT_LABELS, N_, TERMS, Translate
from ..model import Hours, Posting

KINDS = (("locations", N_("Location")), ("arrangements", N_("Work arrangement")),
         ("organizations", N_("Organization")), ("terms", N_("Job type")))
EVERY = {"locations": N_("All locations"), "arrangements": N_("All work arrangements"),
         "organizations": N_("All organizations"), "terms": N_("All job types")}
DEFAULT_HOURS = Decimal(40)
YEARLY = {"day": Decimal(260), "week": Decimal(52), "month": Decimal(12), "year": Decimal(1)}


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet: where its page is, what it is called, and its postings' paths."""

    kind: str
    slug: str
    label: str
    paths: tuple[str, ...]


def annual(amount: Decimal, per: str, hours: Hours | None) -> Decimal:
    """Pay converted to a year, at the posting's weekly hours (40 when not given)."""
    if per == "hour":
        return amount * (hours.per_week if hours else DEFAULT_HOURS) * 52
    return amount * YEARLY[per]


def annual_top(posting: Posting) -> int:
    """The most a posting's pay can reach in a year (the top of its range), for filtering and
    sorting by pay; 0 when it states no pay, so "pay can reach at least" never matches it and
    it sorts last by pay."""
    salary = posting.salary
    if salary is None:
        return 0
    return int(annual(salary.max or salary.min, salary.per, posting.hours))


def values_of(posting: Posting, t: Translate) -> dict[str, list[tuple[str, str]]]:
    """The facet values (slug, label) a posting belongs to, read without unpacking a packed
    posting for good (a build reads each live posting's once a language)."""
    arrangement, locations, organization, term = posting.peek(
        "work_arrangement", "locations", "organization", "term")
    places = [(slugify(p.locality or p.text), p.locality or p.text) for p in locations
              if arrangement != "remote"]
    return {"locations": places,
            "arrangements": [(arrangement, t(ARRANGEMENT_LABELS[arrangement]))],
            "organizations": [(slugify(organization), organization)],
            "terms": [(term.type, t(TERMS[term.type]))]}


def facet_values(items: Iterable[tuple[Posting, str]], t: Translate) -> tuple[FacetValue, ...]:
    """Every facet value of some postings (with their page paths, in the order given), sorted by
    kind and label."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    labels: dict[tuple[str, str], str] = {}
    for posting, path in items:
        for kind, values in values_of(posting, t).items():
            for slug, label in values:
                if not slug:
                    continue
                paths = groups[(kind, slug)]
                if not paths or paths[-1] != path:
                    paths.append(path)
                    labels[(kind, slug)] = label
    order = [kind for kind, _ in KINDS]
    return tuple(FacetValue(kind, slug, labels[(kind, slug)], tuple(paths))
                 for (kind, slug), paths in sorted(groups.items(), key=lambda item: (
                     order.index(item[0][0]), labels[item[0]].casefold())))
