"""Openings: job postings in Markdown -> a static, accessible, bilingual careers site.

The build runs named stages in order, and nothing is written until everything is loaded and
checked::

    load      content/ -> Site, Posting              (openings.load)
    timeline  Posting, now -> Status                 (openings.timeline)
    plan      Postings at now -> Page                (openings.plan)
    render    Page -> bytes                          (openings.render)
    publish   bytes -> staging tree, swapped in      (openings.publish)

`openings.gather` runs the first three (all `check` needs), `openings.engine` the whole build.
The public names below are imported on first use, so that a command loads only what it needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .errors import ContentErrors, OutputError, Problem

if TYPE_CHECKING:
    from .engine import BuildReport, build_site, render_site
    from .gather import check_site, inspect_site

__all__ = ["BuildReport", "ContentErrors", "OutputError", "Problem",
           "build_site", "check_site", "inspect_site", "render_site"]

HOMES = {"BuildReport": "engine", "build_site": "engine", "render_site": "engine",
         "check_site": "gather", "inspect_site": "gather"}


def __getattr__(name: str) -> object:
    """A public name of the engine, imported when first asked for."""
    if name not in HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{HOMES[name]}", __name__), name)
