"""Publishing: the previous site stays whole through errors, kills and hostile paths."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from openings.build.publish import check_output, publish, write_pieces, write_rendered
from openings.digests import digest
from openings.errors import OutputError

ROOT = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a folder and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def staging_leftovers(parent: Path) -> list[str]:
    """Temporary folders a build left beside its output."""
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".site."))


def test_publish_replaces_the_whole_site_in_one_step(tmp_path: Path) -> None:
    out = tmp_path / "site"
    publish(out, [("index.html", b"one"), ("old/index.html", b"old")])
    publish(out, [("index.html", b"two")])
    assert snapshot(out) == {"index.html": b"two"}
    assert staging_leftovers(tmp_path) == []


def test_a_failure_while_writing_leaves_the_previous_site_and_no_temporary_folder(
        tmp_path: Path) -> None:
    out = tmp_path / "site"
    publish(out, [("index.html", b"one")])

    def failing() -> Iterator[tuple[str, bytes]]:
        yield "index.html", b"half"
        raise RuntimeError("render failed")

    with pytest.raises(RuntimeError):
        publish(out, failing())
    assert snapshot(out) == {"index.html": b"one"}
    assert staging_leftovers(tmp_path) == []


@pytest.mark.parametrize("path", ["../escape.html", "/etc/passwd-copy", "a/../../escape"])
def test_output_never_lands_outside_the_output_folder(tmp_path: Path, path: str) -> None:
    with pytest.raises(OutputError):
        publish(tmp_path / "site", [(path, b"x")])
    assert not (tmp_path / "escape.html").exists() and not (tmp_path / "escape").exists()


def test_the_output_folder_may_not_be_the_content_or_a_folder_of_other_files(
        tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    with pytest.raises(OutputError):
        check_output(content, [content])
    with pytest.raises(OutputError):
        check_output(tmp_path, [content])
    other = tmp_path / "docs"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    with pytest.raises(OutputError, match="not an Openings site"):
        check_output(other, [content])


def test_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path: Path) -> None:
    dead = tmp_path / ".site.staging-999999999-abc"
    dead.mkdir()
    (dead / "index.html").write_text("half")
    publish(tmp_path / "site", [("index.html", b"new")])
    assert staging_leftovers(tmp_path) == []


def test_a_site_set_aside_by_a_killed_swap_is_restored(tmp_path: Path) -> None:
    aside = tmp_path / ".site.staging-999999999-abc-old"
    aside.mkdir()
    (aside / "index.html").write_text("previous")
    (aside / "jobs.json").write_text("{}")
    from openings.build.publish import remove_leftovers
    remove_leftovers(tmp_path / "site")
    assert snapshot(tmp_path / "site") == {"index.html": b"previous", "jobs.json": b"{}"}


def test_a_worker_never_brings_back_a_staging_tree_already_removed(tmp_path: Path) -> None:
    root, made = tmp_path / ".site.staging-1-x", set[Path]()
    root.mkdir()
    write_rendered(root, "jobs/a/index.html", b"a", None, made)
    shutil.rmtree(root)
    with pytest.raises(FileNotFoundError):
        write_rendered(root, "jobs/b/index.html", b"b", None, made)
    assert not root.exists()


def test_a_changed_file_is_written_as_a_new_file_never_through_a_link(tmp_path: Path) -> None:
    live, root = tmp_path / "live.html", tmp_path / "staging"
    root.mkdir()
    live.write_bytes(b"old")
    os.link(live, root / "index.html")
    write_rendered(root, "index.html", b"new", "digest of old", set())
    assert (root / "index.html").read_bytes() == b"new"
    assert live.read_bytes() == b"old"


def test_open_data_written_in_pieces_is_a_new_file_with_the_digest_of_its_bytes(
        tmp_path: Path) -> None:
    live, root = tmp_path / "live.json", tmp_path / "staging"
    (root / "data").mkdir(parents=True)
    live.write_bytes(b"old")
    os.link(live, root / "data" / "jobs.json")
    pieces = [b'{"postings":[\n', '{"title":"Agente, Montréal"}'.encode(), b"\n]}\n"]
    written = write_pieces(root, "data/jobs.json", lambda: iter(pieces), "digest of old", set())
    data = b"".join(pieces)
    assert (root / "data" / "jobs.json").read_bytes() == data
    assert written.digest == digest(data)
    assert live.read_bytes() == b"old"
    with pytest.raises(OutputError):
        write_pieces(root, "../outside.json", lambda: iter(pieces), None, set())


def test_unchanged_open_data_is_not_written_again(tmp_path: Path) -> None:
    root = tmp_path / "staging"
    root.mkdir()
    (root / "jobs.csv").write_bytes(b"a,b\r\n")
    before = (root / "jobs.csv").stat().st_ino
    written = write_pieces(root, "jobs.csv", lambda: iter([b"a,b\r\n"]), digest(b"a,b\r\n"),
                           set())
    assert written.digest == digest(b"a,b\r\n")
    assert (root / "jobs.csv").stat().st_ino == before
    assert [path.name for path in root.iterdir()] == ["jobs.csv"]


def test_open_data_that_fails_half_way_leaves_the_file_the_tree_held(tmp_path: Path) -> None:
    root = tmp_path / "staging"
    root.mkdir()
    (root / "jobs.csv").write_bytes(b"a,b\r\n")

    def pieces() -> Iterator[bytes]:
        """A first piece, then a full disk."""
        yield b"c,d\r\n"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_pieces(root, "jobs.csv", pieces, digest(b"a,b\r\n"), set())
    assert (root / "jobs.csv").read_bytes() == b"a,b\r\n"
    assert [path.name for path in root.iterdir()] == ["jobs.csv"]
