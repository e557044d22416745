"""Shared fixtures: small content folders written inline, and a fixed clock."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.browser import built_site, chromium, open_page, shared, site_url  # noqa: F401 - shared fixtures

LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"
NOW = datetime(2026, 11, 29, 17, 0, tzinfo=UTC)

SITE_YML = """\
title: Careers Test
organization: Test Public Service
base_url: https://jobs.example.ca/
timezone: America/Toronto
default_lang: en
languages: [en, fr]
currency: CAD
country: CA
region: "ON"
closing_soon_days: 3
accommodation:
  email: access@example.ca
"""

POSTING = """\
---
title: {title}
job_id: {job_id}
lang: {lang}
location: Toronto, Ontario
term:
  type: permanent
hours:
  per_week: 36.25
salary:
  min: 70000
  max: 85000
  per: year
posted: {posted}
deadline: {deadline}
contact:
  email: jobs@example.ca
  subject: {title}
existing_vacancy: true
ai_screening: false
---
## About the job

You will help people.
"""


def posting(title: str = "Policy Analyst", *, deadline: str = "2027-01-15",
            posted: str = "2026-11-01", lang: str = "en", job_id: str | None = None) -> str:
    """A valid posting's text, with the few fields tests vary."""
    return POSTING.format(title=title, deadline=deadline, posted=posted, lang=lang,
                          job_id=job_id or title.upper().replace(" ", "-"))


def make_content(root: Path, files: dict[str, str], site_yml: str = SITE_YML) -> Path:
    """Write a content folder: site.yml plus the given files (dedented)."""
    folder = root / "content"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "site.yml").write_text(site_yml, encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A small valid site: one open posting, one closing soon, one closed."""
    return make_content(tmp_path, {
        "policy-analyst.md": posting("Policy Analyst", deadline="2027-01-15"),
        "court-clerk.md": posting("Court Clerk", deadline="2026-12-01"),
        "data-co-op.md": posting("Data co-op", deadline="2026-11-10", posted="2026-10-01"),
    })
