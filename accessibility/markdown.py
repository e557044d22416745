"""Accessibility checks of editors' Markdown, before it is built, at the real file line.

Messages are for editors, not programmers: each says what readers will miss and how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain, pairwise
from pathlib import Path
from typing import Any

from openings.build.pool import ordered_map
from openings.content.load import posting_files
from openings.content.markdown_tokens import to_tokens
from openings.content.source import read_source
from openings.errors import ERROR, WARNING, Problem

from .text import collapse, display, is_generic, quote

LONGEST_SENTENCE = 30
SHOUTING_RUN = 4
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)
SENTENCE = re.compile(r"\S.*?(?:[.!?…]+(?=\s|$)|$)", re.DOTALL)
BREAKS = ("softbreak", "hardbreak")


@dataclass(frozen=True)
class Text:
    """One inline run of a body (a paragraph, heading, list item or cell) and its first line."""

    line: int
    children: tuple[Any, ...]


@dataclass(frozen=True)
class Link:
    """A link in a body: the line where it starts, and the words readers see."""

    line: int
    text: str


def inline_runs(tokens: list[Any], body_line: int) -> list[Text]:
    """Every inline run of the body with the file line where it starts."""
    return [Text(body_line + token.map[0], tuple(token.children or ()))
            for token in tokens if token.type == "inline" and token.map]


def located(text: Text) -> Iterator[tuple[int, Any]]:
    """Each inline token with its file line, counting the line breaks before it."""
    at = text.line
    for child in text.children:
        yield at, child
        at += child.type in BREAKS


def links(text: Text) -> Iterator[Link]:
    """The links of an inline run, with the words between their opening and closing."""
    start: int | None = None
    words: list[str] = []
    for at, child in located(text):
        if child.type == "link_open":
            start, words = at, []
        elif child.type == "link_close" and start is not None:
            yield Link(start, collapse("".join(words)))
            start = None
        elif start is not None:
            words.append(" " if child.type in BREAKS else child.content)


def plain(text: Text, code: str | None = None) -> str:
    """The words of an inline run, one line a source line; `code` replaces inline code if set."""
    parts = []
    for child in text.children:
        if child.type in BREAKS:
            parts.append("\n")
        elif child.type == "code_inline" and code is not None:
            parts.append(code)
        elif child.type in ("text", "code_inline", "image"):
            parts.append(child.content)
    return "".join(parts)


def image_alts(path: str, text: Text) -> list[Problem]:
    """Readers who cannot see an image hear its alt text, or nothing at all."""
    return [Problem(path, at, f"the image {child.attrs.get('src', '')} has no alt text; "
                    "describe it in the brackets for readers who cannot see it: "
                    f"![Team at work]({child.attrs.get('src', '')})", ERROR)
            for at, child in located(text) if child.type == "image" and not child.content.strip()]


def generic_links(path: str, text: Text) -> list[Problem]:
    """Screen reader users jump from link to link; "click here" tells them nothing."""
    return [Problem(path, link.line, f"the link text {quote(link.text)} does not say where the "
                    "link goes; describe the destination: [How to apply](https://…)", WARNING)
            for link in links(text) if is_generic(link.text)]


def address_links(path: str, text: Text) -> list[Problem]:
    """A web address is read out letter by letter; a description is quicker to understand."""
    return [Problem(path, link.line, f"the link shows the web address {quote(link.text)}; "
                    "describe where the link goes instead: [Pay scales](https://…)", WARNING)
            for link in links(text) if WEB_ADDRESS.fullmatch(link.text)]


def is_shouting(word: str) -> bool:
    """A word of two or more letters, all of them capitals."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def shouting_runs(words: list[str]) -> Iterator[tuple[int, int]]:
    """The (start, end) index of each run of SHOUTING_RUN or more capitalised words."""
    start = 0
    for index, word in enumerate([*words, ""]):
        if not is_shouting(word):
            if index - start >= SHOUTING_RUN:
                yield start, index
            start = index + 1


def all_caps(path: str, text: Text) -> list[Problem]:
    """Long runs of capitals are hard to read, and some screen readers spell them out."""
    words = [(at, word) for at, line in enumerate(plain(text, code="`").split("\n"), text.line)
             for word in line.split()]
    return [Problem(path, words[start][0], "the text "
                    f"{quote(' '.join(w for _, w in words[start:end]))} is in capital letters, "
                    "which is hard to read; write it in normal case, and use **bold** to "
                    "stress it", WARNING)
            for start, end in shouting_runs([word for _, word in words])]


def long_sentences(path: str, text: Text) -> list[Problem]:
    """Long sentences are hard to follow, most of all for readers of a second language."""
    words = plain(text)
    return [Problem(path, text.line + words.count("\n", 0, match.start()), "the sentence "
                    f"{quote(match.group())} has {len(match.group().split())} words; sentences "
                    f"over {LONGEST_SENTENCE} words are hard to follow, so split it up", WARNING)
            for match in SENTENCE.finditer(words) if len(match.group().split()) > LONGEST_SENTENCE]


def heading_level(token: Any) -> int:
    """The level the editor wrote: the number of #, or 1 and 2 for === and --- underlines."""
    return {"=": 1, "-": 2}.get(token.markup, len(token.markup))


def headings(tokens: list[Any], body_line: int) -> list[tuple[int, int, str]]:
    """Each heading of a body: its file line, the level the editor wrote, and its words."""
    return [(body_line + token.map[0], heading_level(token), collapse(words.content))
            for token, words in pairwise(tokens) if token.type == "heading_open" and token.map]


def heading_skips(path: str, tokens: list[Any], body_line: int) -> list[Problem]:
    """Readers browse by headings; a skipped level looks like a missing section."""
    heads = headings(tokens, body_line)
    return [Problem(path, at, f"the heading {quote(words)} jumps from level {above} to level "
                    f"{level}, skipping a level; write it as {'#' * (above + 1)} {words}", WARNING)
            for (_, above, _), (at, level, words) in pairwise(heads) if level > above + 1]


TEXT_RULES: tuple[Callable[[str, Text], list[Problem]], ...] = (
    image_alts, generic_links, address_links, all_caps,
)


def check_markdown(path: str, body: str, body_line: int) -> list[Problem]:
    """Every accessibility problem of a posting's body; `body_line` is the body's first line."""
    tokens = to_tokens(body)
    found = heading_skips(path, tokens, body_line)
    for text in inline_runs(tokens, body_line):
        found += [problem for rule in TEXT_RULES for problem in rule(path, text)]
    return sorted(found)


def check_posting(path: Path) -> list[Problem]:
    """Check one posting file's body; a file the loader cannot read is left to the loader."""
    shown = display(path)
    try:
        data = path.read_bytes()
    except OSError:
        return []
    source, _ = read_source(shown, data)
    return [] if source is None else check_markdown(shown, source.body, source.body_line)


def check_content(folder: Path, jobs: int = 1) -> list[Problem]:
    """Every accessibility problem of every posting in a content folder, on up to `jobs`
    processes."""
    return list(chain.from_iterable(ordered_map(check_posting, posting_files(folder), jobs)))
