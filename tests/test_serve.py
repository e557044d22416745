"""The preview server, driven for real: serve, edit, break, fix, and the browser follows."""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from tornado.httputil import HTTPHeaders, HTTPServerRequest, RequestStartLine

from openings.build.gather import CARDS_PER_VIEW
from openings.editors.preview import Preview
from openings.editors.serve import Patient, PreviewApp, rebuild
from openings.pages.page import card_at
from tests.browser import wait_until
from tests.conftest import make_content, posting

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-29T12:00:00-05:00"


def free_port() -> int:
    """A port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str) -> str:
    """A page's text, or "" while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, expect: str, seconds: float = 10.0) -> tuple[str, float]:
    """Fetch until the page contains `expect`; the text and how long it took."""
    started, text = time.monotonic(), ""
    while time.monotonic() - started < seconds:
        text = fetch(url)
        if expect in text:
            break
        time.sleep(0.02)
    return text, time.monotonic() - started


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`build.py serve` on a free port over a small content folder with a draft and a
    scheduled posting."""
    content = make_content(tmp_path, {
        "analyst.md": posting("Analyst"),
        "draft.md": posting("Draft Job").replace("ai_screening: false",
                                                 "ai_screening: false\ndraft: true"),
        "later.md": posting("Later Job", posted="2026-12-15", deadline="2027-02-01"),
    })
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port), "--now", NOW],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    wait_for(url, "<h1")
    try:
        yield url, content
    finally:
        process.terminate()
        process.wait(timeout=10)


def save(path: Path, text: str) -> None:
    """Save a file as an editor's program does: a temporary file, then a rename."""
    temporary = path.with_name(path.name + ".swp")
    temporary.write_text(text)
    temporary.replace(path)


def test_an_edit_shows_within_a_second(server: tuple[str, Path]) -> None:
    url, content = server
    assert "<h1>Analyst</h1>" in fetch(url + "jobs/analyst/")
    save(content / "analyst.md", posting("Analyst").replace("title: Analyst",
                                                            "title: Senior Analyst"))
    page, seconds = wait_for(url + "jobs/analyst/", "<h1>Senior Analyst</h1>")
    assert "<h1>Senior Analyst</h1>" in page and seconds < 1.0
    assert "livereload.js" in page


def test_a_broken_posting_shows_the_problems_and_recovers_when_fixed(
        server: tuple[str, Path]) -> None:
    url, content = server
    good = (content / "analyst.md").read_text()
    save(content / "analyst.md", good.replace("per: year", "per: fortnight"))
    page, _ = wait_for(url + "jobs/analyst/", "waiting for fixes")
    assert "<h1>The preview is waiting for fixes</h1>" in page
    assert "content/analyst.md:13: `salary.per` must be one of" in page
    assert '<html lang="en">' in page and '<main id="main"' in page
    assert "waiting for fixes" in fetch(url)
    save(content / "analyst.md", good)
    page, seconds = wait_for(url + "jobs/analyst/", "<h1>Analyst</h1>")
    assert "<h1>Analyst</h1>" in page and seconds < 1.0


def test_drafts_and_scheduled_postings_are_shown_and_marked(server: tuple[str, Path]) -> None:
    url, _ = server
    assert "Draft: not published" in fetch(url + "jobs/draft/")
    later = fetch(url + "jobs/later/")
    assert "Scheduled: goes live on Tuesday, December 15, 2026" in later
    home = fetch(url)
    assert "Draft Job" in home and "Later Job" in home
    assert "Draft Job" not in fetch(url + "jobs.json")


def test_temporary_files_and_deleted_postings_do_not_break_the_preview(
        server: tuple[str, Path]) -> None:
    url, content = server
    (content / ".#analyst.md").write_text("lock")
    (content / "analyst.md~").write_text("backup")
    (content / "draft.md").unlink()
    wait_for(url, "Analyst")
    time.sleep(0.5)
    home = fetch(url)
    assert "Draft Job" not in home and "Analyst" in home
    shutil.move(content / "later.md", content / "later-renamed.md")
    renamed, _ = wait_for(url + "jobs/later-renamed/", "Later Job")
    assert "<h1>Later Job</h1>" in renamed


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
    port = int(url.rsplit(":", 1)[1].strip("/"))
    assert listening_addresses(port) == {"0100007F"}


def test_the_open_browser_reloads_by_itself_after_a_save(server: tuple[str, Path],
                                                         chromium: Any) -> None:
    url, content = server
    page = chromium.new_page()
    try:
        page.goto(url + "jobs/analyst/")
        wait_until(page, "window.LiveReload !== undefined", 5)
        time.sleep(0.3)
        saved = time.monotonic()
        save(content / "analyst.md", posting("Analyst").replace("title: Analyst",
                                                                "title: Lead Analyst"))
        page.wait_for_selector("h1:has-text('Lead Analyst')", timeout=5000)
        seconds = time.monotonic() - saved
    finally:
        page.close()
    assert seconds < 1.5


MOMENT = datetime(2026, 11, 29, 17, 0, tzinfo=UTC)
LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"


def preview_of(content: Path) -> Preview:
    """A preview of a content folder at a fixed moment."""
    return Preview(content, LAYOUTS, lambda: MOMENT)


def test_browsers_reload_when_the_postings_are_ready_and_the_listings_follow(
        content: Path) -> None:
    preview, app = preview_of(content), PreviewApp()
    rebuild(preview, app, lambda: None)
    (content / "court-clerk.md").write_text(posting("Court Registrar", deadline="2026-12-01"))
    told: list[tuple[bytes, bool]] = []
    rebuild(preview, app, lambda: told.append(
        (app.round.files["jobs/court-clerk/index.html"], app.settled.is_set())))
    assert len(told) == 1
    page, settled = told[0]
    assert b"Court Registrar" in page and not settled
    assert app.settled.is_set()
    assert b"Court Registrar" in app.round.files["index.html"]


class Connection:
    """Where the server would write a response."""

    def __init__(self) -> None:
        self.answer: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
        self.body = b""
        self.context = SimpleNamespace(remote_ip="127.0.0.1", protocol="http")

    def set_close_callback(self, callback: object) -> None:
        """Nothing closes this connection."""

    def write_headers(self, start: object, headers: object, chunk: bytes = b"") -> None:
        """Keep the body."""
        self.body = chunk

    def finish(self) -> None:
        """The response is complete."""
        self.answer.set_result(self.body)


def asked(patient: Patient, url: str) -> Connection:
    """A GET request for `url`, handed to the container."""
    connection = Connection()
    patient(HTTPServerRequest(start_line=RequestStartLine("GET", url, "HTTP/1.1"),
                              headers=HTTPHeaders({"Host": "127.0.0.1"}),
                              connection=connection))
    return connection


def test_a_listing_asked_for_mid_rebuild_waits_for_it_and_a_posting_does_not(
        content: Path) -> None:
    async def scenario() -> None:
        preview, app = preview_of(content), PreviewApp()
        rebuild(preview, app, lambda: None)
        (content / "court-clerk.md").write_text(posting("Court Registrar",
                                                        deadline="2026-12-01"))
        first = preview.start()
        app.settled.clear()
        app.round = first
        patient = Patient(app, b"<script></script>")
        page, home = asked(patient, "/jobs/court-clerk/"), asked(patient, "/")
        assert b"Court Registrar" in await asyncio.wait_for(page.answer, 5)
        await asyncio.sleep(0.05)
        assert not home.answer.done()
        app.round = preview.finish(first)
        app.settled.set()
        assert b"Court Registrar" in await asyncio.wait_for(home.answer, 5)

    outcome: list[BaseException | None] = []

    def run() -> None:
        """The scenario on an event loop of its own (the browser tests may hold this thread's)."""
        try:
            asyncio.run(scenario())
            outcome.append(None)
        except BaseException as err:  # handed back to the test's thread
            outcome.append(err)

    runner = threading.Thread(target=run)
    runner.start()
    runner.join(30)
    assert outcome == [None], outcome


def test_a_layout_saved_half_written_is_a_problem_and_the_preview_recovers(
        content: Path, tmp_path: Path) -> None:
    layouts = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, layouts)
    preview, app = Preview(content, layouts, lambda: MOMENT), PreviewApp()
    rebuild(preview, app, lambda: None)
    home = layouts / "home.html"
    whole = home.read_text()
    home.write_text(whole + "\n{% if %}")
    rebuild(preview, app, lambda: None)
    assert [(Path(p.path).name, p.severity) for p in app.round.problems] == [("home.html", "error")]
    assert b"waiting for fixes" in b"".join(app({"PATH_INFO": "/"}, lambda s, h: None))
    home.write_text(whole)
    rebuild(preview, app, lambda: None)
    assert app.round.problems == ()
    assert b"Policy Analyst" in app.round.files["index.html"]


def test_the_preview_after_edits_is_the_preview_made_afresh(content: Path) -> None:
    preview = preview_of(content)
    preview.rebuild()
    (content / "court-clerk.md").write_text(posting("Court Registrar", deadline="2026-12-01"))
    (content / "data-co-op.md").unlink()
    site = content / "site.yml"
    site.write_text(site.read_text().replace("closing_soon_days: 3", "closing_soon_days: 4"))
    edited = preview.rebuild()
    assert edited.problems == ()
    assert edited.files == preview_of(content).rebuild().files


def test_a_long_preview_session_does_not_hold_on_to_cards_of_old_versions(
        content: Path) -> None:
    card_at.cache_clear()
    preview = preview_of(content)
    for edit in range(30):
        (content / "court-clerk.md").write_text(posting(f"Court Clerk {edit}",
                                                        deadline="2026-12-01"))
        shown = preview.rebuild()
        assert shown.problems == ()
    views = len(preview.memory.views)
    assert card_at.cache_info().currsize <= CARDS_PER_VIEW * views + 8
