"""One digest for everything compared by content: file bytes, cache keys, asset names.

SHA-256 in hexadecimal, for bytes or for text (as UTF-8, lone surrogates kept, so that any
`repr` has one). The caches key by it; the build names CSS and JavaScript by its first ten
characters.
"""

from __future__ import annotations

import hashlib


def digest(data: bytes | str) -> str:
    """The SHA-256 of bytes or of text, in hexadecimal."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()
