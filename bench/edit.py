"""How long an edit takes to show in the preview: `python bench/edit.py [N ...]`.

Generates N postings, starts `build.py serve` on them, then saves one posting several times
and measures, for each save, the time until the served page shows the new title. Prints the
median and the range. Not part of the test suite.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 7
POLL = 0.02  # a browser asks once, when told to reload; asking more often slows the server


def free_port() -> int:
    """A port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def shows(url: str, text: str) -> bool:
    """Whether the served page contains the text yet."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return text in response.read().decode("utf-8")
    except OSError:
        return False


def wait(url: str, text: str, limit: float = 60.0) -> float:
    """Seconds until the page shows the text."""
    started = time.monotonic()
    while not shows(url, text):
        if time.monotonic() - started > limit:
            raise TimeoutError(url)
        time.sleep(POLL)
    return time.monotonic() - started


def measure(count: int) -> list[float]:
    """Edit-to-visible times for a site of `count` postings."""
    with tempfile.TemporaryDirectory() as temp:
        content = Path(temp) / "content"
        generate(count, content)
        port = free_port()
        server = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port",
                                   str(port), "--now", "2026-11-29T12:00:00-05:00"], cwd=temp,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            target = content / "posting-000001.md"
            original = target.read_text()
            url = f"http://127.0.0.1:{port}/jobs/posting-000001/"
            wait(url, "<h1")
            times = []
            for round_ in range(ROUNDS):
                title = f"Edited title {round_}"
                target.write_text(original.replace("officer 1\"", f"officer 1 {title}\""))
                times.append(wait(url, title))
                time.sleep(0.3)
            return times
        finally:
            server.terminate()
            server.wait()


def main() -> None:
    """Measure each size given (default 100 and 1,000)."""
    for count in [int(n) for n in sys.argv[1:]] or [100, 1000]:
        times = measure(count)
        print(f"{count} postings: edit visible after median {statistics.median(times):.3f} s "
              f"(min {min(times):.3f}, max {max(times):.3f}, {len(times)} saves)")


if __name__ == "__main__":
    main()
