"""One digest for everything compared by content: file bytes, cache keys, asset names.

SHA-256 in hexadecimal, for bytes or for text (as UTF-8, lone surrogates kept, so that any
`repr` has one), cut to its first 128 bits: far more than enough against chance collisions
among a site's files and records, and half the memory of the whole digest, which a build
holds about a dozen times for each posting. The caches key by it; the build names CSS and
JavaScript by its first ten characters.
"""

from __future__ import annotations

import hashlib


def digest(data: bytes | str) -> str:
    """The SHA-256 of bytes or of text, its first 128 bits in hexadecimal."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return short(hashlib.sha256(data).digest())


def short(whole: bytes) -> str:
    """A SHA-256 digest cut to its first 128 bits, in hexadecimal."""
    return whole[:16].hex()


class Running:
    """The digest of bytes that come in pieces (a big file written piece by piece): the same
    as `digest` of the pieces joined."""

    def __init__(self) -> None:
        self.hash = hashlib.sha256()

    def update(self, data: bytes) -> None:
        """Take the next piece."""
        self.hash.update(data)

    def hex(self) -> str:
        """The digest of every piece so far."""
        return short(self.hash.digest())
