"""The build cache's files on disk: a stamp first (read before anything else, so that no
other version's records are unpickled), then pickles, the whole cache in slices of postings;
each file written in one step (a temporary file, then a rename); and what a table changed
since the whole cache was written, which a build writes instead of it."""

from __future__ import annotations

import itertools
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, BinaryIO

Table = dict[Any, Any]


SLICE = 500
"""Postings in one pickle of the whole cache. A pickle shares an object only within itself,
so each posting's entries (its file's, its rules', its views', its standing) go into one
slice; the pickler's memo then holds one slice's objects, not the whole cache's million
(about 50 MiB at 10,000 postings)."""


def slices(tables: dict[str, Table]) -> list[dict[str, Table]]:
    """The tables cut into slices of SLICE postings, each posting's entries in one slice."""
    files = tables["files"]
    count = max(1, -(-len(files) // SLICE))
    at = {id(entry[1]): number // SLICE for number, entry in enumerate(files.values())}
    cut: list[dict[str, Table]] = [{name: {} for name in tables} for _ in range(count)]
    for name, table in tables.items():
        for number, (key, value) in enumerate(table.items()):
            cut[slice_of(name, key, number, at, count)][name][key] = value
    return cut


def slice_of(name: str, key: Any, number: int, at: dict[int, int], count: int) -> int:
    """Which slice a table's entry goes into: its posting's, or any for entries that hold
    no posting (stats, open-data lines, units and pages are text)."""
    if name == "files":
        return number // SLICE
    if name in ("ruled", "standings"):
        return at.get(id(key), 0)
    if name == "views":
        return at.get(id(key[0]), 0)
    return number % count


def read_whole(path: Path, stamp: str) -> tuple[str, dict[str, Any], dict[str, Table]]:
    """The whole cache: its id, its head and its tables, joined from their slices."""
    with path.open("rb") as handle:
        check_stamp(handle, stamp)
        base_id, head, count = pickle.load(handle)
        tables: dict[str, Table] = {}
        for _ in range(count):
            for name, table in pickle.load(handle).items():
                tables.setdefault(name, {}).update(table)
        return base_id, head, tables


def read_part(path: Path, stamp: str) -> Any:
    """The changes file's content, after its stamp (ValueError when the stamp differs)."""
    with path.open("rb") as handle:
        check_stamp(handle, stamp)
        return pickle.load(handle)


def check_stamp(handle: BinaryIO, stamp: str) -> None:
    """Read a cache file's stamp first, so that no other version's records are unpickled."""
    if pickle.load(handle) != stamp:
        raise ValueError("another version's cache")


def write_part(path: Path, stamp: str, *parts: object) -> None:
    """Write one cache file in one step: its stamp, then each part, pickled on its own."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".build-cache-")
    try:
        with os.fdopen(handle, "wb") as stream:
            for part in (stamp, *parts):
                pickle.dump(part, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(name, path)
    finally:
        Path(name).unlink(missing_ok=True)


MISSING = object()


def changes(base: Table, table: Table) -> tuple[Table, list[Any]]:
    """What a table changed since the base: its entries added or replaced, its keys gone.
    In a table keyed by records, an entry the base holds as the very same key and value
    objects is unchanged without hashing its key (postings hash through a Python method: 55
    of this diff's 67 ms at 10,000 postings); any other is looked up in the base."""
    by_id = not all(isinstance(key, str) for key in itertools.islice(table, 1))
    same = {id(key): value for key, value in base.items()} if by_id else {}
    present = set(map(id, table)) if by_id else set()
    kept = {key: value for key, value in table.items()
            if same.get(id(key), MISSING) is not value
            and (was := base.get(key, MISSING)) is not value and was != value}
    return kept, [key for key in base if id(key) not in present and key not in table]
