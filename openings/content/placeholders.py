"""What an editor must decide, and what to write for it.

`new` writes a placeholder for every fact only the editor knows (pay, contact, place, the yes/no
statements, the deadline) and instructions as the body; the loader refuses a posting that still
holds any of them. Both read them from here, so a placeholder the scaffold writes is always one
the loader knows. Each field's advice (what to write, with an example) gives the words of the
"missing", "empty" and "placeholder" errors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MARKERS = {"en": "REPLACE", "fr": "À REMPLACER"}
"""The placeholder of a value, by language of the scaffold: plain words YAML reads as text."""
DATE_MARKERS = {"en": "YYYY-MM-DD", "fr": "AAAA-MM-JJ"}
"""The placeholder of a date, showing how a date is written."""


def folded(text: str) -> str:
    """Text compared without case, accents or extra spaces (`à remplacer` is `À REMPLACER`)."""
    if text.isascii():
        return " ".join(text.casefold().split())
    plain = "".join(c for c in unicodedata.normalize("NFKD", text)
                    if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


FOLDED_MARKERS = frozenset(folded(marker) for marker in MARKERS.values())
FOLDED_DATE_MARKERS = tuple(folded(marker) for marker in DATE_MARKERS.values())
LONGEST_MARKER = 40
"""No value longer than this is a placeholder (not even a date marker followed by a time), so most
values are passed over without being folded."""


def is_placeholder(value: str) -> bool:
    """Whether a value is still a placeholder of either language's scaffold (a date's may be
    followed by a time, as in `YYYY-MM-DD 17:00`)."""
    if len(value) > LONGEST_MARKER:
        return False
    text = folded(value)
    return text in FOLDED_MARKERS or text.startswith(FOLDED_DATE_MARKERS)


@dataclass(frozen=True)
class Advice:
    """What to write in one field: `write` completes "write …" (with an example), `line` is
    the line to add when the field is missing, and `aside` follows that line."""

    write: str
    line: str
    aside: str = ""

    @property
    def example(self) -> str:
        """The example value of `line` (empty for a group, whose line is `name:`)."""
        return self.line.partition(": ")[2]


ADVICE = {
    "title": Advice("the job title as readers should see it, like Policy Analyst",
                    "title: Policy Analyst"),
    "organization": Advice("the ministry or agency that hires, like Ministry of Health",
                           "organization: Ministry of Health"),
    "job_id": Advice("the job's reference number, like ODS-2026-041", "job_id: ODS-2026-041"),
    "lang": Advice("the posting's language, like en or fr", "lang: en"),
    "location_note": Advice("a short note about the place, like currently remote",
                            "location_note: currently remote"),
    "positions": Advice("how many people you will hire, like 2", "positions: 2"),
    "term.duration": Advice("how long the job lasts, like up to 18 months",
                            "duration: up to 18 months"),
    "term.start": Advice("the first day of work, like 2027-01-04", "start: 2027-01-04"),
    "term.end": Advice("the last day of work, like 2027-12-31", "end: 2027-12-31"),
    "hours.note": Advice("a short note on the hours, like Schedule 6", "note: Schedule 6"),
    "salary.currency": Advice("a three-letter currency code, like CAD", "currency: CAD"),
    "salary.note": Advice("a short note on the pay, like before tax", "note: before tax"),
    "contact.subject": Advice("the subject line applicants should use, like Policy Analyst",
                              "subject: Policy Analyst"),
    "contact.name": Advice("the person or team to contact, like Talent team",
                           "name: Talent team"),
    "status_note": Advice("a short note shown with the status, like Interviews are under way.",
                          "status_note: Interviews are under way."),
    "draft": Advice("true to keep the posting off the public site, or false to publish it",
                    "draft: false"),
    "location": Advice("the place as readers should see it, like Toronto, Ontario (or a list, "
                       "one `- Place` a line)", "location: Toronto, Ontario",
                       " (or a list, one `- Place` a line)"),
    "work_arrangement": Advice("on-site, hybrid or remote", "work_arrangement: on-site",
                               " (or hybrid, or remote)"),
    "term": Advice("`type:` and the other term fields indented under it, like `  type: "
                   "permanent`", "term:", " and under it `  type: permanent` (or temporary, "
                   "contract, co-op, student, casual, seasonal)"),
    "term.type": Advice("one of permanent, temporary, contract, co-op, student, casual or "
                        "seasonal", "type: permanent",
                        " (or temporary, contract, co-op, student, casual, seasonal)"),
    "hours": Advice("`per_week:` indented under it, like `  per_week: 36.25`", "hours:",
                    " and under it `  per_week: 36.25`"),
    "hours.per_week": Advice("the hours of a full week as a plain number, like 36.25 (or "
                             "delete the `hours:` lines)", "per_week: 36.25"),
    "salary": Advice("`min:` and `per:` indented under it, like `  min: 70000`", "salary:",
                     " and under it `  min: 70000` and `  per: year`"),
    "salary.min": Advice("the lowest pay as a plain number, like 70000", "min: 70000",
                         " (a plain number: no $ sign, spaces or commas)"),
    "salary.max": Advice("the highest pay as a plain number, like 85000 (or delete the line "
                         "when the pay is one amount)", "max: 85000"),
    "salary.per": Advice("hour, day, week, month or year", "per: year",
                         " (hour, day, week, month or year)"),
    "posted": Advice("the day the posting goes live, like 2026-12-01", "posted: 2026-12-01"),
    "deadline": Advice("the closing date, like 2027-01-15 (or 2027-01-15 17:00)",
                       "deadline: 2027-01-15", " (or 2027-01-15 17:00)"),
    "contact": Advice("`email:` or `url:` indented under it, like `  email: jobs@example.ca`",
                      "contact:", " and under it `  email: jobs@example.ca` (or `  url: "
                      "https://example.ca/apply`)"),
    "contact.email": Advice("the address applications go to, like jobs@example.ca (or delete "
                            "the line and give `url:`)", "email: jobs@example.ca"),
    "contact.url": Advice("the web page where people apply, like https://example.ca/apply",
                          "url: https://example.ca/apply"),
    "existing_vacancy": Advice("true if the job is vacant now, or false if it is not (a pool "
                               "for future jobs, for example)", "existing_vacancy: true",
                               " (or false)"),
    "ai_screening": Advice("true if artificial intelligence screens, assesses or selects "
                           "applicants, or false if not", "ai_screening: false", " (or true)"),
    "accommodation": Advice("an `email`, a `phone` or a `url` indented under it, like "
                            "`  email: accessibility@example.ca`", "accommodation:"),
    "accommodation.email": Advice("the address for accommodation requests, like "
                                  "accessibility@example.ca", "email: accessibility@example.ca"),
    "accommodation.phone": Advice("the phone number for accommodation requests, like "
                                  "416-555-0100", "phone: 416-555-0100"),
    "accommodation.url": Advice("the web page for accommodation requests, like "
                                "https://example.ca/accessibility",
                                "url: https://example.ca/accessibility"),
    "division": Advice("the part of the organization that hires, like Ontario Digital Service",
                       "division: Ontario Digital Service"),
    "language_requirement": Advice("the position's language requirement, like English "
                                   "essential or Bilingual imperative (BBB/BBB)",
                                   "language_requirement: English essential"),
    "classification": Advice("the classification or pay group, like AMAPCEO 7 or EC-05",
                             "classification: EC-05"),
}
"""What to write in each field of a posting (and of `accommodation` in site.yml)."""


@dataclass(frozen=True)
class Instruction:
    """A sentence of the scaffold's body telling the editor what to write there."""

    name: str
    words: dict[str, str]
    example: str


INSTRUCTIONS = (
    Instruction("about", {
        "en": "Say in two or three short sentences what the team does and why this job matters.",
        "fr": "Décrivez en deux ou trois phrases courtes ce que fait l’équipe et pourquoi cet "
              "emploi compte.",
    }, "The Digital Policy team helps ministries use data well. You will shape the rules that "
       "protect it."),
    Instruction("duty", {"en": "One duty a line", "fr": "Une tâche par ligne"},
                "- Write briefing notes for senior leaders"),
    Instruction("verb", {"en": "Start each with a verb", "fr": "Commencez chacune par un verbe"},
                "- Lead consultations with ministries"),
    Instruction("requirement", {"en": "One requirement a line", "fr": "Une exigence par ligne"},
                "- Experience analysing policy options"),
    Instruction("apply", {
        "en": "Tell applicants what to send and where.",
        "fr": "Dites aux personnes candidates quoi envoyer et où.",
    }, "Send your résumé and a cover letter to jobs@example.ca."),
)
BY_WORDS = {folded(words): instruction for instruction in INSTRUCTIONS
            for words in instruction.words.values()}
LONGEST_LINE = max(len(words) for i in INSTRUCTIONS for words in i.words.values()) + 8
BY_WORDS.update({words.rstrip("."): instruction for words, instruction in BY_WORDS.items()})
OPENINGS = frozenset(words[:6] for words in BY_WORDS)
MARKUP = re.compile(r"^(?:[-*+>]\s+|\d+[.)]\s+)+")
"""What may stand before an instruction left in the body: list and quote markers."""
"""How each instruction begins, folded: a line that begins otherwise is not folded whole."""


def instructions_left(body: str, first_line: int) -> list[tuple[int, str, str]]:
    """Each line of a body that is still one of the scaffold's instructions (in either
    language, as a paragraph or a list item): its file line, its words and an example."""
    found = []
    for index, line in enumerate(body.split("\n")):
        text = MARKUP.sub("", line.strip()).strip("*_ ")
        if len(text) > LONGEST_LINE or folded(text[:8])[:6] not in OPENINGS:
            continue
        instruction = BY_WORDS.get(folded(text).rstrip("."))
        if instruction is not None:
            found.append((first_line + index, text, instruction.example))
    return found


def words(lang: str) -> dict[str, str]:
    """What the scaffold writes in `lang` (English for a language without a scaffold): its
    markers and its body's instructions, by name."""
    known = lang if lang in MARKERS else "en"
    return {"replace": MARKERS[known], "date": DATE_MARKERS[known],
            **{i.name: i.words[known] for i in INSTRUCTIONS}}
