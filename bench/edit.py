"""How long an edit takes to show in the preview: `python bench/edit.py [N ...]`.

Generates N postings, starts `build.py serve` on them, then saves one posting several times
and measures, for each save, the time until the served page shows the new title, as a browser
sees it: connected to the preview's reload socket, it asks for the page once when told to
reload. Prints the median and the range. Not part of the test suite.
"""

from __future__ import annotations

import asyncio
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tornado.websocket import WebSocketClientConnection, websocket_connect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 7
POLL = 0.05
HELLO = {"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}


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


async def browser(port: int, url: str) -> WebSocketClientConnection:
    """A connection like the one livereload's script in a page opens."""
    socket_ = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
    await socket_.write_message(json.dumps(HELLO))
    await socket_.read_message()
    await socket_.write_message(json.dumps({"command": "info", "url": url, "plugins": {}}))
    await asyncio.sleep(0.3)
    return socket_


async def reloaded(socket_: WebSocketClientConnection, url: str, text: str) -> None:
    """Wait for reload messages until the page, asked for once after each, shows the text."""
    while True:
        message = await asyncio.wait_for(socket_.read_message(), 60)
        if message is None:
            raise ConnectionError(url)
        if json.loads(message).get("command") == "reload" and shows(url, text):
            return


async def saves(port: int, url: str, target: Path) -> list[float]:
    """Edit-to-visible times for ROUNDS saves of one posting."""
    socket_, original, times = await browser(port, url), target.read_text(), []
    for round_ in range(ROUNDS):
        title = f"Edited title {round_}"
        started = time.monotonic()
        target.write_text(original.replace("officer 1\"", f"officer 1 {title}\""))
        await reloaded(socket_, url, title)
        times.append(time.monotonic() - started)
        await asyncio.sleep(0.3)
    socket_.close()
    return times


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
            url = f"http://127.0.0.1:{port}/jobs/posting-000001/"
            wait(url, "<h1")
            return asyncio.run(saves(port, url, content / "posting-000001.md"))
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
