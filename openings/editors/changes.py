"""Being told when a watched folder changes: Linux's inotify, so the preview rebuilds as soon as
an editor saves instead of at the next poll; elsewhere (or when inotify is unavailable) the
watcher simply polls."""

from __future__ import annotations

import contextlib
import ctypes
import os
import select
import sys
from collections.abc import Iterable
from pathlib import Path

IN_ATTRIB, IN_CLOSE_WRITE = 0x4, 0x8
IN_MOVED_FROM, IN_MOVED_TO, IN_CREATE, IN_DELETE = 0x40, 0x80, 0x100, 0x200
EVENTS = IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
"""Not each write (IN_MODIFY): a save is told once the file is closed, so the preview does not
rebuild at every write of one save (a file only created, or caught by the watcher's look every
`serve.TOLD_SECONDS`, may still be read half-written; its closing is told and rebuilds again)."""
IN_NONBLOCK, IN_CLOEXEC = 0o4000, 0o2000000


def subfolders(folders: Iterable[Path]) -> list[Path]:
    """Each watched folder and every folder below it, hidden ones left out."""
    found = []
    for folder in folders:
        for root, dirs, _ in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.append(Path(root))
    return found


class Changes:
    """Waits until something under the folders changes, or a timeout passes."""

    def __init__(self, folders: Iterable[Path]) -> None:
        self.folders = list(folders)
        self.fd: int | None = None
        libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
        if libc is not None and hasattr(libc, "inotify_init1"):
            fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
            if fd >= 0:
                self.libc, self.fd = libc, fd
                self.watch()

    @property
    def told(self) -> bool:
        """Whether changes are told (inotify) rather than found by polling."""
        return self.fd is not None

    def watch(self) -> None:
        """Watch every folder, new ones included (adding a watch twice is harmless)."""
        for folder in subfolders(self.folders):
            self.libc.inotify_add_watch(self.fd, os.fsencode(folder), EVENTS)

    def wait(self, timeout: float) -> bool:
        """Block until a change is told (True) or the timeout passes (False)."""
        if self.fd is None:
            select.select([], [], [], timeout)
            return False
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        with contextlib.suppress(BlockingIOError):
            while os.read(self.fd, 65536):
                pass
        self.watch()
        return True
