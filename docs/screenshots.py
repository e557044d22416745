"""Take the screenshots in docs/screenshots/ (run by `make screenshots`).

Builds the golden sample site, serves it on 127.0.0.1 and photographs page types in Debian's
Chromium at 1280 and 320 CSS pixels, on screen and as printed.
"""

from __future__ import annotations

import functools
import http.server
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from openings import build_site
from tests.golden import CONTENT, LAYOUTS, NOW

SHOTS = Path(__file__).resolve().parent / "screenshots"
PAGES = {"posting": "jobs/data-analyst/", "closing-soon": "jobs/remote-developer/",
         "closed": "jobs/summer-student/", "home": "", "french-posting":
         "fr/jobs/analyste-des-donnees/", "home-filters": "?locations=toronto",
         "french-home": "fr/", "french-stand-in": "fr/jobs/remote-developer/",
         "french-closed": "fr/closed/", "empty-filters": "?locations=toronto&soon=1",
         "french-empty-filters": "fr/?locations=toronto&soon=1"}
SEARCHES = {"search": ("", "data"), "french-search": ("fr/", "données")}
FEEDS = {"feed": "feed.xml", "french-feed": "fr/feed.xml"}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    """A file server that does not log every request."""

    def log_message(self, format: str, *args: object) -> None:
        """Say nothing."""


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    """A quiet local server for the built site."""
    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def search(page: Page, url: str, words: str, shot: Path) -> None:
    """Photograph the results of a search, as a reader types it."""
    page.goto(url)
    page.fill("#search-words", words)
    page.press("#search-words", "Enter")
    page.wait_for_selector("[data-search-results] li")
    page.screenshot(path=shot, full_page=True)


def feed(page: Page, url: str, width: int, shot: Path) -> None:
    """Photograph a feed as a browser shows it (a full-page shot of an XML document stalls, so
    the window is made as tall as the page)."""
    page.goto(url)
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": width, "height": height})
    page.screenshot(path=shot)
    page.set_viewport_size({"width": width, "height": 900})


def main() -> None:
    """Build, serve and photograph."""
    SHOTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        build_site(CONTENT, Path(temp) / "site", LAYOUTS, NOW)
        server = serve(Path(temp) / "site")
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for width in (1280, 320):
                page = browser.new_page(viewport={"width": width, "height": 900})
                for name, path in PAGES.items():
                    page.goto(base + path)
                    page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)
                for name, (path, words) in SEARCHES.items():
                    search(page, base + path, words, SHOTS / f"{name}-{width}.png")
                for name, path in FEEDS.items():
                    feed(page, base + path, width, SHOTS / f"{name}-{width}.png")
                page.set_viewport_size({"width": width, "height": 900})
                page.emulate_media(media="print")
                page.goto(base + PAGES["posting"])
                page.screenshot(path=SHOTS / f"posting-print-{width}.png", full_page=True)
            browser.close()
        server.shutdown()
    print(f"Screenshots written to {SHOTS}")


if __name__ == "__main__":
    main()
