"""Feeds a person can read: every Atom feed (each language's and each facet value's) names a
CSS stylesheet published with the site, so a browser shows it as a page in the feed's language
(what a feed is, how to follow it, its jobs), while feed readers still get plain, valid Atom.

Browsers are dropping XSLT (Chromium 156 still runs it, under a red banner telling readers the
page will soon stop working), so the stylesheet is CSS and the page's words and links are XHTML
elements inside the feed, which Atom allows and feed readers ignore. The browser tests use the
golden sample site, built once per session and served from 127.0.0.1 (tests/browser.py).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import feedparser
import pytest

from openings import build_site
from tests.browser import CHROMIUM, LOCAL_HOST
from tests.conftest import LAYOUTS, make_content, posting

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STYLESHEET = re.compile(rb'\A<\?xml version="1\.0" encoding="utf-8"\?>\n'
                        rb'<\?xml-stylesheet type="text/css" href="([^"]+)"\?>\n')
SOME_FEEDS = {"feed.xml", "fr/feed.xml", "locations/toronto/feed.xml",
              "fr/locations/toronto/feed.xml"}

# What a reader of each language must read on the feed's page, and must not (the other language).
WORDS = {
    "en": ("Job alerts (Atom feed)", "This page is a feed", "How to follow these jobs",
           "Copy this address:", "See these jobs on the website", "Jobs in this feed"),
    "fr": ("Alertes d’emploi (fil Atom)", "Cette page est un fil Atom",
           "Comment suivre ces emplois", "Copiez cette adresse", "Voir ces emplois sur le site Web",
           "Emplois de ce fil"),
}

# The text a reader sees: what a selection of the whole document copies (no hidden elements).
SHOWN_TEXT = """() => {
  const selection = getSelection();
  selection.selectAllChildren(document.documentElement);
  const text = selection.toString();
  selection.removeAllRanges();
  return text;
}"""


def feeds(site: Path) -> list[str]:
    """Every feed of a built site, by its path."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("feed.xml"))


def atom(site: Path, path: str) -> ET.Element:
    """A feed's document."""
    return ET.fromstring((site / path).read_bytes())


def entry_titles(root: ET.Element) -> list[str]:
    """The titles of a feed's entries, as a feed reader reads them."""
    return [e.findtext(f"{ATOM}title") or "" for e in root.iter(f"{ATOM}entry")]


def test_every_feed_names_a_published_stylesheet_relative_to_itself(built_site: Path) -> None:
    found = feeds(built_site)
    assert set(found) >= SOME_FEEDS, f"feeds built: {found}"
    site = built_site.resolve()
    for path in found:
        match = STYLESHEET.match((built_site / path).read_bytes())
        assert match, f"{path} does not begin with an xml-stylesheet instruction"
        href = match[1].decode()
        assert not urlsplit(href).scheme and not href.startswith("/"), (
            f"{path} names {href}: not relative, so the site would break under a sub-path")
        target = ((built_site / path).parent / href).resolve()
        assert target.is_file() and site in target.parents, f"{path}: {href} is not published"


def test_every_feed_is_atom_a_feed_reader_reads_whole(built_site: Path) -> None:
    """The page's words are not mistaken for the feed's title or entries, and every entry
    still says when applications close."""
    deadlines = {p["slug"]: datetime.fromisoformat(p["deadline"]) for p in json.loads(
        (built_site / "jobs.json").read_text(encoding="utf-8"))["postings"]}
    for path in feeds(built_site):
        parsed = feedparser.parse((built_site / path).read_bytes())
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        root = atom(built_site, path)
        assert parsed.feed.title == root.findtext(f"{ATOM}title")
        assert [e.title for e in parsed.entries] == entry_titles(root), path
        for entry in parsed.entries:
            slug = entry.link.rstrip("/").rsplit("/", 1)[-1]
            deadline = deadlines[slug]
            assert entry.link.startswith("https://") and "<" not in entry.summary
            assert str(deadline.year) in entry.summary and re.search(
                rf"\b{deadline.day}(er)?\b", entry.summary), (
                f"{path}: {entry.title} does not state its deadline: {entry.summary}")


def test_a_feed_with_no_jobs_says_so_the_same_way_every_build(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"a.md": posting("Policy Analyst", deadline="2026-12-01")})
    later = datetime.fromisoformat("2027-01-01T12:00:00-05:00")
    first, second = tmp_path / "one", tmp_path / "two"
    build_site(folder, first, LAYOUTS, later, search=False)
    build_site(folder, second, LAYOUTS, later, search=False)
    for path in ("feed.xml", "fr/feed.xml"):
        data = (first / path).read_bytes()
        assert data == (second / path).read_bytes(), f"{path} differs between builds"
        parsed = feedparser.parse(data)
        assert not parsed.bozo and parsed.entries == []
    assert b"There are no open jobs in this feed right now." in (first / "feed.xml").read_bytes()
    assert "Ce fil ne contient aucun emploi ouvert" in (first / "fr/feed.xml").read_text("utf-8")


# --- in a browser ----------------------------------------------------------------------------

@pytest.fixture
def reader(chromium: Browser, site_url: str) -> Iterator[Callable[..., tuple[Page, list[str]]]]:
    """Opens a path of the served site in a fresh context of a given width; returns the page and
    what went wrong loading it (local answers >= 400, requests to other hosts)."""
    contexts: list[BrowserContext] = []

    def open_path(path: str, width: int = 1280) -> tuple[Page, list[str]]:
        context = chromium.new_context(viewport={"width": width, "height": 720})
        contexts.append(context)
        context.set_default_timeout(15_000)
        problems: list[str] = []

        def route(route: Any) -> None:
            if urlsplit(route.request.url).hostname not in (LOCAL_HOST, None):
                problems.append(f"offsite {route.request.url}")
                route.abort("blockedbyclient")
            else:
                route.continue_()

        context.route("**/*", route)
        page = context.new_page()
        page.on("response", lambda r: problems.append(f"{r.status} {r.url}")
                if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
        response = page.goto(site_url + path)
        assert response is not None and response.ok, f"could not load {path}"
        page.evaluate("document.fonts.ready.then(() => true)")
        return page, problems

    try:
        yield open_path
    finally:
        for context in contexts:
            context.close()


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs {CHROMIUM}")
@pytest.mark.parametrize("path", ["feed.xml", "fr/feed.xml"])
@pytest.mark.parametrize("width", [1280, 320])
def test_a_feed_opened_in_a_browser_reads_as_a_page_in_its_language(
        reader: Callable[..., tuple[Page, list[str]]], built_site: Path, path: str,
        width: int) -> None:
    root = atom(built_site, path)
    lang, other = root.get(XML_LANG), ("fr" if root.get(XML_LANG) == "en" else "en")
    page, problems = reader(path, width)
    text = " ".join(page.evaluate(SHOWN_TEXT).split())
    for words in WORDS[str(lang)]:
        assert words in text, f"/{path} does not say {words!r}: {text[:500]}"
    for words in WORDS[other][1:]:
        assert words not in text, f"/{path} shows {words!r}, in the other language"
    self_url = next(link.get("href") for link in root.iter(f"{ATOM}link")
                    if link.get("rel") == "self")
    assert f"{self_url}" in text, f"/{path} does not show its own address to copy"
    titles = entry_titles(root)
    assert titles and all(title in text for title in titles), f"/{path} misses jobs: {text}"
    updated = root.findtext(f"{ATOM}updated")
    assert updated and updated not in text, "the feed's bookkeeping shows"
    assert page.locator("h1").inner_text().strip(), "the page has no heading"
    assert page.title(), "the page has no title"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "scrolls sideways"
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('summary')).fontSize)")
    assert size >= 16, f"summaries are {size}px"
    assert problems == [], problems

    first = root.find(f"{ATOM}entry/{ATOM}link")
    assert first is not None
    page.locator("h3 a").first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == urlsplit(first.get("href", "")).path, (
        f"the first job's link led to {page.url}")
    assert page.locator("h1").inner_text().strip() == titles[0]
