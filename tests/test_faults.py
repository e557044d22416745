"""Faults, tried on purpose: builds killed at random points, a full disk, a read-only output
folder, and files vanishing while they are read. The published site is always whole (the
previous one or the new one) and the next build is right."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import openings.content.content_files
from build import main
from openings.content.load import LoadCache, load_content
from tests.conftest import SITE_YML, make_content, posting

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-29T12:00:00-05:00"
KILLS = int(os.environ.get("OPENINGS_KILLS", "12"))
POSTINGS = int(os.environ.get("OPENINGS_KILL_POSTINGS", "100"))
"""The suite kills 12 builds of 100 postings (five minutes is the suite's budget); `make
faults` kills 20 of 5,000."""


def signature(folder: Path) -> str:
    """A digest of every file's path, inode, size and time: builds never change a published
    file in place, so any change to the site changes this."""
    digest = hashlib.sha256()
    for root, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            status = os.stat(os.path.join(root, name))
            digest.update(f"{root}/{name} {status.st_ino} {status.st_size} "
                          f"{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def contents(folder: Path) -> dict[str, bytes]:
    """Every file of a site and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def small_postings(folder: Path, count: int) -> None:
    """`count` short postings, most of them closed (search indexes only the open ones)."""
    folder.mkdir(parents=True)
    (folder / "site.yml").write_text(SITE_YML, encoding="utf-8")
    for index in range(count):
        deadline = "2027-02-15" if index % 10 == 0 else f"2026-{1 + index % 10:02d}-15"
        (folder / f"job-{index:05d}.md").write_text(
            posting(f"Job {index}", deadline=deadline, posted="2025-12-01"), encoding="utf-8")


def test_builds_killed_at_random_points_never_leave_a_broken_site(tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "site"
    small_postings(content, POSTINGS)
    command = [sys.executable, str(ROOT / "build.py"), "build", "--content", str(content),
               "--out", str(out), "--now", NOW, "--jobs", "1"]
    subprocess.run(command, check=True, capture_output=True, cwd=tmp_path)
    started = time.monotonic()
    subprocess.run(command, check=True, capture_output=True, cwd=tmp_path)
    cached = time.monotonic() - started
    chance, outcomes = random.Random(11), {"previous": 0, "new": 0}
    for kill in range(KILLS):
        before = signature(out)
        (content / f"job-{kill:05d}.md").write_text(posting(f"Edited {kill}", posted="2025-12-01"))
        build = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        time.sleep(chance.uniform(0.0, cached))
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        shown = (out / f"jobs/job-{kill:05d}/index.html").read_text(encoding="utf-8")
        if signature(out) == before:
            outcomes["previous"] += 1
            assert f"Edited {kill}" not in shown
        else:
            outcomes["new"] += 1
            assert f"Edited {kill}" in shown
    subprocess.run(command, check=True, capture_output=True, cwd=tmp_path)
    clean = tmp_path / "clean"
    subprocess.run([*command[:5], "--out", str(clean), "--now", NOW, "--no-cache"],
                   check=True, capture_output=True, cwd=tmp_path)
    assert contents(out) == contents(clean)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")]
    assert outcomes["previous"] >= KILLS // 4, outcomes


def cli_build(content: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run `build.py build` in this process; its exit status and what it told the editor."""
    status = main(["build", "--content", str(content), "--out", str(out), "--now", NOW])
    return status, capsys.readouterr().err


def published(tmp_path: Path, out: Path,
              capsys: pytest.CaptureFixture[str]) -> tuple[Path, dict[str, bytes]]:
    """A content folder of one posting, built into `out`; the folder and the site's files."""
    content = make_content(tmp_path, {"analyst.md": posting("Analyst")})
    assert cli_build(content, out, capsys)[0] == 0
    return content, contents(out)


def one_clear_error(said: str, reason: str) -> bool:
    """Whether the editor was told one line: what failed, why, and that nothing changed."""
    lines = said.strip().splitlines()
    return len(lines) == 1 and lines[0].startswith(
        f"build.py: error: could not write the site ({reason}") and lines[0].endswith(
        "the previous site is unchanged")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system of its own (tmpfs), where mounting is allowed."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("this machine does not allow mounting a small file system")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_full_disk_is_one_clear_error_and_the_site_stays(
        tmp_path: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = small_disk / "site"
    content, before = published(tmp_path, out, capsys)
    for index in range(60):
        (content / f"job-{index}.md").write_text(posting(f"Job {index}") + "words " * 4000)
    status, said = cli_build(content, out, capsys)
    assert status == 2
    assert one_clear_error(said, "No space left on device")
    assert contents(out) == before
    assert not [p.name for p in small_disk.iterdir() if p.name.startswith(".site.")]


def test_a_read_only_output_folder_is_one_clear_error(
        tmp_path: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = small_disk / "site"
    content, before = published(tmp_path, out, capsys)
    (content / "clerk.md").write_text(posting("Clerk"))
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    status, said = cli_build(content, out, capsys)
    assert status == 2
    assert one_clear_error(said, "Read-only file system")
    assert contents(out) == before


def test_a_failing_write_anywhere_is_one_clear_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    content, before = published(tmp_path, out, capsys)
    (content / "clerk.md").write_text(posting("Clerk"))

    def full(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    status, said = cli_build(content, out, capsys)
    monkeypatch.undo()
    assert status == 2 and one_clear_error(said, "No space left on device")
    assert contents(out) == before
    assert cli_build(content, out, capsys)[0] == 0
    assert "Clerk" in (out / "jobs/clerk/index.html").read_text()


def test_a_posting_deleted_while_the_content_is_read_is_left_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = make_content(tmp_path, {"a.md": posting("A"), "b.md": posting("B")})
    real = openings.content.content_files.read_bytes

    def racing(path: Path) -> bytes | OSError | None:
        if path.name == "a.md":
            (content / "b.md").unlink()
        return real(path)

    monkeypatch.setattr(openings.content.content_files, "read_bytes", racing)
    loaded, problems = load_content(content, LoadCache())
    assert problems == [] and loaded is not None
    assert [p.title for p in loaded.postings] == ["A"]
