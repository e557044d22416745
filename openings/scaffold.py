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
TEMPLATES["fr"] = """\
---
title: {title}
# organization: {organization}   # qui embauche; omettez pour l’organisation par défaut du site
job_id: {job_id}                 # votre numéro de référence; le même dans les deux langues
lang: {lang}                      # langue de cette offre : {languages}
location: Toronto (Ontario)      # tel que les lecteurs doivent le voir; ou une liste « - Lieu »
work_arrangement: on-site        # on-site (sur place), hybrid (hybride) ou remote (à distance)
# location_note: à distance pour l’instant
positions: 1                     # combien de personnes vous embaucherez
term:
  type: permanent                # permanent, temporary, contract, co-op, student, casual, seasonal
  # duration: 12 mois
  # start: 2027-01-04
  # end: 2027-12-31
hours:
  per_week: 36.25                # heures par semaine
  # note: Horaire 6
salary:
  min: 70000                     # salaire minimum, un nombre simple : sans $ ni espaces
  max: 85000                     # salaire maximum (l’écart peut être d’au plus 50 000 $ par année)
  per: year                      # hour, day, week, month ou year
  currency: {currency}
  # note: avant impôts
posted: {today}                  # le jour de publication; une date future la planifie
deadline: YYYY-MM-DD             # OBLIGATOIRE : date limite (23 h 59), ou 2027-01-15 17:00
contact:
  email: emplois@example.ca      # où envoyer les candidatures (ou url:, ou les deux)
  subject: {subject}             # l’objet que les candidats doivent utiliser
  # url: https://example.ca/postuler
  # name: Nom de la personne-ressource
# status_note: Les entrevues sont en cours.
existing_vacancy: true           # le poste est-il vacant maintenant? true ou false (loi, 2026)
ai_screening: false              # l’IA sert-elle à présélectionner les candidats? true ou false
draft: true                      # true garde l’offre hors du site public; false pour publier
---

## À propos de l’emploi

Décrivez en deux ou trois phrases courtes ce que fait l’équipe et pourquoi cet emploi compte.

## Ce que vous ferez

- Une tâche par ligne
- Commencez chacune par un verbe

## Ce que vous apportez

- Une exigence par ligne

## Comment postuler

Dites aux personnes candidates quoi envoyer et où.
"""


def quote(text: str) -> str:
    """A YAML double-quoted string (JSON's escapes are YAML's), so any title is safe."""
    return json.dumps(text, ensure_ascii=False)


def scaffold(title: str, lang: str, site: Site, today: date) -> tuple[str, str]:
    """The slug and text of a new posting."""
    slug = slugify(title)
    text = TEMPLATES.get(lang, TEMPLATES["en"]).format(
        title=quote(title), organization=quote(site.organization_in(lang)), lang=lang,
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
