"""The preview server: serves the built site on 127.0.0.1 and rebuilds when a posting changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_content, posting

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str, wait: float = 10.0, expect: str = "") -> str:
    """A page's text, retried until it contains `expect` or the wait runs out."""
    deadline, text = time.monotonic() + wait, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                text = response.read().decode("utf-8")
            if expect in text:
                return text
        except OSError:
            pass
        time.sleep(0.1)
    return text


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`build.py serve` on a free port over a small content folder."""
    content = make_content(tmp_path, {"analyst.md": posting("Analyst")})
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port),
         "--now", "2026-11-29T12:00:00-05:00"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield f"http://127.0.0.1:{port}/", content
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_shows_the_site_and_an_edit_without_a_restart(server: tuple[str, Path]) -> None:
    url, content = server
    assert "<h1>Analyst</h1>" in fetch(url + "jobs/analyst/", expect="<h1>Analyst</h1>")
    (content / "analyst.md").write_text(posting("Analyst").replace("title: Analyst",
                                                                   "title: Senior Analyst"))
    page = fetch(url + "jobs/analyst/", expect="Senior Analyst")
    assert "<h1>Senior Analyst</h1>" in page
    assert "livereload" in page


def listening_addresses(port: int) -> set[str]:
    """The local addresses (hex, as Linux writes them) of sockets listening on a port."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if int(hex_port, 16) == port and state == "0A":
                found.add(address)
    return found


def test_serve_listens_on_loopback_only_by_default(server: tuple[str, Path]) -> None:
    url, _ = server
    fetch(url, expect="<h1>")
    port = int(url.rsplit(":", 1)[1].strip("/"))
    assert listening_addresses(port) == {"0100007F"}
