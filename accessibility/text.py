"""Words, text and path helpers shared by the page checker and the Markdown checker."""

from __future__ import annotations

from pathlib import Path

GENERIC_LINK_TEXT = frozenset({
    "click here", "here", "read more", "more", "link",
    "cliquez ici", "ici", "en savoir plus",
})
TRIM = " .:;!?…«»\"'"


def collapse(text: str) -> str:
    """One space between words, none at the ends, as a screen reader hears the text."""
    return " ".join(text.split())


def is_generic(text: str) -> bool:
    """Link text such as "click here" says nothing about where the link goes."""
    return collapse(text).strip(TRIM).casefold() in GENERIC_LINK_TEXT


def quote(text: str, limit: int = 40) -> str:
    """A short quotation of some text for a message, cut with … when long."""
    text = collapse(text)
    return f'"{text if len(text) <= limit else text[:limit].rstrip() + "…"}"'


def display(path: Path) -> str:
    """A path as the user should see it: relative to the working directory when inside it."""
    absolute, cwd = path.absolute(), Path.cwd()
    return str(absolute.relative_to(cwd)) if absolute.is_relative_to(cwd) else str(path)
