"""Stage 4, render: Page -> bytes, with one Jinja2 environment that escapes everything."""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from jinja2.bccache import Bucket
from markupsafe import Markup

from ..digests import digest
from ..messages import translator
from ..pages.page import Card, DataFile, Page
from ..policy import CONTENT_SECURITY_POLICY, REFERRER_POLICY

FINGERPRINTED = (".css", ".js")
CARDS_KEPT = 65_536
TEMPLATES_REMEMBERED = 128


@dataclass(frozen=True)
class Assets:
    """The layouts' static files as published: CSS and JavaScript under names that carry a
    hash of their bytes (so hosts may cache them for a year), everything else as it is."""

    names: Mapping[str, str]
    files: tuple[tuple[str, bytes], ...]


def published_name(relative: str, data: bytes) -> str:
    """`openings.css` -> `assets/openings.1a2b3c4d5e.css`; fonts and licences keep their names."""
    stem, dot, suffix = relative.rpartition(".")
    if "." + suffix not in FINGERPRINTED:
        return f"assets/{relative}"
    return f"assets/{stem}.{digest(data)[:10]}{dot}{suffix}"


def load_assets(static: Path) -> Assets:
    """Read the static folder once for a build."""
    names, files = {}, []
    for path in sorted(p for p in static.rglob("*") if p.is_file()):
        relative, data = path.relative_to(static).as_posix(), path.read_bytes()
        names[relative] = published_name(relative, data)
        files.append((names[relative], data))
    return Assets(names, tuple(files))


class RememberedTemplates(BytecodeCache):
    """Compiled templates kept in this process: a process that builds many times (the tests,
    the preview, a program using Openings) compiles each layout once. Jinja2 checks each
    against its template's source, not against the environment's settings, so it backs only
    `make_environment`'s environments, whose settings never change. The oldest are forgotten
    first; the preview's threads may share it."""

    def __init__(self) -> None:
        self.held: OrderedDict[str, bytes] = OrderedDict()
        self.lock = threading.Lock()

    def load_bytecode(self, bucket: Bucket) -> None:
        """Skip compiling a template this process compiled before."""
        with self.lock:
            code = self.held.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Remember a compiled template for the next environment."""
        code = bucket.bytecode_to_string()
        with self.lock:
            self.held[bucket.key] = code
            self.held.move_to_end(bucket.key)
            while len(self.held) > TEMPLATES_REMEMBERED:
                self.held.popitem(last=False)


REMEMBERED = RememberedTemplates()


class CompiledTemplates(FileSystemBytecodeCache):
    """Jinja2's compiled templates kept in a folder for the next build's processes, and in this
    process (`REMEMBERED`) for its next build. It never fails a build: a template that cannot
    be read back or kept (the folder gone, or not writable) is compiled again."""

    def load_bytecode(self, bucket: Bucket) -> None:
        """Read a compiled template back from the folder, or from this process, which then
        keeps it in the folder too."""
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)
        if bucket.code is None:
            REMEMBERED.load_bytecode(bucket)
            if bucket.code is not None:
                with contextlib.suppress(OSError):
                    super().dump_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a compiled template, when it can be kept."""
        REMEMBERED.dump_bytecode(bucket)
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def make_environment(layouts: Path, assets: Assets | None = None,
                     compiled: Path | None = None) -> Environment:
    """Jinja2 with autoescaping on for every template and undefined names as errors; `asset()`
    gives a static file's published path. Each template is compiled once and never looked at
    again on disk (the preview makes a new environment when a layout changes); a build keeps
    the compiled templates in `compiled`, so the next build's processes need not compile them
    again (Jinja2 checks each against its template's source); either way this process
    remembers them for its next build."""
    env = Environment(
        loader=FileSystemLoader(layouts),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=CompiledTemplates(str(compiled)) if compiled else REMEMBERED,
    )
    names = (assets or load_assets(layouts / "static")).names
    env.globals["asset"] = names.__getitem__
    env.globals["card_html"] = card_renderer(env)
    env.globals["content_security_policy"] = CONTENT_SECURITY_POLICY
    env.globals["referrer_policy"] = REFERRER_POLICY
    return env


def card_renderer(env: Environment) -> Callable[[Card], Markup]:
    """`card_html(card)`: a posting's card, rendered from `_card.html` once however many
    listings show it (the home page, facet pages and the preview's next round). Cards are
    remembered by their digest, so the memo does not keep whole postings alive."""
    memo: dict[str, Markup] = {}

    def card_html(card: Card) -> Markup:
        """One card's markup."""
        key = repr(card)
        if key not in memo:
            if len(memo) >= CARDS_KEPT:
                memo.clear()
            memo[key] = Markup(env.get_template("_card.html").render(
                card=card, _=translator(card.view.lang)).removesuffix("\n"))
        return memo[key]
    return card_html


def render_page(env: Environment, page: Page) -> bytes:
    """One page's bytes: a data file writes itself, any other page is its layout filled with
    the page's fields and the words of its language."""
    if isinstance(page, DataFile):
        return page.data()
    context = {**page.context(), "_": translator(page.interface_lang)}
    return env.get_template(page.template).render(context).encode("utf-8")


RenderCache = dict[Hashable, bytes]


def cache_key(page: Page) -> Hashable | None:
    """What a page's bytes depend on (the page itself), when it can be hashed (open data
    documents cannot)."""
    try:
        hash(page)
    except TypeError:
        return None
    return page


def render_pages(env: Environment, pages: tuple[Page, ...], cache: RenderCache | None = None,
                 kept: RenderCache | None = None) -> Iterator[tuple[str, bytes]]:
    """Every page's path and bytes, one at a time so memory stays flat. With a cache (the
    preview's), a page whose inputs are unchanged is not rendered again; what this round used
    goes into `kept`, so the next round's cache holds nothing stale."""
    for page in pages:
        key = cache_key(page) if cache is not None else None
        if key is None or cache is None:
            yield page.path, render_page(env, page)
            continue
        data = cache[key] if key in cache else render_page(env, page)
        if kept is not None:
            kept[key] = data
        yield page.path, data
