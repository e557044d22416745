"""Each posting's open-data lines (its jobs.json line and jobs.csv row), held from the first
pass that makes them to the open data that joins them, and kept between builds.

A build keeps them in a file beside its cache (`Lines.in_file`): a line for every posting
weighs about 1.2 kB a posting, some 60 MB that a 50,000-posting site's build would otherwise
hold from start to end. The process holds where each posting's lines are, one number each.
The preview and checks hold them in memory (`Lines()`), and so does a build whose file cannot
be written: a full disk or a read-only cache folder costs memory, never the build.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

Pair = tuple[str, str]
Encoded = tuple[bytes, bytes]
"""A pair as UTF-8, as the open data is written."""
Place = int
"""Where a pair is in the file: its offset, then the byte lengths of its two lines, 32 bits
each, in one number (a tuple of three numbers weighs four times as much)."""

ID_LENGTH = 16
PENDING = 1 << 20
"""Bytes appended at once: lines wait in memory until this many have come."""
READ_AHEAD = 1 << 20
"""Bytes read at once: the file holds lines mostly in the order they are asked for."""
COMPACT_AT = 0.5
"""The share of the file that no kept line names any more above which it is written anew."""


class Lines:
    """Open-data lines by key (`opendata.lines_key`): in memory, or placed in a file."""

    def __init__(self, path: Path | None = None, kept: dict[str, Place | Encoded] | None = None,
                 file_id: str | None = None, end: int = 0) -> None:
        self.path, self.file_id, self.end = path, file_id, end
        self.writable = path is not None
        self.kept: dict[str, Place | Encoded] = {} if kept is None else kept
        self.pending: list[tuple[str, bytes, bytes]] = []
        self.pending_size = 0

    @classmethod
    def in_file(cls, path: Path, kept: dict[str, Place | Encoded],
                known: tuple[str, int] | None) -> Lines:
        """The lines a build cache names, when the file still holds them as that cache left it
        (`known`: the file's id and length then); none, and a new file, otherwise."""
        found = file_state(path)
        if known is None or found is None or found[0] != known[0] or found[1] < known[1]:
            return cls(path)
        return cls(path, kept, found[0], found[1])

    def __contains__(self, key: object) -> bool:
        return key in self.kept

    def __len__(self) -> int:
        return len(self.kept)

    def add(self, key: str, pair: Pair) -> None:
        """Keep one posting's lines: placed in the file when it can be written."""
        self.put(key, pair[0].encode("utf-8"), pair[1].encode("utf-8"))

    def put(self, key: str, first: bytes, second: bytes) -> None:
        """Keep one posting's lines, as UTF-8."""
        if self.writable and self.file_id is None:
            self.start()
        if not self.writable:
            self.kept[key] = first, second
            return
        self.pending.append((key, first, second))
        self.kept[key] = self.end << 64 | len(first) << 32 | len(second)
        self.end += len(first) + len(second)
        self.pending_size += len(first) + len(second)
        if self.pending_size >= PENDING:
            self.flush()

    def start(self) -> None:
        """Begin a new file with a new id (lines stay in memory when it cannot be written)."""
        assert self.path is not None
        file_id = os.urandom(ID_LENGTH // 2).hex()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(file_id.encode("ascii"))
        except OSError:
            self.writable = False
            return
        self.file_id, self.end = file_id, ID_LENGTH

    def flush(self) -> None:
        """Append the pending lines to the file; when it cannot be written, keep them (and
        every later line) in memory instead."""
        if not self.pending or self.path is None:
            return
        try:
            with self.path.open("ab") as handle:
                handle.write(b"".join(first + second for _, first, second in self.pending))
        except OSError:
            self.kept.update((key, (first, second)) for key, first, second in self.pending)
            self.writable = False
        self.pending, self.pending_size = [], 0

    def only(self, keys: list[str]) -> Placed:
        """Forget every line but those of `keys`; theirs, in that order, read from where they
        are each time they are taken."""
        self.flush()
        kept = self.kept = {key: self.kept[key] for key in keys}
        return Placed(self, [kept[key] for key in keys])

    def pairs(self, places: list[Place | Encoded]) -> Iterator[Encoded]:
        """The lines at some places, in order, as UTF-8."""
        if self.path is None or self.file_id is None:
            yield from places  # type: ignore[misc]
            return
        with self.path.open("rb", buffering=0) as handle:
            buffer, start = b"", 0
            for place in places:
                if not isinstance(place, int):
                    yield place
                    continue
                offset, first, second = where(place)
                if offset < start or offset + first + second > start + len(buffer):
                    start = offset
                    buffer = os.pread(handle.fileno(), max(READ_AHEAD, first + second), offset)
                at = offset - start
                yield buffer[at:at + first], buffer[at + first:at + first + second]

    def clear(self) -> None:
        """Forget every line (the site's settings changed)."""
        self.kept = {}

    def compact(self) -> None:
        """Write the file anew with only the kept lines, in their order, once most of it holds
        lines no longer kept (each edit leaves its posting's old lines behind)."""
        self.flush()
        if not self.writable or self.path is None or self.file_id is None:
            return
        live = sum(sum(where(place)[1:])
                   for place in self.kept.values() if isinstance(place, int))
        if self.end - ID_LENGTH - live <= COMPACT_AT * (self.end - ID_LENGTH):
            return
        fresh = Lines(self.path.with_name(self.path.name + ".new"))
        for key, (first, second) in zip(list(self.kept), self.pairs(list(self.kept.values())),
                                        strict=True):
            fresh.put(key, first, second)
        fresh.flush()
        if fresh.writable and fresh.file_id is not None:
            os.replace(fresh.path, self.path)  # type: ignore[arg-type]
            self.kept, self.file_id, self.end = fresh.kept, fresh.file_id, fresh.end
        elif fresh.path is not None:
            fresh.path.unlink(missing_ok=True)

    def state(self) -> tuple[str, int] | None:
        """The file's id and length, for the build cache to name; None when there is no file
        to name (the lines are then not worth keeping)."""
        self.flush()
        return (self.file_id, self.end) if self.writable and self.file_id else None


def where(place: Place) -> tuple[int, int, int]:
    """A place's offset and the byte lengths of its two lines."""
    return place >> 64, place >> 32 & 0xFFFFFFFF, place & 0xFFFFFFFF


def file_state(path: Path) -> tuple[str, int] | None:
    """A lines file's id and length, or None when it cannot be read."""
    try:
        with path.open("rb") as handle:
            return handle.read(ID_LENGTH).decode("ascii"), os.fstat(handle.fileno()).st_size
    except (OSError, UnicodeDecodeError):
        return None


@dataclass(frozen=True)
class Placed:
    """Some postings' lines in order (a build's open data), read each time they are taken:
    the build digests the open data, then writes it."""

    lines: Lines
    places: list[Place | Encoded]

    def __iter__(self) -> Iterator[Encoded]:
        return self.lines.pairs(self.places)

    def __len__(self) -> int:
        return len(self.places)
