"""`new "Title"`: a complete posting with every field, a comment on each, and placeholders
that `check` refuses until an editor fills them in."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .model import Site
from .places import slugify

TEMPLATES = {
    "en": """\
---
title: {title}
# organization: {organization}   # who hires; leave out to use the site's default
job_id: {job_id}                 # your reference number; the same in both languages
lang: {lang}                      # language of this posting: {languages}
location: Toronto, Ontario       # as readers should see it; or a list, one "- Place" a line
work_arrangement: on-site        # on-site, hybrid or remote
# location_note: currently remote
positions: 1                     # how many people you will hire
term:
  type: permanent                # permanent, temporary, contract, co-op, student, casual, seasonal
  # duration: 12 months
  # start: 2027-01-04
  # end: 2027-12-31
hours:
  per_week: 36.25                # hours a week
  # note: Schedule 6
salary:
  min: 70000                     # lowest pay, a plain number: no $ sign or commas
  max: 85000                     # highest pay (the range may be at most $50,000 a year)
  per: year                      # hour, day, week, month or year
  currency: {currency}
  # note: before tax
posted: {today}                  # the day it goes live; a later date schedules it
deadline: YYYY-MM-DD             # REQUIRED: closing date (11:59 p.m.), or 2027-01-15 17:00
contact:
  email: jobs@example.ca         # where applications go (or give url: instead, or both)
  subject: {subject}             # the subject line applicants should use
  # url: https://example.ca/apply
  # name: Hiring manager's name
# status_note: Interviews are under way.
existing_vacancy: true           # is this job vacant now? true or false (Ontario law, 2026)
ai_screening: false              # is AI used to screen or select applicants? true or false
draft: true                      # true keeps it off the public site; set to false to publish
---

## About the job

Say in two or three short sentences what the team does and why this job matters.

## What you will do

- One duty a line
- Start each with a verb

## What you bring

- One requirement a line

## How to apply

Tell applicants what to send and where.
""",
}
TEMPLATES["fr"] = (
    TEMPLATES["en"]
    .replace("## About the job", "## À propos de l’emploi")
    .replace("Say in two or three short sentences what the team does and why this job matters.",
             "Décrivez en deux ou trois phrases courtes ce que fait l’équipe et pourquoi cet "
             "emploi compte.")
    .replace("## What you will do", "## Ce que vous ferez")
    .replace("- One duty a line\n- Start each with a verb",
             "- Une tâche par ligne\n- Commencez chacune par un verbe")
    .replace("## What you bring", "## Ce que vous apportez")
    .replace("- One requirement a line", "- Une exigence par ligne")
    .replace("## How to apply", "## Comment postuler")
    .replace("Tell applicants what to send and where.",
             "Dites aux personnes candidates quoi envoyer et où.")
    .replace("location: Toronto, Ontario", "location: Toronto (Ontario)")
)


def quote(text: str) -> str:
    """A YAML double-quoted string (JSON's escapes are YAML's), so any title is safe."""
    return json.dumps(text, ensure_ascii=False)


def scaffold(title: str, lang: str, site: Site, today: date) -> tuple[str, str]:
    """The slug and text of a new posting."""
    slug = slugify(title)
    text = TEMPLATES.get(lang, TEMPLATES["en"]).format(
        title=quote(title), organization=quote(site.organization), lang=lang,
        languages=", ".join(site.languages), currency=site.currency, today=today.isoformat(),
        subject=quote(title), job_id=quote(f"{today.year}-{slug[:20].upper()}"),
    )
    return slug, text


def create_posting(folder: Path, title: str, lang: str, site: Site, today: date) -> Path:
    """Write the new posting; refuses to overwrite one that exists."""
    slug, text = scaffold(title, lang, site, today)
    if not slug:
        raise ValueError("the title needs letters or digits to make a file name from")
    path = folder / f"{slug}.md"
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return path
