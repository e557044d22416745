"""Stage 5, publish: write a staging tree beside the output, then swap it in whole.

A kill at any point leaves either the previous site or the new one, never a mix; leftover
staging folders of dead builds are removed by the next build.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..digests import Running, digest
from ..errors import OutputError

RENAME_EXCHANGE = 2
AT_FDCWD = -100


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


@dataclass(frozen=True)
class Written:
    """A file a worker process already wrote into the staging tree: its digest."""

    digest: str


FileData = bytes | Written
Manifest = dict[str, str]


@dataclass(frozen=True)
class SiteFiles:
    """Every file of a site for one staging tree: those unchanged since the previous build,
    by digest (their bytes are in the live site), taken in bulk, since an edit's build keeps
    nearly all of them; then the rest one at a time as they are rendered or written."""

    kept: Manifest
    fresh: Iterable[tuple[str, FileData]]


def write_rendered(root: Path, relative: str, data: bytes, known: str | None,
                   made: set[Path]) -> Written:
    """Write one rendered file into a staging tree that held `known` (its digest) at that path,
    unless it is unchanged; a worker's share of `sync_tree` (`made`: folders it made)."""
    found = digest(data)
    if found != known:
        place(root, relative, known is not None, made).write_bytes(data)
    return Written(found)


def write_pieces(root: Path, relative: str, pieces: Callable[[], Iterable[bytes]],
                 known: str | None, made: set[Path]) -> Written:
    """Write a big file (a big site's open data) into a staging tree that held `known` (its
    digest) at that path, never whole in memory: digested as it is written beside its place,
    then put there, unless it is what the tree holds."""
    target = inside(root, relative)
    make_folders(root, target.parent, made)
    running, part = Running(), target.with_name(target.name + ".part")
    try:
        with part.open("wb") as handle:
            for piece in pieces():
                running.update(piece)
                handle.write(piece)
        if (found := running.hex()) != known:
            os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    return Written(found)


def place(root: Path, relative: str, held: bool, made: set[Path]) -> Path:
    """Where a new file goes in a staging tree: the file it replaces removed when the tree
    `held` one there (it may be a link into the live site), else its folders made."""
    target = inside(root, relative)
    if held:
        target.unlink(missing_ok=True)
    else:
        make_folders(root, target.parent, made)
    return target


def make_folders(root: Path, folder: Path, made: set[Path]) -> None:
    """Make the folders from the staging tree's root down to `folder`, never the root itself:
    a worker still running after its build failed or was stopped must not bring back a staging
    tree already removed."""
    relative = folder.relative_to(root)
    if relative == Path("."):
        return
    for level in (*reversed(relative.parents[:-1]), relative):
        path = root / level
        if path not in made:
            with contextlib.suppress(FileExistsError):
                path.mkdir()
            made.add(path)


def tree_id(folder: Path) -> tuple[int, int] | None:
    """Which folder this is (device and inode): a swap moves folders, it does not copy them."""
    try:
        status = folder.stat()
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


@dataclass
class Trees:
    """What the build cache knows of the published site and of the spare tree kept beside it
    (the site before it), so that a build rewrites only the files that differ."""

    live: Manifest = field(default_factory=dict)
    live_id: tuple[int, int] | None = None
    spare: Manifest = field(default_factory=dict)
    spare_id: tuple[int, int] | None = None
    spare_folder: Path | None = None
    live_search: str | None = None
    spare_search: str | None = None


def sync_tree(root: Path, files: SiteFiles, had: Manifest, live: Path) -> Manifest:
    """Make the tree at root hold exactly these files, given what it held (`had`): unchanged
    files are left alone (their paths were checked when written), kept files it lacks linked
    from the live site, others written, and files no longer in the site removed."""
    manifest: Manifest = dict(files.kept)
    made: set[Path] = set()
    for relative in [path for path, found in files.kept.items() if had.get(path) != found]:
        target = place(root, relative, relative in had, made)
        try:
            os.link(live / relative, target)
        except OSError:
            target.unlink(missing_ok=True)
            shutil.copyfile(live / relative, target)
    # Every kept file is in the tree before the fresh ones are first asked for: the search
    # step starts the index then when no indexed page is fresh.
    for relative, data in files.fresh:
        found = digest(data) if isinstance(data, bytes) else data.digest
        manifest[relative] = found
        if had.get(relative) != found and isinstance(data, bytes):
            place(root, relative, relative in had, made).write_bytes(data)
    remove_stale(root, had.keys() - manifest.keys())
    return manifest


def remove_stale(root: Path, stale: Iterable[str]) -> None:
    """Delete files no longer in the site, and the folders they leave empty."""
    folders: set[Path] = set()
    for relative in stale:
        target = inside(root, relative)
        target.unlink(missing_ok=True)
        folders.update(parent for parent in target.parents if root in parent.parents)
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2, found among the symbols the
    process already has); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return bool(result == 0)


def swap_in(staging: Path, out: Path) -> Path | None:
    """Make the staging tree the output in one step; returns where the previous site now is."""
    if not out.exists():
        os.rename(staging, out)
        return None
    if not exchange(staging, out):
        old = staging.with_name(staging.name + "-old")
        os.rename(out, old)
        os.rename(staging, out)
        return old
    return staging


def staging_tree(out: Path, trees: Trees | None) -> tuple[Path, Manifest]:
    """The folder to build in and what it holds: the spare tree when the cache vouches for it
    (renamed to a staging name first, so a kill leaves a leftover, not a trusted tree), else an
    empty one."""
    staging = Path(tempfile.mkdtemp(prefix=f"{staging_prefix(out)}{os.getpid()}-",
                                    dir=out.parent)).resolve()
    spare = trees.spare_folder if trees else None
    if trees is None or spare is None or not spare.exists():
        return staging, {}
    if trees.spare_id is not None and tree_id(spare) == trees.spare_id:
        os.rmdir(staging)
        os.rename(spare, staging)
        return staging, trees.spare
    shutil.rmtree(spare, ignore_errors=True)
    return staging, {}


def publish(out: Path, files: Callable[[Path, Manifest], SiteFiles]
            | Iterable[tuple[str, FileData]],
            finish: Callable[[Path, Manifest], None] | None = None,
            trees: Trees | None = None) -> Manifest:
    """Bring a staging tree to exactly the files `files(staging, what it holds)` gives (some
    written by workers into it), let `finish` add to it (the search index), and swap it in;
    nothing half-written stays. With `trees` (the build cache's), the previous site is kept
    as the next build's staging tree, so only changed files are written."""
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    staging, had = staging_tree(out, trees)
    try:
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)
        listed = files(staging, had) if callable(files) else files
        manifest = sync_tree(staging, listed if isinstance(listed, SiteFiles) else SiteFiles(
            {}, listed), had, out)
        if finish is not None:
            finish(staging, manifest)
        previous = swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    keep_spare(previous, out, trees, manifest)
    return manifest


def keep_spare(previous: Path | None, out: Path, trees: Trees | None,
               manifest: Manifest) -> None:
    """Keep the previous site as the next build's spare tree when its files are known, else
    remove it; record both trees for the cache."""
    spare = trees.spare_folder if trees else None
    if previous is not None and trees is not None and spare is not None and (
            trees.live_id is not None and tree_id(previous) == trees.live_id):
        spare.parent.mkdir(parents=True, exist_ok=True)
        os.rename(previous, spare)
        trees.spare, trees.spare_id = trees.live, tree_id(spare)
        trees.spare_search = trees.live_search
    elif previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
        if trees is not None:
            trees.spare, trees.spare_id, trees.spare_search = {}, None, None
    if trees is not None:
        trees.live, trees.live_id = manifest, tree_id(out)
