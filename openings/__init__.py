"""Openings: job postings in Markdown -> a static, accessible, bilingual careers site.

The build runs named stages in order, and nothing is written until everything is loaded and
checked::

    load      content/ -> Site, Posting              (openings.content)
    timeline  Posting, now -> Standing               (openings.time)
    plan      Postings on the timeline -> Page       (openings.pages)
    render    Page -> bytes, in worker processes     (openings.build)
    publish   bytes -> staging tree, swapped in      (openings.build)

The data outputs (open data, calendars, search) are in `openings.outputs`, the editors' tools
(preview, server, scaffold, report) in `openings.editors`. `openings.build.gather` runs the
first three stages (all `check` needs), `openings.build.engine` the whole build. The public
names below are imported on first use, so that a command loads only what it needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .errors import ContentErrors, OutputError, Problem

if TYPE_CHECKING:
    from .build.engine import BuildReport, build_site, render_site
    from .build.gather import check_site, inspect_site

__all__ = ["BuildReport", "ContentErrors", "OutputError", "Problem",
           "build_site", "check_site", "inspect_site", "render_site"]

HOMES = {"BuildReport": "build.engine", "build_site": "build.engine",
         "render_site": "build.engine", "check_site": "build.gather",
         "inspect_site": "build.gather"}


def __getattr__(name: str) -> object:
    """A public name of the engine, imported when first asked for."""
    if name not in HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{HOMES[name]}", __name__), name)
