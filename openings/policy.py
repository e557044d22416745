"""What every page allows the browser to do, stated in the page itself (static hosts cannot
be relied on to send headers): a Content-Security-Policy and a referrer policy.

Scripts, styles, fonts and data come only from the site itself; there is no inline script
(structured data is a JSON block, which is never run), no plug-in, no other site's frame.
Pagefind's search runs WebAssembly, hence `'wasm-unsafe-eval'` (which allows WebAssembly
only, not `eval`).
"""

from __future__ import annotations

from markupsafe import escape

SCRIPTS = "script-src 'self' 'wasm-unsafe-eval'"
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'", SCRIPTS, "style-src 'self'", "img-src 'self' data:",
    "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'",
    "form-action 'self'"))
REFERRER_POLICY = "strict-origin-when-cross-origin"


def for_preview(html: bytes) -> bytes:
    """The preview's pages also let livereload's inline snippet run (only on 127.0.0.1)."""
    written = str(escape(SCRIPTS)).encode()
    return html.replace(written, written + str(escape(" 'unsafe-inline'")).encode(), 1)
