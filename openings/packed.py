"""Records a build holds by the thousand, pickled with the fields every build reads at hand
and the rest packed (`Packed`): postings and their views travel from the workers to the
main process, into the build cache and back to the workers that render them. While a build
runs, the main process sets their packs aside in a file (`Spill`)."""

from __future__ import annotations

import os
import pickle
from collections import deque
from collections.abc import Callable
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

R = TypeVar("R", bound="Packed")


class Packed:
    """A frozen record with slots that a build holds by the thousand and reads mostly for a few
    fields (`HANDY`). Pickled, it keeps those as they are and packs the rest into one pickle
    (`PACKED`), unpacked the first time one of them is read, so the build cache and the
    workers' summaries cost the main process a few objects a record, not dozens. A record
    that was never unpacked is pickled again with its pack as it came. Subclasses declare
    `_repr`, `_hash` and `_packed` fields and are made with `packing`, which gives each its
    own `__setstate__` (`setting`)."""

    __slots__ = ()
    HANDY: ClassVar[tuple[str, ...]] = ()
    PACKED: ClassVar[frozenset[str]] = frozenset()
    handy_state: ClassVar[attrgetter[tuple[Any, ...]]]
    packed_order: ClassVar[tuple[str, ...]] = ()
    packed_state: ClassVar[attrgetter[tuple[Any, ...]]]

    def __getstate__(self) -> tuple[tuple[Any, ...], bytes]:
        """The handy fields (digest and hash included, so they travel) and the rest packed."""
        packed = object.__getattribute__(self, "_packed")
        if packed is None:
            return self.handy_state(self), pickle.dumps(self.packed_state(self),
                                                        protocol=pickle.HIGHEST_PROTOCOL)
        return self.handy_state(self), bytes_of(packed)

    def peek(self, *names: str) -> tuple[Any, ...]:
        """Some fields, read without unpacking the record for good: a clean build's main
        process reads a few details of each live posting once (its facets), and keeping all
        of them unpacked would cost it some 1.6 kB a posting."""
        packed = object.__getattribute__(self, "_packed")
        if packed is None:
            return tuple(getattr(self, name) for name in names)
        values = dict(zip(self.packed_order, pickle.loads(bytes_of(packed)), strict=True))
        return tuple(values[name] if name in values else getattr(self, name) for name in names)

    def spill(self, into: Spill) -> None:
        """Set the pack aside in a file, when it is still packed."""
        packed = object.__getattribute__(self, "_packed")
        if type(packed) is bytes:
            object.__setattr__(self, "_packed", into.put(packed))

    if not TYPE_CHECKING:  # mypy would take every name for a field

        def __getattr__(self, name: str) -> Any:
            """A packed field read for the first time: unpack them all (or, when another
            thread just did, read it)."""
            if name not in self.PACKED:
                raise AttributeError(name)
            packed = object.__getattribute__(self, "_packed")
            if packed is not None:
                try:
                    values = pickle.loads(bytes_of(packed))
                except AttributeError as err:  # must not read as a missing field
                    raise ValueError(f"a {type(self).__name__} that cannot be unpacked") from err
                if len(values) != len(self.packed_order):
                    raise ValueError(f"a {type(self).__name__} packed by another version")
                deque(map(object.__setattr__, repeat(self), self.packed_order, values), 0)
                object.__setattr__(self, "_packed", None)
            return object.__getattribute__(self, name)


def bytes_of(packed: bytes | Spilled) -> bytes:
    """A pack, read back when it was set aside."""
    return packed if isinstance(packed, bytes) else packed.read()


def packing(*handy: str) -> Callable[[type[R]], type[R]]:
    """Make a `Packed` dataclass keep these fields at hand, its digest and hash with them."""
    def made(cls: type[R]) -> type[R]:
        """The class, told which of its slots to pack."""
        keep = (*handy, "_repr", "_hash")
        slots: tuple[str, ...] = cls.__slots__
        rest = tuple(name for name in slots if name not in (*keep, "_packed"))
        if len(rest) < 2:  # attrgetter of one name gives a value, not a tuple
            raise TypeError(f"{cls.__name__} would pack fewer than two fields")
        cls.HANDY, cls.PACKED, cls.packed_order = keep, frozenset(rest), rest
        cls.handy_state, cls.packed_state = attrgetter(*keep), attrgetter(*rest)
        cls.__getstate__ = Packed.__getstate__  # type: ignore[method-assign]
        cls.__setstate__ = setting(cls)  # type: ignore[attr-defined]
        return cls
    return made


def setting(cls: type[Packed]) -> Callable[[Any, tuple[tuple[Any, ...], bytes]], None]:
    """A class's `__setstate__`, its slots set one by one through their own descriptors (a C
    call each), written out once as code: reading the build cache sets some 27,000 records'
    slots, and looking each name up (`object.__setattr__`) cost twice as long."""
    names = (*cls.HANDY, "_packed")
    setters = {f"set_{number}": slot(cls, name).__set__ for number, name in enumerate(names)}
    lines = [f"    set_{number}(self, handy[{number}])" for number in range(len(cls.HANDY))]
    source = "\n".join((
        "def __setstate__(self, state):", "    handy, packed = state",
        f"    if len(handy) != {len(cls.HANDY)}:",
        f"        raise ValueError('a {cls.__name__} pickled by another version')",
        *lines, f"    set_{len(cls.HANDY)}(self, packed)", ""))
    exec(source, setters)
    made: Callable[[Any, tuple[tuple[Any, ...], bytes]], None] = setters["__setstate__"]
    return made


def slot(cls: type, name: str) -> Any:
    """The descriptor of one of a class's slots, wherever in its bases it is declared."""
    for klass in cls.__mro__:
        if name in vars(klass):
            return vars(klass)[name]
    raise TypeError(f"{cls.__name__} has no slot {name}")


SPILL_FLAGS = os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND | os.O_CLOEXEC


class Spill:
    """A file the main process sets records' packs aside in while a build runs: each record
    then holds where its pack is (`Spilled`, some 90 bytes) instead of the pack (some 430).
    Packs are appended a megabyte at a time and read through one open handle, so a pack stays
    readable for as long as a record names it, even once the file is removed."""

    PENDING = 1 << 20

    def __init__(self, path: Path) -> None:
        self.handle = os.open(path, SPILL_FLAGS, 0o600)
        self.pending: list[bytes] = []
        self.written = self.end = 0

    def put(self, data: bytes) -> Spilled:
        """Set a pack aside."""
        place = Spilled(self, self.end, len(data))
        self.pending.append(data)
        self.end += len(data)
        if self.end - self.written >= self.PENDING:
            self.flush()
        return place

    def flush(self) -> None:
        """Append the packs that wait."""
        data = b"".join(self.pending)
        while data:
            data = data[os.write(self.handle, data):]
        self.pending, self.written = [], self.end

    def read(self, offset: int, length: int) -> bytes:
        """A pack set aside."""
        if offset + length > self.written:
            self.flush()
        return os.pread(self.handle, length, offset)

    def __del__(self) -> None:
        if hasattr(self, "handle"):
            os.close(self.handle)


class Spilled:
    """Where a record's pack is in a `Spill`."""

    __slots__ = ("length", "offset", "spill")

    def __init__(self, spill: Spill, offset: int, length: int) -> None:
        self.spill, self.offset, self.length = spill, offset, length

    def read(self) -> bytes:
        """The pack."""
        return self.spill.read(self.offset, self.length)
