"""Stage 5, publish: write a staging tree beside the output, then swap it in whole.

A kill at any point leaves either the previous site or the new one, never a mix; leftover
staging folders of dead builds are removed by the next build.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

RENAME_EXCHANGE = 2
AT_FDCWD = -100


class OutputError(Exception):
    """The output folder cannot be written or replaced safely."""

    exit_code = 2


def staging_prefix(out: Path) -> str:
    """The name prefix of this output's temporary folders."""
    return f".{out.name}.staging-"


def pid_alive(pid: int) -> bool:
    """Whether a build process still runs (its staging folder must be left alone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(out: Path) -> None:
    """Delete staging folders left by builds that were killed, restoring a site set aside."""
    prefix = staging_prefix(out)
    for entry in sorted(out.parent.glob(prefix + "*-old")):
        if not out.exists():
            os.rename(entry, out)
    for entry in out.parent.glob(prefix + "*"):
        pid = entry.name.removeprefix(prefix).split("-")[0]
        if entry.is_dir() and not (pid.isdigit() and pid_alive(int(pid))):
            shutil.rmtree(entry, ignore_errors=True)


def check_output(out: Path, protected: Iterable[Path]) -> None:
    """Refuse an output folder that would replace content, layouts or a non-site folder."""
    resolved = out.resolve()
    for folder in protected:
        if resolved == folder.resolve() or resolved in folder.resolve().parents:
            raise OutputError(f"{out}: the output folder would replace {folder}; choose another")
    if resolved.exists() and not resolved.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    if resolved.is_dir() and any(resolved.iterdir()) and not (resolved / "jobs.json").exists():
        raise OutputError(f"{out}: holds files that are not an Openings site; empty it or "
                          "choose another output folder")


def inside(root: Path, relative: str) -> Path:
    """The target of a relative output path, refused if it could land outside the root: no
    absolute path, no `..`, no backslash (checked on the text; the staging tree holds no links)."""
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or "\\" in relative or any(
            part in ("..", ".") for part in parts):
        raise OutputError(f"refusing to write outside the output folder: {relative}")
    return root.joinpath(*parts)


FileData = bytes | Path


def put(target: Path, data: FileData) -> None:
    """Write a file, or hard-link an unchanged one from the previous site (copy if links fail)."""
    if isinstance(data, bytes):
        target.write_bytes(data)
        return
    try:
        os.link(data, target)
    except OSError:
        shutil.copyfile(data, target)


def write_tree(root: Path, files: Iterable[tuple[str, FileData]]) -> int:
    """Write every file under root; returns how many."""
    count = 0
    made: set[Path] = set()
    for relative, data in files:
        target = inside(root, relative)
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        put(target, data)
        count += 1
    return count


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return bool(result == 0)


def swap_in(staging: Path, out: Path) -> None:
    """Make the staging tree the output in one step, then remove the previous site."""
    if not out.exists():
        os.rename(staging, out)
        return
    if not exchange(staging, out):
        old = staging.with_name(staging.name + "-old")
        os.rename(out, old)
        os.rename(staging, out)
        staging = old
    shutil.rmtree(staging, ignore_errors=True)


def publish(out: Path, files: Iterable[tuple[str, FileData]],
            finish: Callable[[Path], None] | None = None) -> int:
    """Write every file into a fresh staging tree, let `finish` add to it (the search index),
    and swap it in; nothing half-written stays."""
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    staging = Path(tempfile.mkdtemp(prefix=f"{staging_prefix(out)}{os.getpid()}-",
                                    dir=out.parent)).resolve()
    try:
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)
        count = write_tree(staging, files)
        if finish is not None:
            finish(staging)
        swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count
