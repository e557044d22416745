"""What a posting page costs a reader: `python bench/weight.py [SITE_DIR] [PATH]`.

Loads the page in Debian's Chromium from a local server, lists every request with its size
as sent (no compression) and gzipped (as a static host serves it), and times the load on an
emulated slow 3G connection (400 kbit/s down, 400 ms round trip). Not part of the test suite.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from openings import build_site  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400 * 1024 / 8,
           "uploadThroughput": 400 * 1024 / 8}


class Quiet(http.server.SimpleHTTPRequestHandler):
    """A file server that does not log every request."""

    def log_message(self, format: str, *args: object) -> None:
        """Say nothing."""


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    """A quiet local server."""
    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure(folder: Path, path: str) -> None:
    """Print the page's requests, their sizes, and the slow-3G load time."""
    server = serve(folder)
    url = f"http://127.0.0.1:{server.server_address[1]}/{path}"
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page()
        sizes: dict[str, tuple[int, int]] = {}

        def record(response: object) -> None:
            body = response.body()  # type: ignore[attr-defined]
            sizes[response.url] = (len(body), len(gzip.compress(body, 9)))  # type: ignore[attr-defined]

        page.on("response", record)
        page.goto(url, wait_until="networkidle")
        page.close()
        slow = browser.new_page()
        session = slow.context.new_cdp_session(slow)
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": True})
        session.send("Network.emulateNetworkConditions", SLOW_3G)
        started = time.perf_counter()
        slow.goto(url, wait_until="load")
        seconds = time.perf_counter() - started
        browser.close()
    server.shutdown()
    for address, (raw, packed) in sorted(sizes.items()):
        print(f"{raw:>8,} B {packed:>8,} B gz  {address.split('/', 3)[3]}")
    raw = sum(r for r, _ in sizes.values())
    packed = sum(p for _, p in sizes.values())
    print(f"total: {raw:,} B as files, {packed:,} B gzipped, {len(sizes)} requests; "
          f"loaded in {seconds:.1f} s on slow 3G (uncompressed server)")


def main() -> None:
    """Measure a posting of the given site, or of the sample content built now."""
    if len(sys.argv) > 1:
        measure(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "")
        return
    with tempfile.TemporaryDirectory() as temp:
        build_site(ROOT / "content", Path(temp) / "site", ROOT / "layouts",
                   datetime.fromisoformat("2026-11-29T12:00:00-05:00"))
        measure(Path(temp) / "site", "jobs/policy-analyst/")


if __name__ == "__main__":
    main()
