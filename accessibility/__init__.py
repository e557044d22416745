"""Accessibility checks for Openings: built pages (HTML) and editors' Markdown.

    check_page(path, text)           one built page -> list[Problem]
    check_site(folder)               every *.html under a built site -> list[Problem]
    check_markdown(path, body, line) one posting body -> list[Problem], at real file lines
    check_content(folder)            every posting of a content folder -> list[Problem]
    check_readability(postings, site) plain-language hints (warnings) -> list[Problem]

Run `python -m accessibility [SITE_DIR ...] [--content DIR]` from the command line.
"""

from __future__ import annotations

from .html import check_page, check_site
from .markdown import check_content, check_markdown
from .readability import check_readability

__all__ = ["check_content", "check_markdown", "check_page", "check_readability", "check_site"]
