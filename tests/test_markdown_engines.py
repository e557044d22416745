"""Two engines read editors' Markdown: cmark-gfm publishes it (openings/content/markdown.py)
and markdown-it-py gives the editors' checks their tokens and lines
(openings/content/markdown_tokens.py).
What editors are told must be what readers get: both see the same headings, links, images and
tables, links on the same lines, and both keep every safety rule."""

from __future__ import annotations

import ctypes
import random
import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from hypothesis import given

from accessibility.markdown import inline_runs, located
from bench.generate import body as generated_body
from openings.content import cmark
from openings.content.markdown import TOP_BODY_LEVEL, is_safe_link, render
from openings.content.markdown_tokens import to_tokens
from openings.content.source import read_source
from tests.conftest import LAYOUTS, NOW, make_content, posting
from tests.test_properties import (
    SETTINGS,
    assert_safe_html,
    markdown_text,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = sorted((ROOT / "content").glob("*.md"))
HOSTILE = sorted((ROOT / "tests" / "hostile").glob("*.md"))
GENERATED = 2000


@dataclass
class Seen:
    """What a reader meets in a body, in order: headings (level, words), links, images, and
    each table's header cells and number of rows."""

    headings: list[tuple[int, str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    images: list[tuple[str, str]] = field(default_factory=list)
    tables: list[tuple[int, int]] = field(default_factory=list)


def words(text: str) -> str:
    """Words as a reader hears them: runs of white space are one space."""
    return " ".join(text.split())


def address(url: str) -> str:
    """A link target, whichever engine percent-encoded it."""
    return unquote(url)


def other_site(url: str) -> bool:
    """An image that publishing turns into a link."""
    return url.lower().startswith(("http:", "https:", "//"))


class Published(HTMLParser):
    """What readers get: read from the HTML that cmark and our rules publish."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen = Seen()
        self.heading: tuple[int, list[str]] | None = None
        self.cells = self.rows = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = (int(tag[1]), [])
        elif tag == "a":
            self.seen.links.append(address(found["href"]))
        elif tag == "img":
            self.seen.images.append((address(found["src"]), words(found["alt"])))
            self.handle_data(found["alt"])
        elif tag == "table":
            self.cells = self.rows = 0
        elif tag == "th":
            self.cells += 1
        elif tag == "tr":
            self.rows += 1

    def handle_endtag(self, tag: str) -> None:
        if self.heading and tag == f"h{self.heading[0]}":
            self.seen.headings.append((self.heading[0], words("".join(self.heading[1]))))
            self.heading = None
        elif tag == "table":
            self.seen.tables.append((self.cells, self.rows - 1))

    def handle_data(self, data: str) -> None:
        if self.heading:
            self.heading[1].append(data)


def inline_words(token: Any) -> str:
    """The words of an inline token as readers get them (images show their alt text)."""
    return words("".join(" " if child.type in ("softbreak", "hardbreak") else child.content
                         for child in token.children or []
                         if child.type in ("text", "code_inline", "image", "softbreak",
                                           "hardbreak")))


def told(tokens: list[Any]) -> Seen:
    """What markdown-it-py tells editors' checks, with publishing's rules applied to it: an
    image on another site is a link (its alt text inside a link), an empty target no link."""
    seen = Seen()
    levels = [int(token.tag[1]) for token in tokens if token.type == "heading_open"]
    shift = TOP_BODY_LEVEL - min(levels, default=TOP_BODY_LEVEL)
    head = False
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            seen.headings.append((min(6, int(token.tag[1]) + shift),
                                  inline_words(tokens[index + 1])))
        elif token.type in ("thead_open", "thead_close"):
            head = token.type == "thead_open"
        elif token.type == "table_open":
            seen.tables.append((0, 0))
        elif token.type == "th_open":
            seen.tables[-1] = (seen.tables[-1][0] + 1, seen.tables[-1][1])
        elif token.type == "tr_open" and not head:
            seen.tables[-1] = (seen.tables[-1][0], seen.tables[-1][1] + 1)
        inline_seen(token.children or [], seen)
    return seen


def inline_seen(children: list[Any], seen: Seen) -> None:
    """The links and images of one inline run."""
    linked = False
    for child in children:
        target = str(child.attrGet("href") or child.attrGet("src") or "")
        linked = (linked or child.type == "link_open") and child.type != "link_close"
        is_link = child.type == "link_open" and bool(target)
        if is_link or (child.type == "image" and other_site(target) and not linked):
            seen.links.append(address(target))
        elif child.type == "image" and not other_site(target):
            seen.images.append((address(target), words(child.content)))


def lines_told(tokens: list[Any]) -> list[tuple[int, str]]:
    """Each link with its line, as the editors' accessibility checks count lines."""
    return [(at, address(str(child.attrGet("href"))))
            for run in inline_runs(tokens, 0)
            for at, child in located(run) if child.type == "link_open"]


def readers(body: str) -> tuple[Seen, list[tuple[int, str]]]:
    """What publishing gives readers, and the links the posting rules read, with their lines."""
    html, links = render(body)
    reader = Published()
    reader.feed(html)
    reader.close()
    return reader.seen, [(line, address(url)) for line, url in links]


def editors(body: str) -> tuple[Seen, list[tuple[int, str]]]:
    """What the editors' checks are told, and their link lines."""
    tokens = to_tokens(body)
    return told(tokens), lines_told(tokens)


def bodies(paths: list[Path]) -> list[tuple[str, str]]:
    """The body of each file that has one."""
    found = []
    for path in paths:
        source, _ = read_source(path.name, path.read_bytes())
        if source is not None:
            found.append((path.name, source.body))
    return found


def corpus() -> list[tuple[str, str]]:
    """The sample postings, the hostile files and generated postings."""
    rng = random.Random(20261129)
    return [*bodies(SAMPLE), *bodies(HOSTILE),
            *((f"generated-{n}", generated_body(rng)) for n in range(GENERATED))]


def test_both_engines_see_the_same_headings_links_images_tables_and_link_lines() -> None:
    found = corpus()
    assert len(found) >= len(SAMPLE) + GENERATED
    assert "script-injection.md" in dict(found)
    assert [name for name, text in found if readers(text) != editors(text)] == []


FEATURES = [
    "Title\n=====\n\nSection\n-------\n\n### The `code` and *words*",
    "# One\n\n#### Four\n\n###### Six\n\n## Two",
    "First line\nsecond [link](https://www.ontario.ca/a)\nthird [two](/jobs/)  \nfourth "
    "[three](mailto:jobs@ontario.ca)",
    "Read [the guide][guide] or [it].\n\n[guide]: https://www.ontario.ca/guide\n"
    "[it]: <../about/> \"About\"",
    "Write to <jobs@ontario.ca> or see <https://www.ontario.ca/page/jobs>.",
    "![Team at work](images/team.png \"Team\")\n\n![Logo *bold*](https://cdn.example/l.png)",
    "[![Badge](images/b.png)](https://www.ontario.ca/)\n\n[![Far](https://x.example/i.png)](/a/)",
    "> Quoted [link](https://q.example/)\n> on [two lines](http://two.example/)\n\n"
    "- item [a](https://a.example/)\n  - nested [b](https://b.example/)\n\n"
    "1. first\n\n   [c](https://c.example/)",
    "| Step | Pay | Note |\n|:---|---:|:---:|\n| [1](https://s.example/) | $1 | x |\n| 2 |",
    "Some text\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| only |\n|---|",
    "```\n# not a heading [nor a link](https://x.example/)\n```\n\n    ## indented code",
    "[http link](http://www.ontario.ca/jobs) and [www](www.ontario.ca) and [empty]()",
    "<div>\n# Inside a block\n[link](https://www.ontario.ca/)\n</div>",
    "> <table>\n> ## Quoted\n> </table>",
    "- <p>\n  ### Listed [x](https://x.example/)\n  </p>",
    "<!-- a comment\n# Heading\n-->",
    "<script>\n| a | b |\n|---|---|\n| 1 | 2 |\n</script>",
    "Text <b>bold</b> and <a href=\"https://x.example/\">a tag</a> and [a link](/a/)",
]


@pytest.mark.parametrize("body", FEATURES)
def test_both_engines_agree_on_each_feature_of_markdown(body: str) -> None:
    assert readers(body) == editors(body)


# --- What the engines see where they legitimately differ -----------------------------------

RAW_BLOCKS = [body for body in FEATURES if body.startswith(("<", "> <", "- <"))]


@pytest.mark.parametrize("body", RAW_BLOCKS)
def test_raw_html_blocks_are_text_and_never_hide_the_markdown_inside_them(body: str) -> None:
    html = render(body)[0]
    seen, _ = readers(body)
    assert "&lt;" in html
    assert seen.headings or seen.tables


def test_a_deep_list_keeps_every_level_for_readers() -> None:
    body = "\n".join("  " * depth + f"- level {depth}" for depth in range(40))
    assert "level 39" in render(body)[0]


# --- Safety through both paths --------------------------------------------------------------

def assert_safe_tokens(body: str) -> None:
    """The editors' tokens hold no raw HTML and no link or image with an unsafe target."""
    for token in to_tokens(body):
        assert not token.type.startswith("html_"), token
        for child in token.children or []:
            assert not child.type.startswith("html_"), child
            target = child.attrGet("href") or child.attrGet("src")
            assert target is None or is_safe_link(str(target)), child


@pytest.mark.parametrize(("name", "text"), bodies(HOSTILE))
def test_the_hostile_files_are_safe_through_both_engines(name: str, text: str) -> None:
    assert_safe_html(render(text)[0])
    assert_safe_tokens(text)


@SETTINGS
@given(markdown_text)
def test_random_markdown_is_safe_through_both_engines(text: str) -> None:
    assert_safe_html(render(text)[0])
    assert_safe_tokens(text)


# --- The library under publishing -----------------------------------------------------------

def test_the_node_types_we_name_are_the_librarys() -> None:
    type_name = cmark.LIB.cmark_node_get_type_string
    type_name.restype, type_name.argtypes = ctypes.c_char_p, [ctypes.c_void_p]
    expected = {cmark.HTML_BLOCK: b"html_block", cmark.HTML_INLINE: b"html_inline",
                cmark.TEXT: b"text", cmark.PARAGRAPH: b"paragraph"}
    with cmark.parsed(b"<div>\n\nSome <b>bold</b> words\n") as document:
        found = document.nodes(tuple(expected))
        assert {kind for _, kind in found} == set(expected)
        assert all(type_name(node) == expected[kind] for node, kind in found)


BUILD = """
import datetime, sys
from pathlib import Path
from openings import render_site
pages = dict(render_site(Path(sys.argv[1]), Path(sys.argv[2]), {now!r}))
assert b"Apply" in pages["jobs/job/index.html"]
print("markdown_it" in sys.modules)
"""


def test_a_build_never_imports_the_editors_engine(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"job.md": posting() + "\n[Apply](https://x.ca)\n"})
    ran = subprocess.run([sys.executable, "-c", BUILD.format(now=NOW), str(content), str(LAYOUTS)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert ran.stdout.strip() == "False"
