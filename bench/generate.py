"""Generate N realistic postings (SPEC §1) for benchmarks: `python bench/generate.py N DIR`.

Bodies of 400-900 words with headings, lists, links and tables; deadlines in the past and the
future; hourly and annual pay; English and French. Seeded, so the same N gives the same files.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

SITE = """\
title: Benchmark Careers
organization: Benchmark Public Service
base_url: https://bench.example.ca/
timezone: America/Toronto
default_lang: en
languages: [en, fr]
currency: CAD
country: CA
region: "ON"
closing_soon_days: 3
accommodation:
  email: access@bench.example.ca
"""
WORDS = ("service", "people", "data", "policy", "team", "program", "public", "digital",
         "support", "plan", "review", "report", "community", "partner", "research", "design",
         "deliver", "improve", "clear", "simple", "safe", "ministry", "staff", "client",
         "evidence", "budget", "project", "schedule", "quality", "access", "health", "learning")
CITIES = ("Toronto, Ontario", "Ottawa, Ontario", "Sudbury, Ontario", "Thunder Bay, Ontario",
          "Kingston, Ontario", "London, Ontario", "Hamilton (Ontario)", "Anywhere in Ontario")
TERMS = ("permanent", "temporary", "contract", "co-op", "student", "casual", "seasonal")


def sentence(rng: random.Random) -> str:
    """A plain sentence of 8-18 words."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def body(rng: random.Random) -> str:
    """A posting body of roughly 400-900 words."""
    parts: list[str] = []
    for heading in ("About the job", "What you will do", "What you bring", "How to apply"):
        parts.append(f"## {heading}\n")
        parts.append(" ".join(sentence(rng) for _ in range(rng.randint(4, 9))) + "\n")
        parts.append("\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(3, 7))) + "\n")
    parts.append("| Step | Pay |\n|---|---:|\n" + "\n".join(
        f"| {i} | ${rng.randint(50, 90)},{rng.randint(100, 999)} |" for i in range(1, 5)) + "\n")
    parts.append(f"Read more about [our {rng.choice(WORDS)} work]"
                 f"(https://bench.example.ca/about/{rng.randint(1, 99)}).\n")
    return "\n".join(parts)


def front_matter(index: int, rng: random.Random) -> str:
    """Front-matter with every common field."""
    hourly = rng.random() < 0.3
    low = rng.randint(20, 45) if hourly else rng.randint(50, 120) * 1000
    high = low + (rng.randint(2, 10) if hourly else rng.randint(5, 30) * 1000)
    posted = date(2025, 6, 1) + timedelta(days=rng.randint(0, 640))
    deadline = posted + timedelta(days=rng.randint(14, 200))
    location = rng.choice(CITIES)
    lang = "fr" if index % 5 == 4 else "en"
    remote = location.startswith("Anywhere")
    arrangement = "remote" if remote else rng.choice(("on-site", "hybrid"))
    return f"""---
title: "{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} officer {index}"
job_id: BENCH-{index:06d}
lang: {lang}
location: {location}
work_arrangement: {arrangement}
positions: {rng.randint(1, 4)}
term:
  type: {rng.choice(TERMS)}
hours:
  per_week: 36.25
salary:
  min: {low}
  max: {high}
  per: {"hour" if hourly else "year"}
posted: {posted.isoformat()}
deadline: {deadline.isoformat()}
contact:
  email: jobs{index}@bench.example.ca
  subject: BENCH-{index:06d}
existing_vacancy: true
ai_screening: false
---
"""


def generate(count: int, folder: Path) -> None:
    """Write site.yml and `count` postings into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "site.yml").write_text(SITE, encoding="utf-8")
    rng = random.Random(20261129)
    for index in range(count):
        text = front_matter(index, rng) + body(rng)
        (folder / f"posting-{index:06d}.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
