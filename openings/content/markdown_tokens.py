"""Editors' Markdown as a token stream with line numbers (markdown-it-py), for the checks that
point an editor at a line (`check --a11y`). Publishing does not use it: a build renders bodies
with cmark-gfm (`markdown.py`) and never imports markdown-it-py.

Both read CommonMark plus tables, raw HTML as text and safe links only, so what an editor is
told about a heading, link, image or table is what a reader gets (tests/test_markdown_engines.py).
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt

from .markdown import FORBIDDEN, is_safe_link


def make_parser() -> MarkdownIt:
    """CommonMark and tables, raw HTML read as text, links with unsafe schemes not links."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.validateLink = is_safe_link  # type: ignore[method-assign]
    return md


PARSER = make_parser()


def to_tokens(body: str) -> list[Any]:
    """The parsed tokens of a body, each block with its lines (`map`, from 0); the characters
    publishing drops (and a byte-order mark, which cmark skips) are dropped first, so that the
    checks read what readers get."""
    return PARSER.parse(FORBIDDEN.sub("", body).removeprefix("\ufeff"))
