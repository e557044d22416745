"""A posting body for readers: editors' Markdown -> safe HTML, with cmark-gfm (compiled C).

CommonMark plus tables and nothing else. Raw HTML is shown as the text the editor typed, never
dropped; links keep only safe schemes; body headings are shifted so that the posting title
stays the page's only h1; tables scroll in their own labelled region on narrow screens; images
on other sites become links. cmark renders in its safe mode, which holds no raw HTML, so these
rules are a pass over its own tags. Editors' checks read the same Markdown with markdown-it-py
(`markdown_tokens.py`); tests/test_markdown_engines.py shows that both see the same structure.
"""

from __future__ import annotations

import re
from html import escape, unescape

from . import cmark

SAFE_SCHEMES = ("http:", "https:", "mailto:")
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
"""Control characters and non-characters HTML forbids (pasted text brings them in unseen)."""
TOP_BODY_LEVEL = 2
OTHER_SITE = ("http:", "https:", "//")
LINE_END = re.compile(rb"\r\n?|\n")
HEADING_LEVEL = re.compile(r"<h([1-6])>")
HEADING = re.compile(r"<(/?)h([1-6])>")
LINK = re.compile(r'<a href="([^"]*)"((?: title="[^"]*")?)>(.*?)</a>', re.DOTALL)
IMAGE = re.compile(r'<img src="([^"]*)" alt="([^"]*)"(?: title="[^"]*")? />')
LINK_XML = re.compile(r'<link sourcepos="(\d+):\d+-\d+:\d+" destination="([^"]*)"')
ALIGNMENTS = ("left", "center", "right")

Links = tuple[tuple[int, str], ...]


def is_safe_link(url: str) -> bool:
    """Allow http, https, mailto and relative links; refuse every other scheme."""
    compact = "".join(url.split()).lower()
    scheme, colon, _ = compact.partition(":")
    if not colon or "/" in scheme or "?" in scheme or "#" in scheme:
        return True
    return compact.startswith(SAFE_SCHEMES)


def render(body: str, table_label: str = "Table") -> tuple[str, Links]:
    """A body's safe HTML, and the target and body line (from 0) of each link written with a
    safe scheme (an empty target too, which readers get as words), for the posting rules."""
    data = FORBIDDEN.sub("", body).encode("utf-8", "replace")
    if b"<" in data:
        data = without_html_blocks(data)
    with cmark.parsed(data) as document:
        if b"<" in data:
            raw_html_as_text(document)
        html = document.html()
        links = link_lines(document) if "<a " in html else ()
    return for_readers(html, table_label), links


HTML_BLOCK_PASSES = 8
"""How often blocks are escaped and the body read again: a pasted page of HTML would otherwise
be read once per line; what is left after that becomes plain text (`raw_html_as_text`)."""


def without_html_blocks(data: bytes) -> bytes:
    """Escape the `<` that opens each raw HTML block, again until none is left (or for a few
    passes), so that its lines are read as Markdown: as CommonMark reads them with raw HTML off
    (markdown-it-py)."""
    for _ in range(HTML_BLOCK_PASSES):
        with cmark.parsed(data) as document:
            starts = [cmark.start(node) for node, _ in document.nodes((cmark.HTML_BLOCK,))]
        escaped = escape_at(data, starts)
        if escaped == data:
            return data
        data = escaped
    return data


def escape_at(data: bytes, starts: list[tuple[int, int]]) -> bytes:
    """The text with each `<` found at a (line, column) written as `&lt;`."""
    lines = [0, *(match.end() for match in LINE_END.finditer(data))]
    for line, column in sorted(starts, reverse=True):
        at = lines[line - 1] + column - 1 if 0 < line <= len(lines) and column > 0 else -1
        if at >= 0 and data[at:at + 1] == b"<":
            data = data[:at] + b"&lt;" + data[at + 1:]
    return data


def raw_html_as_text(document: cmark.Document) -> None:
    """Raw HTML becomes the text the editor typed: escaped when rendered, never a tag."""
    for node, kind in document.nodes((cmark.HTML_INLINE, cmark.HTML_BLOCK)):
        written = cmark.literal(node)
        cmark.replace(node, cmark.text_node(written) if kind == cmark.HTML_INLINE
                      else cmark.paragraph(written.rstrip(b"\n")))


def link_lines(document: cmark.Document) -> Links:
    """Each link's target as written, with the body line it starts on (from 0), from cmark's
    own source positions; links with other schemes are words to readers, so not links here."""
    found = ((int(line) - 1, unescape(url)) for line, url in LINK_XML.findall(document.xml()))
    return tuple((line, url) for line, url in found if is_safe_link(url))


def for_readers(html: str, table_label: str) -> str:
    """cmark's HTML with our rules: headings, links, images, cell alignment, table regions."""
    html = shift_headings(html)
    if "<a " in html:
        html = LINK.sub(safe_link, html)
    if "<img " in html:
        html = IMAGE.sub(shown_image, html)
    return label_tables(align_cells(html), table_label) if "<table>" in html else html


def shift_headings(html: str) -> str:
    """Move body headings so that the body's top level is h2 and none goes past h6."""
    levels = HEADING_LEVEL.findall(html)
    shift = TOP_BODY_LEVEL - int(min(levels)) if levels else 0
    if not shift:
        return html
    return HEADING.sub(lambda match: f"<{match[1]}h{min(6, int(match[2]) + shift)}>", html)


def safe_link(match: re.Match[str]) -> str:
    """A link with a safe, non-empty target stays (other sites' with `rel="noopener"`: the
    page they open cannot reach back); any other link is its words alone."""
    href, title, words = match.groups()
    url = unescape(href)
    if not url or not is_safe_link(url):
        return words
    if "<img " in words:
        words = IMAGE.sub(image_in_link, words)
    rel = ' rel="noopener"' if url.lower().startswith(OTHER_SITE) else ""
    return f'<a href="{href}"{title}{rel}>{words}</a>'


def shown_image(match: re.Match[str]) -> str:
    """An image on another site becomes a link to it: loading it would tell that site who
    reads the posting (and the pages' policy refuses it). The site's own images show."""
    source, alt = match[1], match[2]
    url = unescape(source)
    if not url or not is_safe_link(url):
        return alt
    if url.lower().startswith(OTHER_SITE):
        return f'<a href="{source}" rel="noopener">{alt or source}</a>'
    return match[0]


def image_in_link(match: re.Match[str]) -> str:
    """Inside a link, an image on another site is its alt text: a link cannot hold a link."""
    return match[2] if unescape(match[1]).lower().startswith(OTHER_SITE) else match[0]


def align_cells(html: str) -> str:
    """Table cells say their alignment with a class, not the obsolete `align` attribute (and
    never a `style`, which the pages' Content-Security-Policy refuses)."""
    for side in ALIGNMENTS:
        html = html.replace(f' align="{side}"', f' class="cell--{side}"')
    return html


def label_tables(html: str, table_label: str) -> str:
    """Wrap each table in a focusable region, numbered within the body and labelled in the
    page's language, that scrolls by itself on a narrow screen."""
    first, *rest = html.split("<table>")
    label = escape(table_label)
    opened = "".join(f'<div class="table-scroll" role="region" tabindex="0" '
                     f'aria-label="{label} {number}">\n<table>{part}'
                     for number, part in enumerate(rest, 1))
    return first + opened.replace("</table>\n", "</table>\n</div>\n")
