"""Stage 4, render: Page -> bytes, with one Jinja2 environment that escapes everything."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .calendar import deadline_ics
from .messages import translator
from .opendata import to_csv, to_json, to_next_change
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


DATA_WRITERS: dict[str, Callable[[Page], bytes]] = {
    "jobs.json": lambda page: to_json(page.data["document"]),
    "jobs.csv": lambda page: to_csv(page.data["document"]),
    "next-change.txt": lambda page: to_next_change(page.data["document"]),
    "deadline.ics": lambda page: deadline_ics(page.data["view"], page.data["site"]),
}


def render_page(env: Environment, page: Page) -> bytes:
    """One page's bytes."""
    writer = DATA_WRITERS.get(page.template)
    if writer is not None:
        return writer(page)
    context = {**page.data, "_": translator(page_language(page))}
    return env.get_template(page.template).render(context).encode("utf-8")


def page_language(page: Page) -> str:
    """The language a page is written in, for its interface words."""
    chrome = page.data.get("chrome")
    return str(chrome.lang if chrome is not None else page.data.get("lang", ""))


def render_pages(env: Environment, pages: tuple[Page, ...]) -> Iterator[tuple[str, bytes]]:
    """Every page's path and bytes, one at a time so memory stays flat."""
    for page in pages:
        yield page.path, render_page(env, page)


def template_names(env: Environment) -> list[str]:
    """The layouts available, for checks that every page has one."""
    return sorted(env.list_templates())


