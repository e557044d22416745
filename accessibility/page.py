"""A built page parsed as browsers parse it, with the source line of every element.

html5lib's trees keep no source positions, so while it parses we note, for each element it
creates, the line its tokenizer has reached: the line where the element's start tag ends.
Elements the parser invents or copies take their parent's line. This reads two html5lib 1.1
internals (the tree builder's `elementClass` and the tokenizer's stream); the version is pinned.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import html5lib
from html5lib.constants import E

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Page:
    """One parsed page: its tree, each element's line, its ids and the parser's complaints."""

    path: str
    root: Any
    lines: Mapping[Any, int]
    ids: Mapping[str, Any]
    errors: tuple[tuple[int, str], ...]


def parse(path: str, text: str) -> Page:
    """Parse a page leniently, as a browser would, keeping lines and parse errors."""
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    lines: dict[Any, int] = {}
    make = parser.tree.elementClass

    def located(name: str, namespace: str | None = None) -> Any:
        """Create an element and note the line the tokenizer is on."""
        node = make(name, namespace)
        lines[node._element] = parser.tokenizer.stream.position()[0]
        return node

    parser.tree.elementClass = located
    root = parser.parse(text)
    inherit_lines(root, lines)
    errors = tuple((line, explain(code, data)) for (line, _), code, data in parser.errors)
    return Page(path, root, lines, first_ids(root), errors)


def inherit_lines(root: Any, lines: dict[Any, int]) -> None:
    """Give each element the parser invented or copied the line of its parent."""
    for parent in root.iter():
        for child in parent:
            lines.setdefault(child, lines.get(parent, 1))


def explain(code: str, data: Mapping[str, Any] | None) -> str:
    """html5lib's English sentence for one of its error codes."""
    template: str = E.get(code, code)
    return (template % data if data else template).rstrip(".")


def first_ids(root: Any) -> dict[str, Any]:
    """Each id and the first element that has it, as `#id` links resolve."""
    ids: dict[str, Any] = {}
    for element in elements(root):
        if element.get("id"):
            ids.setdefault(element.get("id"), element)
    return ids


def elements(root: Any, *names: str) -> Iterator[Any]:
    """The elements under root (itself included) in document order, of the given names if any."""
    for element in root.iter():
        if isinstance(element.tag, str) and (not names or element.tag in names):
            yield element


def line(page: Page, element: Any) -> int:
    """The source line of an element."""
    return page.lines.get(element, 1)


def first(page: Page, *names: str) -> Any | None:
    """The first element with one of the names, or None."""
    return next(elements(page.root, *names), None)


def line_of_first(page: Page, *names: str) -> int:
    """The line of the first element of the first name found, or 1, to place a missing thing."""
    found = (first(page, name) for name in names)
    return next((line(page, element) for element in found if element is not None), 1)


def readable_text(element: Any) -> str:
    """The text a screen reader announces inside an element: its text and images' alt text."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.get("aria-hidden") != "true":
            parts.append(child.get("alt", "") if child.tag == "img" else readable_text(child))
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split())


def accessible_name(page: Page, element: Any) -> str:
    """The name a screen reader gives an element: aria-label, aria-labelledby, then content."""
    label = " ".join(element.get("aria-label", "").split())
    if label:
        return label
    refs = [page.ids[ref] for ref in element.get("aria-labelledby", "").split() if ref in page.ids]
    named = " ".join(readable_text(ref) for ref in refs).strip()
    return named or readable_text(element)


def level(heading: Any) -> int:
    """The level of a heading element, 1 to 6."""
    return int(heading.tag[1])
