"""Editors' Markdown -> safe HTML: CommonMark plus tables, no raw HTML, safe links only.

One parser for the whole build. Body headings are shifted so the posting title stays the
page's only h1, and tables scroll in their own labelled region on narrow screens.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

SAFE_SCHEMES = ("http:", "https:", "mailto:")
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
"""Control characters and non-characters HTML forbids (pasted text brings them in unseen)."""
TOP_BODY_LEVEL = 2


def is_safe_link(url: str) -> bool:
    """Allow http, https, mailto and relative links; refuse every other scheme."""
    compact = "".join(url.split()).lower()
    scheme, colon, _ = compact.partition(":")
    if not colon or "/" in scheme or "?" in scheme or "#" in scheme:
        return True
    return compact.startswith(SAFE_SCHEMES)


def shift_headings(state: StateCore) -> None:
    """Move body headings so that the body's top level is h2 and none goes past h6."""
    heads = [t for t in state.tokens if t.type in ("heading_open", "heading_close")]
    if not heads:
        return
    shift = TOP_BODY_LEVEL - min(int(t.tag[1]) for t in heads)
    for token in heads:
        token.tag = f"h{min(6, int(token.tag[1]) + shift)}"


def align_cells(state: StateCore) -> None:
    """Table cells say their alignment with a class, not a `style` attribute, which the
    pages' Content-Security-Policy refuses."""
    for token in state.tokens:
        style = str(token.attrGet("style") or "")
        if token.type in ("th_open", "td_open") and style.startswith("text-align:"):
            del token.attrs["style"]
            token.attrSet("class", f"cell--{style.removeprefix('text-align:')}")


def render_table_open(renderer: RendererHTML, tokens: Sequence[Token], idx: int,
                      options: OptionsDict, env: EnvType) -> str:
    """Wrap a table in a focusable, labelled region that scrolls by itself on a narrow screen."""
    env["tables"] = env.get("tables", 0) + 1
    label = escapeHtml(f"{env.get('table_label', 'Table')} {env['tables']}")
    return (f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}">\n'
            "<table>\n")


def render_table_close(renderer: RendererHTML, tokens: Sequence[Token], idx: int,
                       options: OptionsDict, env: EnvType) -> str:
    """Close the table and its scrolling region."""
    return "</table>\n</div>\n"


def render_link_open(renderer: RendererHTML, tokens: Sequence[Token], idx: int,
                     options: OptionsDict, env: EnvType) -> str:
    """Links to other sites get `rel="noopener"`: the page they open cannot reach back."""
    token = tokens[idx]
    if str(token.attrGet("href") or "").lower().startswith(("http:", "https:")):
        token.attrSet("rel", "noopener")
    return renderer.renderToken(tokens, idx, options, env)


def render_image(renderer: RendererHTML, tokens: Sequence[Token], idx: int,
                 options: OptionsDict, env: EnvType) -> str:
    """An image on another site becomes a link to it: loading it would tell that site who
    reads the posting (and the pages' policy refuses it). The site's own images show."""
    token = tokens[idx]
    source = str(token.attrGet("src") or "")
    if not source.lower().startswith(("http:", "https:", "//")):
        return renderer.image(tokens, idx, options, env)
    text = escapeHtml(renderer.renderInlineAsText(token.children or [], options, env)
                      or source)
    return f'<a href="{escapeHtml(source)}" rel="noopener">{text}</a>'


def make_parser() -> MarkdownIt:
    """The one Markdown parser: CommonMark, tables, raw HTML shown as text."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.validateLink = is_safe_link  # type: ignore[method-assign]
    md.core.ruler.push("shift_headings", shift_headings)
    md.core.ruler.push("align_cells", align_cells)
    md.add_render_rule("table_open", render_table_open)
    md.add_render_rule("table_close", render_table_close)
    md.add_render_rule("link_open", render_link_open)
    md.add_render_rule("image", render_image)
    return md


PARSER = make_parser()


def to_html(body: str, table_label: str = "Table") -> str:
    """Render a posting body; the result never holds raw HTML or an unsafe link."""
    return render(body, table_label)[0]


def link_targets(tokens: Sequence[Token]) -> tuple[tuple[int, str], ...]:
    """Every link's target with the body line it is on (counting line breaks in paragraphs)."""
    found = []
    for token in tokens:
        line = token.map[0] if token.map else 0
        for child in token.children or []:
            line += child.type in ("softbreak", "hardbreak")
            if child.type == "link_open":
                found.append((line, str(child.attrGet("href") or "")))
    return tuple(found)


def render(body: str, table_label: str = "Table") -> tuple[str, tuple[tuple[int, str], ...]]:
    """A body's safe HTML and its links, from one parse."""
    env = {"table_label": table_label}
    tokens = PARSER.parse(FORBIDDEN.sub("", body), env)
    html: str = PARSER.renderer.render(tokens, PARSER.options, env)
    return html, link_targets(tokens)


def to_tokens(body: str) -> list[Any]:
    """The parsed tokens of a body, for checkers that read structure."""
    return PARSER.parse(body)
