"""Every built page is valid HTML by the Nu HTML Checker (vnu.jar), run once over the site."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser import VNU, built_site  # noqa: F401 - fixture

JAVA = shutil.which("java")

if JAVA is None or not VNU.exists():
    pytest.skip(f"the HTML validity test needs java and {VNU}", allow_module_level=True)


def where(url: str, site: Path) -> str:
    """A checker's file: URL as a path relative to the site."""
    path = Path(unquote(urlsplit(url).path))
    try:
        return str(path.relative_to(site))
    except ValueError:
        return url


def test_every_page_is_valid_html(built_site: Path) -> None:  # noqa: F811
    site = built_site.resolve()
    pages = sorted(site.rglob("*.html"))
    assert pages, "the build wrote no HTML"
    run = subprocess.run(
        [str(JAVA), "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True, text=True, timeout=300, check=False)
    try:
        messages = json.loads(run.stderr)["messages"]
    except (ValueError, KeyError) as err:
        raise AssertionError(f"vnu gave no JSON report (exit {run.returncode}): "
                             f"{run.stderr[-2000:]}{run.stdout[-2000:]}") from err
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")
              or m.get("subType") == "fatal"]
    found = [f"{where(m.get('url', '?'), site)}:{m.get('lastLine', '?')}: {m.get('message')}"
             for m in errors]
    if found:
        pytest.fail(f"vnu found {len(found)} error(s) in {len(pages)} pages:\n"
                    + "\n".join(found), pytrace=False)
    assert run.returncode == 0, f"vnu exited {run.returncode} with no error listed: {run.stderr}"
