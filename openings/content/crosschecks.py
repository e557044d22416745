"""Checks across postings: two postings of one language claiming one web address or job ID, and
translations whose facts differ."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from ..errors import Problem
from ..model import Posting


def duplicates(postings: Iterable[Posting]) -> list[Problem]:
    """Two postings of one language with the same slug or job_id: an error naming both."""
    seen: dict[tuple[str, str, str], list[Posting]] = defaultdict(list)
    for posting in postings:
        seen[("web address", posting.lang, posting.slug)].append(posting)
        if posting.job_id:
            seen[("job_id", posting.lang, posting.job_id)].append(posting)
    problems = []
    for (what, _, value), group in sorted(item for item in seen.items() if len(item[1]) > 1):
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


Paired = dict[tuple[str, str], list[Problem]]
"""The differences found between a posting and a translation, by their digests: a build
compares every pair, and reading their facts would unpack every posting (`packed.Packed`)."""


def mismatched_translations(postings: Iterable[Posting], default_lang: str,
                            paired: Paired | None = None) -> list[Problem]:
    """Translations (same job_id, other language) whose facts differ: errors naming both.
    With `paired` (what the last run found), only pairs not seen before are compared, and
    `paired` keeps this run's pairs alone."""
    by_job: dict[str, list[Posting]] = defaultdict(list)
    for posting in postings:
        if posting.job_id:
            by_job[posting.job_id].append(posting)
    found: Paired = {}
    for group in by_job.values():
        original = next((p for p in group if p.lang == default_lang), group[0])
        for other in group:
            if other.lang != original.lang:
                key = (repr(original), repr(other))
                known = paired.get(key) if paired is not None else None
                found[key] = known if known is not None else fact_differences(original, other)
    if paired is not None:
        paired.clear()
        paired.update(found)
    return [problem for problems in found.values() for problem in problems]


def fact_differences(original: Posting, translation: Posting) -> list[Problem]:
    """The facts of a translation that differ from the posting it translates."""
    return [Problem(translation.source, translation.line_of(name),
                    f"`{name}` differs from the {original.lang} version "
                    f"{original.source}:{original.line_of(name)}; a translation must state the "
                    "same facts, so make both the same")
            for name, fact in PAIRED_FACTS.items() if fact(original) != fact(translation)]
