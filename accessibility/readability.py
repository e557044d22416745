"""Plain-language hints for editors (warnings, never errors): long sentences, the passive voice,
the site's own jargon list, and a reading-grade estimate of each posting."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import chain, repeat

from openings.build.pool import ordered_map
from openings.content.markdown_tokens import to_tokens
from openings.errors import WARNING, Problem
from openings.model import Posting, Site

from .markdown import SENTENCE, Text, inline_runs, long_sentences, plain

HIGHEST_GRADE = 10
TOP_GRADE = 18
PASSIVE_SHARE = 0.25
PASSIVE = {
    "en": re.compile(r"\b(?:am|is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?"
                     r"(?:\w+ed|known|given|taken|made|done|seen|shown|written|held|kept|paid|"
                     r"sent|chosen|built|found|met|told|brought)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:est|sont|était|étaient|sera|seront|être|été)\s+(?:\w+ment\s+)?"
                     r"\w+(?:é|ée|és|ées|i|ie|is|ies|ise|ises|it|ite|its|ites|u|ue|us|ues|"
                     r"erte?s?)\b", re.IGNORECASE),
}
VOWEL_GROUPS = re.compile(r"[aeiouyàâäéèêëîïôöùûüœæ]+", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def sentences(runs: list[Text]) -> list[str]:
    """The sentences of a posting's body (its inline runs), as readers read them."""
    return [m.group() for run in runs for m in SENTENCE.finditer(plain(run).replace("\n", " "))
            if WORD.search(m.group())]


@cache
def syllables(word: str) -> int:
    """A syllable estimate: groups of vowels, at least one (remembered: a site's postings
    share most of their words, and the grade estimate counts every word)."""
    count = len(VOWEL_GROUPS.findall(word))
    if word.lower().endswith("e") and count > 1:
        count -= 1
    return max(1, count)


def grade(texts: Iterable[str]) -> float | None:
    """The Flesch-Kincaid grade level of some sentences (None when there are too few words)."""
    texts = list(texts)
    words = [w for text in texts for w in WORD.findall(text)]
    if len(words) < 50:
        return None
    per_sentence = len(words) / len(texts)
    per_word = sum(syllables(w) for w in words) / len(words)
    return 0.39 * per_sentence + 11.8 * per_word - 15.59


def grade_hint(posting: Posting, found: list[str]) -> list[Problem]:
    """A posting (its sentences found) that reads above grade 10 loses many readers."""
    level = grade(found) if posting.lang == "en" else None
    if level is None or level <= HIGHEST_GRADE:
        return []
    shown = f"about grade {level:.0f}" if level < TOP_GRADE else f"grade {TOP_GRADE} or above"
    return [Problem(posting.source, posting.body_line, f"the posting reads at {shown}; aim for "
                    f"grade 8 to {HIGHEST_GRADE}: shorter sentences and everyday words help "
                    "every reader", WARNING)]


def passive_hint(posting: Posting, found: list[str]) -> list[Problem]:
    """Many passive sentences (among those found) hide who does what."""
    pattern = PASSIVE.get(posting.lang)
    passive = [s for s in found if pattern and pattern.search(s)]
    if len(passive) < 3 or len(passive) / len(found) <= PASSIVE_SHARE:
        return []
    example = PASSIVE[posting.lang].search(passive[0])
    return [Problem(posting.source, posting.body_line, f"{len(passive)} of {len(found)} "
                    f"sentences use the passive voice (like “{example.group() if example else ''}”"
                    "); say who does what: “You will review…”, “We will contact you”", WARNING)]


def jargon_hints(posting: Posting, site: Site) -> list[Problem]:
    """Words on the site's jargon list, where they appear."""
    if not site.jargon:
        return []
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, site.jargon)) + r")\b", re.IGNORECASE)
    lines = [(posting.line_of("title"), posting.title)] + [
        (posting.body_line + index, text) for index, text in enumerate(posting.body.split("\n"))]
    return [Problem(posting.source, line, f"“{match.group()}” is on this site's jargon list; "
                    "use a plain word readers know", WARNING)
            for line, text in lines for match in pattern.finditer(text)]


def long_sentence_hints(posting: Posting, runs: list[Text]) -> list[Problem]:
    """Sentences over 30 words, at their lines."""
    return [problem for run in runs for problem in long_sentences(posting.source, run)]


def posting_hints(item: tuple[Posting, Site]) -> list[Problem]:
    """Every plain-language hint for one posting, its body parsed once (markdown-it-py is pure
    Python: the parse is most of the work)."""
    posting, site = item
    runs = inline_runs(to_tokens(posting.body), posting.body_line)
    found = sentences(runs)
    return (long_sentence_hints(posting, runs) + passive_hint(posting, found)
            + grade_hint(posting, found) + jargon_hints(posting, site))


def check_readability(postings: Iterable[Posting], site: Site, jobs: int = 1) -> list[Problem]:
    """Every plain-language hint for every posting, on up to `jobs` processes."""
    return sorted(chain.from_iterable(
        ordered_map(posting_hints, zip(postings, repeat(site)), jobs)))
