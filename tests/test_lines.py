"""Open-data lines kept in a file beside the build cache: the open data reads the same as when
they were held in memory, whatever became of the file, and the file does not grow for good."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import openings.outputs.lines
import openings.outputs.opendata
from openings import build_site
from openings.outputs.lines import Lines
from tests.conftest import LAYOUTS, make_content, posting
from tests.test_cache import NOW, same_as_clean

PAIRS = {
    "a": ('{"title":"Analyste principal·e, Côte-Nord"}', "a,\"Analyste, Côte\"\r\n"),
    "b": ('{"title":"Clerk"}', "b,Clerk\r\n"),
    "c": ('{"title":"Agent 🌲"}', "c,Agent 🌲\r\n"),
}


def utf8(*pairs: tuple[str, str]) -> list[tuple[bytes, bytes]]:
    """Pairs of lines as the open data writes them."""
    return [(first.encode(), second.encode()) for first, second in pairs]


def kept_in(path: Path, pairs: dict[str, tuple[str, str]]) -> Lines:
    """Lines placed in a file at `path`."""
    lines = Lines(path)
    for key, pair in pairs.items():
        lines.add(key, pair)
    return lines


def test_lines_placed_in_a_file_read_back_as_they_were_in_any_order(tmp_path: Path) -> None:
    lines = kept_in(tmp_path / "lines", PAIRS)
    assert list(lines.only(["c", "a", "b"])) == utf8(PAIRS["c"], PAIRS["a"], PAIRS["b"])
    assert all(isinstance(place, int) for place in lines.kept.values())
    assert list(lines.only(["b"])) == utf8(PAIRS["b"])
    assert "a" not in lines


def test_lines_read_ahead_across_pieces_of_the_file(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(openings.outputs.lines, "READ_AHEAD", 8)
    monkeypatch.setattr(openings.outputs.lines, "PENDING", 8)
    many = {f"k{number}": (f'{{"n":{number}}}', f"{number},é\r\n") for number in range(50)}
    lines = kept_in(tmp_path / "lines", many)
    order = sorted(many, reverse=True)
    assert list(lines.only(order)) == utf8(*(many[key] for key in order))


def test_a_file_that_cannot_be_written_keeps_the_lines_in_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "lines"
    blocked.mkdir()  # a folder where the file would go: writing it fails as a full disk does
    lines = kept_in(blocked, PAIRS)
    assert list(lines.only(list(PAIRS))) == utf8(*PAIRS.values())
    assert lines.state() is None


def test_lines_placed_before_a_write_fails_are_still_read(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lines"
    lines = kept_in(path, {"a": PAIRS["a"]})
    lines.flush()
    real_open = Path.open

    def full(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if mode == "ab":
            raise OSError(28, "No space left on device")
        return real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", full)
    lines.add("b", PAIRS["b"])
    lines.add("c", PAIRS["c"])
    assert list(lines.only(["a", "b", "c"])) == utf8(PAIRS["a"], PAIRS["b"], PAIRS["c"])


def test_a_file_changed_since_the_cache_named_it_is_not_trusted(tmp_path: Path) -> None:
    path = tmp_path / "lines"
    lines = kept_in(path, PAIRS)
    state = lines.state()
    assert Lines.in_file(path, lines.kept, state).kept == lines.kept
    path.write_bytes(path.read_bytes()[:-5])
    assert len(Lines.in_file(path, lines.kept, state)) == 0
    kept_in(path, PAIRS)  # another file at that path: another id
    assert len(Lines.in_file(path, lines.kept, state)) == 0


def test_the_file_is_written_anew_once_most_of_it_is_forgotten(tmp_path: Path) -> None:
    path = tmp_path / "lines"
    lines = kept_in(path, PAIRS)
    for number in range(20):
        lines.add(f"a{number}", (f'{{"edit":{number}}}', f"{number}\r\n"))
    lines.only(["a19", "b"])
    before = path.stat().st_size
    lines.compact()
    assert path.stat().st_size < before / 2
    assert list(lines.only(["b", "a19"])) == utf8(PAIRS["b"], ('{"edit":19}', "19\r\n"))
    assert Lines.in_file(path, lines.kept, lines.state()).kept == lines.kept


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """Two postings, one in each language."""
    return make_content(tmp_path, {
        "analyst.md": posting("Analyst", job_id="J-1"),
        "analyste.md": posting("Analyste", job_id="J-1", lang="fr"),
    })


@pytest.mark.parametrize("damage", ["removed", "cut short", "replaced"])
def test_open_data_is_whole_whatever_became_of_the_lines_file(
        content: Path, tmp_path: Path, damage: str) -> None:
    out = tmp_path / "build" / "site"
    build_site(content, out, LAYOUTS, NOW, search=False)
    lines = out.parent / ".cache/openings/open-data-lines-site"
    assert lines.is_file()
    if damage == "removed":
        lines.unlink()
    elif damage == "cut short":
        lines.write_bytes(lines.read_bytes()[:40])
    else:
        lines.write_bytes(b"0" * 16 + lines.read_bytes()[16:])
    (content / "clerk.md").write_text(posting("Clerk"))
    build_site(content, out, LAYOUTS, NOW, search=False)
    titles = {p["title"] for p in json.loads((out / "jobs.json").read_text())["postings"]}
    assert titles == {"Analyst", "Analyste", "Clerk"}
    same_as_clean(content, out, tmp_path)


def test_a_cache_folder_that_cannot_hold_the_lines_file_still_builds(
        content: Path, tmp_path: Path) -> None:
    out = tmp_path / "build" / "site"
    (out.parent / ".cache/openings/open-data-lines-site").mkdir(parents=True)
    build_site(content, out, LAYOUTS, NOW, search=False)
    build_site(content, out, LAYOUTS, NOW, search=False)
    same_as_clean(content, out, tmp_path)


def test_open_data_written_in_blocks_of_any_size_is_the_same_file(
        content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A big site's open data goes out a block of lines at a time; where the blocks end never
    shows in the files."""
    whole = tmp_path / "whole" / "site"
    build_site(content, whole, LAYOUTS, NOW, search=False, cache=False)
    monkeypatch.setattr(openings.outputs.opendata, "BLOCK", 1)
    one_a_block = tmp_path / "small" / "site"
    build_site(content, one_a_block, LAYOUTS, NOW, search=False, cache=False)
    for name in ("jobs.json", "jobs.csv"):
        assert (one_a_block / name).read_bytes() == (whole / name).read_bytes()
    assert len(json.loads((whole / "jobs.json").read_text())["postings"]) == 2
