"""Accessibility checks for Openings: built pages (HTML) and editors' Markdown.

    check_page(path, text)           one built page -> list[Problem]
    check_pages(pages, jobs)         pages rendered in memory, (path, bytes) -> list[Problem]
    check_built_site(folder)         every *.html under a built site -> list[Problem]
    check_markdown(path, body, line) one posting body -> list[Problem], at real file lines
    check_content(folder)            every posting of a content folder -> list[Problem]
    check_readability(postings, site) plain-language hints (warnings) -> list[Problem]

Run `python -m accessibility [SITE_DIR ...] [--content DIR]` from the command line.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .html import check_built_site, check_page, check_pages
    from .markdown import check_content, check_markdown
    from .readability import check_readability

__all__ = ["check_built_site", "check_content", "check_markdown", "check_page", "check_pages",
           "check_readability"]

HOMES = {"check_page": "html", "check_pages": "html", "check_built_site": "html",
         "check_content": "markdown", "check_markdown": "markdown",
         "check_readability": "readability"}


def __getattr__(name: str) -> object:
    """A check, imported when first asked for: `build.py check` reads Markdown, not HTML."""
    if name not in HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{HOMES[name]}", __name__), name)
