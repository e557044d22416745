"""The preview is told when an editor saves (inotify on Linux), instead of finding out at the
next poll; a folder made later is watched too."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from openings.editors.changes import Changes

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


def test_a_save_is_told_and_quiet_is_not(tmp_path: Path) -> None:
    (tmp_path / "job.md").write_text("one")
    changes = Changes([tmp_path])
    assert changes.told
    assert not changes.wait(0.05)
    (tmp_path / "job.md").write_text("two")
    assert changes.wait(5)
    assert not changes.wait(0.05)


def test_a_change_in_a_folder_made_after_the_start_is_told(tmp_path: Path) -> None:
    changes = Changes([tmp_path])
    (tmp_path / "static").mkdir()
    assert changes.wait(5)
    saver = threading.Timer(0.05, (tmp_path / "static" / "site.css").write_text, ["a {}"])
    saver.start()
    assert changes.wait(5)
    saver.join()


def test_a_rename_over_a_posting_is_told(tmp_path: Path) -> None:
    (tmp_path / "job.md").write_text("one")
    changes = Changes([tmp_path])
    (tmp_path / ".job.md.swp").write_text("two")
    (tmp_path / ".job.md.swp").rename(tmp_path / "job.md")
    assert changes.wait(5)


def test_a_save_is_told_once_the_file_is_closed_not_while_it_is_written(tmp_path: Path) -> None:
    (tmp_path / "job.md").write_text("one")
    changes = Changes([tmp_path])
    with (tmp_path / "job.md").open("w") as handle:
        handle.write("half a pos")
        handle.flush()
        assert not changes.wait(0.05)
        handle.write("ting")
    assert changes.wait(5)
