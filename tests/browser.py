"""Shared fixtures for the browser and HTML-validity tests.

One site per test session: the golden sample content built at the golden clock, served from
127.0.0.1 by a `ThreadingHTTPServer` in a background thread, and (for the browser tests) one
Debian Chromium driven by Playwright. Tests open their pages in one shared browser context
(`Shared`), a page each; a test that changes what a context holds (its clock, its permissions)
or moves time on itself gets a context of its own. Every page's clock is pinned to the build's
clock (or to the moment a test asks for), so `assets/status.js` sees the same statuses the
build wrote, whatever day the tests run, and every page aborts (and records) each request to
a host other than 127.0.0.1.

Nothing here downloads anything: Chromium is the system one, axe-core and the Nu HTML Checker
come from node_modules/.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urljoin, urlsplit

import pytest

from openings import build_site
from tests.golden import CONTENT, LAYOUTS, NOW

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Route

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LOCAL_HOST = "127.0.0.1"


@dataclass(frozen=True)
class PageType:
    """One kind of page of the built site, and what the golden content puts there."""

    path: str           # relative to the site root, as a browser asks for it
    file: str           # the built file
    lang: str
    status: str | None = None   # data-status of a posting page; None for other pages
    applies: bool = False       # has an apply section


# With the golden content at tests.golden.NOW (2026-11-30T09:00-05:00).
PAGES: dict[str, PageType] = {
    "home": PageType("", "index.html", "en"),
    "open-posting": PageType("jobs/data-analyst/", "jobs/data-analyst/index.html", "en",
                             "open", applies=True),
    "closing-soon-posting": PageType("jobs/remote-developer/",
                                     "jobs/remote-developer/index.html", "en",
                                     "closing-soon", applies=True),
    "closed-posting": PageType("jobs/summer-student/", "jobs/summer-student/index.html", "en",
                               "closed"),
    "closed-archive": PageType("closed/", "closed/index.html", "en"),
    "404": PageType("404.html", "404.html", "en"),
    "fr-home": PageType("fr/", "fr/index.html", "fr"),
    "fr-posting": PageType("fr/jobs/analyste-des-donnees/",
                           "fr/jobs/analyste-des-donnees/index.html", "fr", "open",
                           applies=True),
    "fr-fallback": PageType("fr/jobs/remote-developer/", "fr/jobs/remote-developer/index.html",
                            "fr"),
}
POSTINGS = [name for name, page in PAGES.items() if page.status]
APPLYING = [name for name, page in PAGES.items() if page.applies]

STATUS_WORDS: dict[str, dict[str, str]] = {
    "en": {"open": "Open", "closing-soon": "Closing soon", "closed": "Closed"},
    "fr": {"open": "Ouvert", "closing-soon": "Ferme bientôt", "closed": "Fermé"},
}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The golden content built once per session at the golden clock."""
    out = tmp_path_factory.mktemp("browser") / "site"
    build_site(CONTENT, out, LAYOUTS, NOW)
    return out


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 (a free port), ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """The system Chromium, headless, launched once per session."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need {CHROMIUM} (CI installs it)")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


@dataclass
class Visit:
    """One page (shared by the checks that only look at it), with what it tried to fetch since
    it loaded."""

    page: Page
    offsite: list[str] = field(default_factory=list)   # non-local URLs (aborted)
    failed: list[str] = field(default_factory=list)    # local URLs answered >= 400
    refused: list[str] = field(default_factory=list)   # Content-Security-Policy violations


Opener = Callable[..., Visit]


def new_context(chromium: Browser, width: int = 1280, height: int = 720) -> BrowserContext:
    """A context as a reader in Toronto has it, failing fast."""
    context = chromium.new_context(viewport={"width": width, "height": height},
                                   timezone_id="America/Toronto", locale="en-CA")
    context.set_default_timeout(15_000)
    return context


@dataclass
class Shared:
    """A browser context tests open their pages in, each page its own: a fresh context costs
    a test about twice the processor time of a page. It holds no state a page could leave for
    the next that a test looks at (the site keeps nothing in storage or cookies, and
    routing keeps the HTTP cache off; only links visited, which styles cannot reveal); its
    clock is fixed, at the build's moment unless a test asks for another, which moves every
    open page's clock too. A test that calls a page's `clock` or its `context` must open it
    with `own=True`."""

    browser: Browser
    context: BrowserContext
    fixed: datetime | None = None

    def page(self, at: datetime) -> Page:
        """A new page whose clock is fixed at `at`."""
        if at != self.fixed:
            self.context.clock.set_fixed_time(at)
            self.fixed = at
        return self.context.new_page()


@pytest.fixture(scope="session")
def shared(chromium: Browser) -> Iterator[Shared]:
    """The worker's shared context."""
    context = new_context(chromium)
    try:
        yield Shared(chromium, context)
    finally:
        context.close()


@contextlib.contextmanager
def opening(shared: Shared, site_url: str) -> Iterator[Opener]:
    """A function that opens a page at the given viewport: one of PAGES by name, or any
    `address` (relative to the site, or absolute), with the page clock pinned to the build's
    moment, or to `at`, before the page loads. The page is a new one in the shared context,
    unless the test changes what a context holds (`own`: its clock, its permissions) or moves
    time on itself (`ticking=True`: paused at `at` under Playwright's fake timers): it then
    gets a context of its own. Its pages and contexts close on leaving.

    `opener(name, width=1280, height=720, wait_until="load", address=None, at=None,
    ticking=False, own=False)` -> Visit.
    """
    opened: list[Page | BrowserContext] = []

    def opener(name: str | None = None, width: int = 1280, height: int = 720,
               wait_until: Literal["load", "networkidle"] = "load", address: str | None = None,
               at: datetime | None = None, ticking: bool = False, own: bool = False) -> Visit:
        if own or ticking:
            context = new_context(shared.browser, width, height)
            opened.append(context)
            if at is not None and ticking:
                context.clock.install(time=at - timedelta(minutes=1))
                context.clock.pause_at(at)
            else:
                context.clock.set_fixed_time(at or NOW)
            page = context.new_page()
        else:
            page = shared.page(at or NOW)
            opened.append(page)
            page.set_viewport_size({"width": width, "height": height})
        visit = Visit(page)
        watch(visit)
        url = urljoin(site_url, address if address is not None else PAGES[name or ""].path)
        response = page.goto(url, wait_until=wait_until)
        assert response is not None and response.ok, f"{name or url}: could not load {page.url}"
        return visit

    try:
        yield opener
    finally:
        for thing in reversed(opened):
            thing.close()
        shared.context.clear_permissions()


def watch(visit: Visit) -> None:
    """Abort and record a page's requests to other hosts; record local failures and refusals
    by the Content-Security-Policy."""
    def route(route: Route) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != LOCAL_HOST:
            visit.offsite.append(route.request.url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    visit.page.route("**/*", route)
    visit.page.on("response", lambda r: visit.failed.append(f"{r.status} {r.url}")
                  if r.status >= 400 and urlsplit(r.url).hostname == LOCAL_HOST
                  and not r.url.endswith("/favicon.ico") else None)
    visit.page.on("console", lambda m: visit.refused.append(m.text)
                  if "Content Security Policy" in m.text else None)


@pytest.fixture
def open_page(shared: Shared, site_url: str) -> Iterator[Opener]:
    """A test's own pages (see `opening`): a test that calls a page's `clock` or `context`
    opens it with `own=True`."""
    with opening(shared, site_url) as opener:
        yield opener


def wait_until(page: Page, expression: str, timeout: float = 15.0) -> None:
    """Wait until a page expression is true, asking from here: the pages' Content-Security-
    Policy rightly forbids evaluating strings inside them, as `wait_for_function` does."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        time.sleep(0.02)


def inject_axe(page: Page) -> None:
    """Load axe-core into a page from here: the page's policy refuses an added inline script."""
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
