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

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.golden import build_golden

SHOTS = Path(__file__).resolve().parent / "screenshots"
PAGES = {"posting": "jobs/data-analyst/", "closing-soon": "jobs/remote-developer/",
         "closed": "jobs/summer-student/", "home": "", "french-posting":
         "fr/jobs/analyste-des-donnees/", "home-filters": "?locations=toronto"}
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


def main() -> None:
    """Build, serve and photograph."""
    SHOTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        build_golden(Path(temp) / "site")
        server = serve(Path(temp) / "site")
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for width in (1280, 320):
                page = browser.new_page(viewport={"width": width, "height": 900})
                for name, path in PAGES.items():
                    page.goto(base + path)
                    page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)
                page.emulate_media(media="print")
                page.goto(base + PAGES["posting"])
                page.screenshot(path=SHOTS / f"posting-print-{width}.png", full_page=True)
            browser.close()
        server.shutdown()
    print(f"Screenshots written to {SHOTS}")


if __name__ == "__main__":
    main()
