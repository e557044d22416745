"""The golden sample site: the whole output, byte for byte (regenerate: `make golden`)."""

from __future__ import annotations

from pathlib import Path

from tests.golden import EXPECTED, build_golden


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_the_golden_site_builds_exactly_as_committed(tmp_path: Path) -> None:
    build_golden(tmp_path / "site")
    built, expected = tree(tmp_path / "site"), tree(EXPECTED)
    assert sorted(built) == sorted(expected)
    changed = [path for path in built if built[path] != expected[path]]
    assert changed == [], f"output changed: {changed}; if deliberate, run `make golden`"
