"""`serve`: the editors' live preview, bound to 127.0.0.1 unless told otherwise.

The site is kept in memory (openings.editors.preview) and served by a small WSGI app inside
livereload's server, which injects its script and reloads the browser after each rebuild. A
watcher thread, told of saves by inotify (or polling content/ and layouts/ ten times a second),
ignores editors' temporary files and rebuilds only what an edit affects. Browsers are told to
reload as soon as every posting's pages are ready; a request for a listing is answered, from a
thread, once the listings are too. A layout that fails to render shows as a problem.
"""

from __future__ import annotations

import gc
import mimetypes
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import TemplateError
from livereload import Server
from livereload.handlers import LiveReloadHandler
from livereload.server import LiveScriptContainer
from livereload.watcher import Watcher
from tornado.httputil import HTTPServerRequest
from tornado.ioloop import IOLoop
from tornado.web import FallbackHandler

from ..errors import ERROR, ContentErrors, Problem, display_path
from ..policy import for_preview
from .changes import Changes
from .preview import Clock, Preview, Round
from .report import as_text

POLL_SECONDS = 0.1
LEAD_SECONDS = 0.05
"""How long the listings wait after browsers are told to reload, so that the page being edited
is served first (the watcher and the server share one interpreter)."""
SETTLE_SECONDS = 60.0
"""How long a request for a listing waits for the rebuild under way to finish it."""
TOLD_SECONDS = 2.0
"""How long the watcher waits before looking anyway, when inotify tells it of changes."""
TEMPORARY = (".swp", ".swx", ".swo", "~", ".tmp", ".part")
StartResponse = Callable[[str, list[tuple[str, str]]], Any]


def is_temporary(name: str) -> bool:
    """Editors' swap, backup and lock files, which are not content."""
    return name.startswith((".", "#")) or name.endswith(TEMPORARY)


def snapshot(folders: Iterable[Path]) -> dict[str, tuple[int, int]]:
    """Every watched file's size and modification time."""
    found: dict[str, tuple[int, int]] = {}
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not is_temporary(name):
                    try:
                        stat = os.stat(os.path.join(root, name))
                    except FileNotFoundError:
                        continue
                    found[os.path.join(root, name)] = (stat.st_size, stat.st_mtime_ns)
    return found


def page_for(url: str) -> str:
    """The site file a URL path asks for (`/jobs/x/` -> `jobs/x/index.html`)."""
    path = url.lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def problems_page(found: tuple[Problem, ...], styles: tuple[str, ...]) -> bytes:
    """An accessible page listing every problem, shown instead of a stale page."""
    errors = [p for p in found if p.severity == ERROR]
    items = "\n".join(f"<li>{escape(str(p))}</li>" for p in found)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{len(errors)} problem(s) to fix – Openings preview</title>
{"".join(f'<link rel="stylesheet" href="/{style}">' for style in styles)}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<main id="main" class="ontario-row site-main" tabindex="-1">
<h1>The preview is waiting for fixes</h1>
<div class="preview-notes" role="alert">
<p>Nothing can be published until these are fixed. Save the file and this page updates by
itself.</p>
<ol>
{items}
</ol>
</div>
</main>
</body>
</html>
""".encode()


class PreviewApp:
    """The WSGI app: the latest round's files from memory, or the problems page. It runs on
    the server's one event loop, so it never waits; `settled` is clear while the round holds
    only the postings' pages (see `Patient`)."""

    def __init__(self) -> None:
        self.round = Round({}, (), 0.0, 0)
        self.settled = threading.Event()
        self.settled.set()

    def __call__(self, environ: dict[str, Any], start: StartResponse) -> Iterator[bytes]:
        """Serve one request."""
        path = page_for(environ.get("PATH_INFO", "/"))
        round_ = self.round
        files = round_.files
        if any(p.severity == ERROR for p in round_.problems) and not path.startswith(
                "assets/"):
            styles = tuple(p for p in files if p.endswith(".css"))
            return self.send(start, "200 OK", "text/html",
                             problems_page(round_.problems, styles))
        if path not in files and path + "/index.html" in files:
            start("301 Moved Permanently", [("Location", "/" + path + "/")])
            return iter([b""])
        if path not in files:
            return self.send(start, "404 Not Found", "text/html", files.get("404.html", b""))
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return self.send(start, "200 OK", kind, files[path])

    @staticmethod
    def send(start: StartResponse, status: str, kind: str, body: bytes) -> Iterator[bytes]:
        """A response that browsers never cache, so every reload shows the newest build."""
        charset = "; charset=utf-8" if kind.startswith("text/") or kind.endswith(
            ("json", "xml")) else ""
        body = for_preview(body) if kind == "text/html" else body
        start(status, [("Content-Type", kind + charset), ("Cache-Control", "no-store"),
                       ("Content-Length", str(len(body)))])
        return iter([body])


class Patient(LiveScriptContainer):  # type: ignore[misc]
    """livereload's container for the app: a request for a file the round under way does not
    hold yet (a listing, while the edited posting is already shown) is answered once the round
    is whole, by a thread that waits for it, so the server's one event loop never waits."""

    def __init__(self, app: PreviewApp, script: bytes) -> None:
        super().__init__(app, script)
        self.app = app

    def __call__(self, request: HTTPServerRequest) -> None:
        """Answer now, or once the round is whole."""
        if self.app.settled.is_set() or page_for(request.path) in self.app.round.files:
            super().__call__(request)
            return
        loop = IOLoop.current()
        threading.Thread(target=self.answer_later, args=(request, loop), daemon=True).start()

    def answer_later(self, request: HTTPServerRequest, loop: IOLoop) -> None:
        """Wait for the whole round, then answer on the event loop."""
        self.app.settled.wait(SETTLE_SECONDS)
        loop.add_callback(super().__call__, request)


class PreviewServer(Server):  # type: ignore[misc]
    """livereload's server, its app behind `Patient`."""

    def get_web_handlers(self, script: bytes) -> list[Any]:
        """Every request goes to the app."""
        return [(r".*", FallbackHandler, {"fallback": Patient(self.app, script)})]


class Polling(Watcher):  # type: ignore[misc]
    """livereload's watcher, replaced by our own thread: it polls often and rebuilds first."""

    def __init__(self, folders: list[Path],
                 on_change: Callable[[Callable[[], None]], None]) -> None:
        super().__init__()
        self.folders, self.on_change = folders, on_change
        self._tasks: dict[str, dict[str, Any]] = {str(folder): {} for folder in folders}
        self.seen, self.changes = snapshot(folders), Changes(folders)

    def start(self, callback: Callable[[], None]) -> bool:
        """Start polling in a thread; livereload's own polling is not needed."""
        loop = IOLoop.current()
        threading.Thread(target=self.poll, args=(loop,), daemon=True).start()
        return True

    def examine(self) -> tuple[None, None]:
        """Nothing for livereload to do: the thread reloads browsers itself."""
        return None, None

    def poll(self, loop: IOLoop) -> None:
        """Rebuild whenever a watched file changes, the rebuild telling every browser to
        reload; told at once by inotify where it exists, else polling every POLL_SECONDS."""
        while True:
            self.changes.wait(TOLD_SECONDS if self.changes.told else POLL_SECONDS)
            now = snapshot(self.folders)
            if now != self.seen:
                self.seen = now
                self.on_change(lambda: loop.add_callback(LiveReloadHandler.reload_waiters))


def failure(preview: Preview, err: Exception) -> Problem:
    """Why a rebuild failed other than by the content (most often a layout saved half-written),
    where Jinja2 says it failed when it can; the watcher goes on watching."""
    named = getattr(err, "filename", None)
    where = display_path(Path(named)) if named else display_path(preview.layouts)
    fix = ("fix the template and save it again" if isinstance(err, TemplateError)
           else "save again; if it persists, report it with this message")
    return Problem(where, getattr(err, "lineno", None) or 1,
                   f"the preview could not be rebuilt ({type(err).__name__}: {err}); {fix}")


def rebuild(preview: Preview, app: PreviewApp, reload: Callable[[], None]) -> None:
    """One rebuild: browsers reload once every posting's pages are ready, the listings follow
    (a request for one is answered when they are ready), and browsers reload again only when
    the rebuild ends with problems (a layout that fails to render is one; the watcher keeps
    watching); the terminal hears about it."""
    told = False
    try:
        first = preview.start()
        if first.rest is not None:
            app.settled.clear()
            app.round, told = first, True
            reload()
            time.sleep(LEAD_SECONDS)
        app.round = preview.finish(first)
    except ContentErrors as err:
        app.round = Round(dict(preview.assets.files), tuple(err.problems), 0.0, 0)
    except Exception as err:  # shown, not fatal: the editor fixes the layout and saves again
        app.round = Round(dict(preview.assets.files), (failure(preview, err),), 0.0, 0)
    finally:
        app.settled.set()
    if app.round.problems:
        sys.stderr.write(as_text(app.round.problems))
    if not any(p.severity == ERROR for p in app.round.problems):
        print(f"Rebuilt in {app.round.seconds:.2f} s ({app.round.rendered} page(s) "
              "rendered).", flush=True)
    if not told or any(p.severity == ERROR for p in app.round.problems):
        reload()


def serve(content: Path, layouts: Path, clock: Clock, host: str, port: int) -> None:
    """Build, then serve the preview and rebuild on every change under content/ and layouts/.
    What the first build made is frozen out of the cycle collector's reach, so later rounds do
    not walk the whole site again."""
    preview, app = Preview(content, layouts, clock), PreviewApp()
    watcher = Polling([content, layouts], lambda reload: rebuild(preview, app, reload))
    rebuild(preview, app, lambda: None)
    gc.freeze()
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"Warning: the preview is open to other machines on {host}.", file=sys.stderr)
    server = PreviewServer(app, watcher=watcher)
    print(f"Preview: http://{host}:{port}/ (drafts and scheduled postings are shown and marked)",
          flush=True)
    server.serve(port=port, host=host, debug=False, open_url_delay=None)
