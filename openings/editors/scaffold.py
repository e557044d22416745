"""`new "Title"`: a complete posting with every field, a comment on each, and a placeholder
for every fact only the editor knows (openings/content/placeholders.py), which `check` refuses until
the editor writes the fact."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ..content.placeholders import words
from ..content.places import slugify
from ..model import Site

TEMPLATES = {
    "en": """\
---
title: {title}
# organization: {organization}   # who hires; leave out to use the site's default
# division: Ontario Digital Service   # the part of the organization that hires
job_id: {job_id:<24} # your reference number; the same in both languages
lang: {lang:<27}# language of this posting: {languages}
location: {replace:<23}# as readers see it, like Toronto, Ontario; or a list, "- Place" a line
work_arrangement: {replace:<15}# on-site, hybrid or remote
# location_note: currently remote
# positions: 2                   # how many people you will hire, when more than one
term:
  type: {replace:<25}# permanent, temporary, contract, co-op, student, casual, seasonal
  # duration: 12 months
  # start: 2027-01-04
  # end: 2027-12-31
hours:                           # delete these lines if you do not state the hours
  per_week: {replace:<21}# hours of a full week, like 36.25
  # note: Schedule 6
# classification: EC-05          # classification or pay group, as your organization writes it
# language_requirement: English essential   # or Bilingual imperative (BBB/BBB), and so on
salary:                          # required for postings from 2026 on (Ontario law)
  min: {replace:<26}# lowest pay, a plain number (no $ sign or commas), like 70000
  max: {replace:<26}# highest pay, like 85000 (range: at most $50,000 a year); or delete
  per: {replace:<26}# hour, day, week, month or year
  currency: {currency}
  # note: before tax
posted: {today:<25}# the day it goes live; a later date schedules it
deadline: {date:<23}# REQUIRED: closing date (11:59 p.m.), or 2027-01-15 17:00
contact:
  email: {replace:<24}# where applications go, like jobs@ontario.ca (or url:, or both)
  subject: {subject:<21} # the subject line applicants should use
  # url: https://example.ca/apply
  # name: Hiring manager's name
# accommodation:                 # whom applicants ask for an accommodation for this posting
#   email: accessibility@example.ca   # (email, phone or url); leave out to show the site's
# status_note: Interviews are under way.
existing_vacancy: {replace:<15}# is this job vacant now? true or false (Ontario law, 2026)
ai_screening: {replace:<19}# is AI used to screen, assess or select applicants? true or false
draft: true                      # true keeps it off the public site; set to false to publish
---

## About the job

{about}

## What you will do

- {duty}
- {verb}

## What you bring

- {requirement}

## How to apply

{apply}
""",
}
TEMPLATES["fr"] = """\
---
title: {title}
# organization: {organization}   # qui embauche; omettez pour l’organisation par défaut du site
# division: Services numériques de l’Ontario   # la partie de l’organisation qui embauche
job_id: {job_id:<24} # votre numéro de référence; le même dans les deux langues
lang: {lang:<27}# langue de cette offre : {languages}
location: {replace:<23}# tel que les lecteurs le voient : Toronto (Ontario); ou une liste
work_arrangement: {replace:<15}# on-site (sur place), hybrid (hybride) ou remote (à distance)
# location_note: à distance pour l’instant
# positions: 2                   # combien de personnes vous embaucherez, s’il y en a plusieurs
term:
  type: {replace:<25}# permanent, temporary, contract, co-op, student, casual, seasonal
  # duration: 12 mois
  # start: 2027-01-04
  # end: 2027-12-31
hours:                           # supprimez ces lignes si vous n’indiquez pas les heures
  per_week: {replace:<21}# heures d’une semaine complète, par exemple 36.25
  # note: Horaire 6
# classification: EC-05          # classification ou groupe de rémunération
# language_requirement: Bilingue impératif (BBB/BBB)   # ou Anglais essentiel, etc.
salary:                          # obligatoire pour les offres publiées dès 2026 (loi de l’Ontario)
  min: {replace:<26}# salaire minimum, un nombre simple (sans $ ni espaces), comme 70000
  max: {replace:<26}# salaire maximum (écart : au plus 50 000 $ par année); ou supprimez
  per: {replace:<26}# hour, day, week, month ou year
  currency: {currency}
  # note: avant impôts
posted: {today:<25}# le jour de publication; une date future la planifie
deadline: {date:<23}# OBLIGATOIRE : date limite (23 h 59), ou 2027-01-15 17:00
contact:
  email: {replace:<24}# où envoyer les candidatures, comme emplois@ontario.ca (ou url:)
  subject: {subject:<21} # l’objet que les candidats doivent utiliser
  # url: https://example.ca/postuler
  # name: Nom de la personne-ressource
# accommodation:                 # à qui demander une mesure d’adaptation pour cette offre
#   email: accessibilite@example.ca   # (email, phone ou url); sinon, l’adresse du site
# status_note: Les entrevues sont en cours.
existing_vacancy: {replace:<15}# le poste est-il vacant maintenant? true ou false (loi, 2026)
ai_screening: {replace:<19}# l’IA sert-elle à présélectionner les candidats? true ou false
draft: true                      # true garde l’offre hors du site public; false pour publier
---

## À propos de l’emploi

{about}

## Ce que vous ferez

- {duty}
- {verb}

## Ce que vous apportez

- {requirement}

## Comment postuler

{apply}
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
        subject=quote(title), job_id=quote(f"{today.year}-{slug.upper()}"), **words(lang),
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
