"""GitHub's cmark-gfm, the C library inside the cmarkgfm package, reached through ctypes.

cmarkgfm's own functions parse and render in one call, and never free the text they return.
Publishing needs the tree between the two (to turn raw HTML into text) and a build must not
grow with every body, so the few functions it uses are declared here against the same library,
which exports cmark-gfm's whole C API (cmarkgfm is pinned in pyproject.toml). ctypes, not
cffi's parser of C declarations, which would cost every command 50 ms to start.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from cmarkgfm import _cmark

POINTER, TEXT_IN, INT, SIZE = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_size_t
FUNCTIONS: dict[str, tuple[Any, tuple[Any, ...]]] = {
    "cmark_get_default_mem_allocator": (POINTER, ()),
    "cmark_gfm_core_extensions_ensure_registered": (None, ()),
    "cmark_find_syntax_extension": (POINTER, (TEXT_IN,)),
    "cmark_parser_new": (POINTER, (INT,)),
    "cmark_parser_attach_syntax_extension": (INT, (POINTER, POINTER)),
    "cmark_parser_get_syntax_extensions": (POINTER, (POINTER,)),
    "cmark_parser_feed": (None, (POINTER, TEXT_IN, SIZE)),
    "cmark_parser_finish": (POINTER, (POINTER,)),
    "cmark_parser_free": (None, (POINTER,)),
    "cmark_render_html": (POINTER, (POINTER, INT, POINTER)),
    "cmark_render_xml": (POINTER, (POINTER, INT)),
    "cmark_iter_new": (POINTER, (POINTER,)),
    "cmark_iter_next": (INT, (POINTER,)),
    "cmark_iter_get_node": (POINTER, (POINTER,)),
    "cmark_iter_free": (None, (POINTER,)),
    "cmark_node_get_type": (INT, (POINTER,)),
    "cmark_node_get_start_line": (INT, (POINTER,)),
    "cmark_node_get_start_column": (INT, (POINTER,)),
    "cmark_node_get_literal": (TEXT_IN, (POINTER,)),
    "cmark_node_new": (POINTER, (INT,)),
    "cmark_node_set_literal": (INT, (POINTER, TEXT_IN)),
    "cmark_node_append_child": (INT, (POINTER, POINTER)),
    "cmark_node_replace": (INT, (POINTER, POINTER)),
    "cmark_node_free": (None, (POINTER,)),
}
"""The functions used, as cmark-gfm.h declares them: what each returns and takes."""


class Allocator(ctypes.Structure):
    """cmark's `cmark_mem`: the functions that allocate and free what it gives us."""

    _fields_ = [("calloc", POINTER), ("realloc", POINTER),
                ("free", ctypes.CFUNCTYPE(None, POINTER))]


def library() -> Any:
    """cmark-gfm, with the functions we call declared."""
    lib = ctypes.CDLL(_cmark.__file__)
    for name, (returns, takes) in FUNCTIONS.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = returns, list(takes)
    lib.cmark_gfm_core_extensions_ensure_registered()
    return lib


LIB = library()
TABLES = LIB.cmark_find_syntax_extension(b"table")
FREE = Allocator.from_address(LIB.cmark_get_default_mem_allocator()).free

SOURCEPOS = 1 << 1
HTML_BLOCK, PARAGRAPH = 0x8006, 0x8008
TEXT, HTML_INLINE = 0xC001, 0xC005
"""Options and node types of cmark-gfm 0.29 (cmark-gfm.h); tests/test_markdown_engines.py
checks them against the library."""
ENTER, DONE = 2, 1


@dataclass(frozen=True)
class Document:
    """A parsed body: cmark's parser (which owns the table extension) and the tree's root."""

    parser: int
    root: int

    def nodes(self, kinds: tuple[int, ...]) -> list[tuple[int, int]]:
        """The nodes of the given types with their type, in document order."""
        found = []
        walk = LIB.cmark_iter_new(self.root)
        while (event := LIB.cmark_iter_next(walk)) != DONE:
            node = LIB.cmark_iter_get_node(walk)
            kind = LIB.cmark_node_get_type(node)
            if event == ENTER and kind in kinds:
                found.append((node, kind))
        LIB.cmark_iter_free(walk)
        return found

    def html(self) -> str:
        """cmark's safe HTML: raw HTML left out, script and data links emptied."""
        return taken(LIB.cmark_render_html(self.root, 0,
                                           LIB.cmark_parser_get_syntax_extensions(self.parser)))

    def xml(self) -> str:
        """cmark's XML, with every node's source position (inline ones too)."""
        return taken(LIB.cmark_render_xml(self.root, SOURCEPOS))


def taken(text: int) -> str:
    """Text that cmark allocated for us, as a str, its memory given back."""
    try:
        return ctypes.string_at(text).decode("utf-8")
    finally:
        FREE(text)


@contextmanager
def parsed(data: bytes) -> Iterator[Document]:
    """Parse CommonMark plus tables (no other GitHub extension), keeping source positions."""
    parser = LIB.cmark_parser_new(SOURCEPOS)
    LIB.cmark_parser_attach_syntax_extension(parser, TABLES)
    LIB.cmark_parser_feed(parser, data, len(data))
    root = LIB.cmark_parser_finish(parser)
    try:
        yield Document(parser, root)
    finally:
        LIB.cmark_node_free(root)
        LIB.cmark_parser_free(parser)


def start(node: int) -> tuple[int, int]:
    """Where a node starts: line and byte column, both from 1."""
    return LIB.cmark_node_get_start_line(node), LIB.cmark_node_get_start_column(node)


def literal(node: int) -> bytes:
    """A leaf's text as written (raw HTML, code, text)."""
    return bytes(LIB.cmark_node_get_literal(node))


def text_node(content: bytes) -> int:
    """A new text node: its content is escaped when rendered, whatever it holds."""
    node = LIB.cmark_node_new(TEXT)
    LIB.cmark_node_set_literal(node, content)
    return int(node)


def replace(old: int, new: int) -> None:
    """Put a new node where an old one was, and free the old one (never while still in the
    tree: a replace the parent refuses is an error)."""
    if not LIB.cmark_node_replace(old, new):
        LIB.cmark_node_free(new)
        raise RuntimeError("cmark refused to replace a node")
    LIB.cmark_node_free(old)


def paragraph(content: bytes) -> int:
    """A new paragraph holding one text node."""
    node = LIB.cmark_node_new(PARAGRAPH)
    LIB.cmark_node_append_child(node, text_node(content))
    return int(node)
