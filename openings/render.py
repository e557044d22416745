"""Stage 4, render: Page -> bytes, with one Jinja2 environment that escapes everything."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .plan import Page


def make_environment(layouts: Path) -> Environment:
    """Jinja2 with autoescaping on for every template and undefined names as errors."""
    return Environment(
        loader=FileSystemLoader(layouts),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_json(page: Page) -> bytes:
    """A JSON document, stable and readable."""
    text = json.dumps(page.data["document"], ensure_ascii=False, indent=2, sort_keys=False)
    return (text + "\n").encode("utf-8")


DATA_WRITERS: dict[str, Callable[[Page], bytes]] = {"jobs.json": render_json}


def render_page(env: Environment, page: Page) -> bytes:
    """One page's bytes."""
    writer = DATA_WRITERS.get(page.template)
    if writer is not None:
        return writer(page)
    return env.get_template(page.template).render(page.data).encode("utf-8")


def render_pages(env: Environment, pages: tuple[Page, ...]) -> Iterator[tuple[str, bytes]]:
    """Every page's path and bytes, one at a time so memory stays flat."""
    for page in pages:
        yield page.path, render_page(env, page)


def template_names(env: Environment) -> list[str]:
    """The layouts available, for checks that every page has one."""
    return sorted(env.list_templates())


