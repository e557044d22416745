"""Accessibility checks of BUILT pages: one small function a rule, each returning problems.

Each rule reads a parsed `Page` and says what is wrong, where, and how to fix the template.
`check_page` runs every rule on one page; `check_built_site` on every page of a built site.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import chain, pairwise
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from openings.build.pool import ordered_map
from openings.errors import WARNING, Problem

from .page import (
    HEADINGS,
    Page,
    accessible_name,
    elements,
    first,
    level,
    line,
    line_of_first,
    parse,
    readable_text,
)
from .text import display, is_generic, quote

LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")
ALWAYS_FOCUSABLE = frozenset({"button", "select", "textarea", "iframe", "summary"})


def parse_errors(page: Page) -> list[Problem]:
    """Malformed HTML is repaired differently by each browser and screen reader."""
    return [Problem(page.path, at, f"the HTML is malformed: {message}; fix the template so "
                    "every browser reads the page the same way") for at, message in page.errors]


def html_lang(page: Page) -> list[Problem]:
    """Without the page's language, screen readers read it with the wrong voice."""
    html = first(page, "html")
    if html is not None and html.get("lang", "").strip():
        return []
    return [Problem(page.path, line_of_first(page, "html"), "the page has no language: add "
                    'lang="en" (or the page\'s language) to the <html> tag')]


def title(page: Page) -> list[Problem]:
    """The title is the first thing announced and the name of the browser tab."""
    found = first(page, "title")
    if found is not None and readable_text(found):
        return []
    return [Problem(page.path, line_of_first(page, "title", "head"), "the page has no title: "
                    "add <title>what this page is – site name</title> inside <head>")]


def one_main(page: Page) -> list[Problem]:
    """Landmark navigation and the skip link need exactly one main region."""
    mains = list(elements(page.root, "main"))
    if not mains:
        return [Problem(page.path, line_of_first(page, "body"), "the page has no <main> "
                        "element: wrap the page's own content in <main id=\"main\">")]
    return [Problem(page.path, line(page, extra), "the page has more than one <main> element "
                    f"(the first is on line {line(page, mains[0])}); keep only one")
            for extra in mains[1:]]


def one_h1(page: Page) -> list[Problem]:
    """The single h1 tells screen reader users what the page is about."""
    h1s = list(elements(page.root, "h1"))
    if not h1s:
        return [Problem(page.path, line_of_first(page, "main", "body"), "the page has no <h1> "
                        "heading: give the page one <h1> naming what it is about")]
    return [Problem(page.path, line(page, extra), "the page has more than one <h1> heading "
                    f"(the first is on line {line(page, h1s[0])}); make this one an <h2>")
            for extra in h1s[1:]]


def heading_skips(page: Page) -> list[Problem]:
    """Screen reader users browse by heading; a skipped level looks like missing content."""
    heads = list(elements(page.root, *HEADINGS))
    return [Problem(page.path, line(page, after), f"the <{after.tag}> heading "
                    f"{quote(readable_text(after))} follows an <{before.tag}>, skipping a level; "
                    f"make it an <h{level(before) + 1}>")
            for before, after in pairwise(heads)
            if level(after) > level(before) + 1]


def is_focusable(element: Any) -> bool:
    """Whether the Tab key stops on the element."""
    tabindex = element.get("tabindex", "").strip()
    if element.get("disabled") is not None:
        return False
    if re.fullmatch(r"[+-]?\d+", tabindex):
        return int(tabindex) >= 0
    if element.tag in ("a", "area"):
        return element.get("href") is not None
    if element.tag == "input":
        return str(element.get("type", "")).strip().lower() != "hidden"
    if element.tag in ("audio", "video"):
        return element.get("controls") is not None
    return element.tag in ALWAYS_FOCUSABLE or element.get("contenteditable") is not None


def in_main(page: Page, target: Any) -> bool:
    """Whether an element is a main element or inside one."""
    return any(node is target for main in elements(page.root, "main") for node in main.iter())


def skip_link(page: Page) -> list[Problem]:
    """Keyboard users need a first link that jumps past the header to the main content."""
    fix = 'make the first link in <body> <a href="#main">Skip to main content</a>'
    body = first(page, "body")
    focusable = next((el for el in elements(body) if is_focusable(el)), None) if body else None
    if focusable is None:
        where = line_of_first(page, "body")
        return [Problem(page.path, where, f"the page has no skip link: {fix}")]
    where = line(page, focusable)
    href = focusable.get("href", "") if focusable.tag == "a" else ""
    if not href.startswith("#"):
        return [Problem(page.path, where, f"the first thing the Tab key reaches is not a skip "
                        f"link to the main content: {fix}")]
    target = page.ids.get(unquote(href[1:]))
    if target is None or not in_main(page, target):
        return [Problem(page.path, where, f"the skip link points to {href}, which is not the "
                        '<main> element or inside it; give <main> that id, e.g. <main id="main">')]
    return []


def image_alt(page: Page) -> list[Problem]:
    """Screen readers read out an image's alt text, or its file name when there is none."""
    return [Problem(page.path, line(page, img), f"the image {quote(img.get('src', ''))} has no "
                    'alt attribute: describe it in alt="…", or write alt="" if it is decoration')
            for img in elements(page.root, "img") if img.get("alt") is None]


def controls(page: Page) -> list[Any]:
    """The links and buttons of a page."""
    return [el for el in elements(page.root, "a", "button")
            if el.tag == "button" or el.get("href") is not None]


def control_names(page: Page) -> list[Problem]:
    """A link or button with no name is announced as just "link" or "button"."""
    return [Problem(page.path, line(page, el), f"this <{el.tag}> has no text a screen reader "
                    "can announce: put words inside it, or add aria-label=\"…\" saying what it "
                    "does")
            for el in controls(page) if not accessible_name(page, el)]


def generic_links(page: Page) -> list[Problem]:
    """Screen reader users list a page's links; "click here" out of context means nothing."""
    return [Problem(page.path, line(page, el), f"the link text {quote(accessible_name(page, el))} "
                    "does not say where the link goes; use words that describe the destination",
                    WARNING)
            for el in controls(page) if el.tag == "a" and is_generic(accessible_name(page, el))]


def duplicate_ids(page: Page) -> list[Problem]:
    """Links, labels and aria-labelledby reach only the first element with an id."""
    seen: dict[str, int] = {}
    found = []
    for el in elements(page.root):
        name = el.get("id")
        if name and name in seen:
            found.append(Problem(page.path, line(page, el), f'the id "{name}" is used again '
                                 f"(first on line {seen[name]}); every id must be unique"))
        elif name:
            seen[name] = line(page, el)
    return found


def empty_headings(page: Page) -> list[Problem]:
    """An empty heading is announced as a heading with nothing to say."""
    return [Problem(page.path, line(page, head), f"the <{head.tag}> heading is empty: give it "
                    "text, or remove it")
            for head in elements(page.root, *HEADINGS) if not readable_text(head)]


def table_headers(page: Page) -> list[Problem]:
    """Without header cells, screen readers cannot say which column a value belongs to."""
    return [Problem(page.path, line(page, table), "the table has no header cells: mark its "
                    "first row (or column) with <th> instead of <td>")
            for table in elements(page.root, "table") if first_in(table, "th") is None]


def first_in(element: Any, name: str) -> Any | None:
    """The first element of a name under an element, or None."""
    return next(elements(element, name), None)


def lang_values(page: Page) -> list[Problem]:
    """A lang value that is not a language code is ignored, so the wrong voice is used."""
    return [Problem(page.path, line(page, el), f'lang="{el.get("lang")}" is not a language '
                    'code; use a code such as "en", "fr" or "fr-CA"')
            for el in elements(page.root) if el.get("lang", "").strip()
            and not LANGUAGE_TAG.fullmatch(el.get("lang").strip())]


RULES: tuple[Callable[[Page], list[Problem]], ...] = (
    parse_errors, html_lang, title, one_main, one_h1, heading_skips, skip_link, image_alt,
    control_names, generic_links, duplicate_ids, empty_headings, table_headers, lang_values,
)


def check_page(path: str, text: str) -> list[Problem]:
    """Every accessibility problem of one built page, in line order."""
    page = parse(path, text)
    return sorted(problem for rule in RULES for problem in rule(page))


def check_file(path: Path) -> list[Problem]:
    """Check one page file; a page that is not UTF-8 is itself a problem."""
    shown = display(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as err:
        return [Problem(shown, 1, f"cannot read the page: {err.strerror}")]
    except UnicodeDecodeError:
        return [Problem(shown, 1, "the page is not UTF-8 text; save the template as UTF-8 and "
                        "build the site again")]
    return check_page(shown, text)


def check_rendered(item: tuple[str, bytes]) -> list[Problem]:
    """Check one page rendered in memory (a worker's unit of work: its path and bytes)."""
    path, data = item
    return check_page(path, data.decode("utf-8"))


def check_pages(pages: Iterable[tuple[str, bytes]], jobs: int = 1) -> list[Problem]:
    """Every accessibility problem of the HTML pages among some rendered in memory, in their
    order, on up to `jobs` processes (html5lib is pure Python: parsing is most of the work)."""
    html = ((path, data) for path, data in pages if path.endswith(".html"))
    return list(chain.from_iterable(ordered_map(check_rendered, html, jobs)))


def check_built_site(folder: Path, jobs: int = 1) -> list[Problem]:
    """Every accessibility problem of every page of a built site, on up to `jobs` processes."""
    pages = [path for path in sorted(folder.rglob("*.html")) if path.is_file()]
    return list(chain.from_iterable(ordered_map(check_file, pages, jobs)))
