"""Loading postings: every rule of SPEC §1, each error at the line of its key or value."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from openings.content.load import load_content
from openings.errors import Problem
from openings.packed import Spill, Spilled
from tests.conftest import SITE_YML, make_content, posting


def problems_for(tmp_path: Path, text: str, name: str = "job.md") -> list[Problem]:
    """Load one posting and return every problem found."""
    folder = make_content(tmp_path, {name: text})
    return load_content(folder)[1]


def lines_and_messages(problems: list[Problem]) -> list[tuple[int, str]]:
    """What an editor reads: line numbers and messages."""
    return [(p.line, p.message) for p in problems]


def replace_line(text: str, old: str, new: str) -> str:
    """A posting with one line changed."""
    assert old in text
    return text.replace(old, new)


def test_a_valid_posting_loads_with_typed_values(tmp_path: Path) -> None:
    content, problems = load_content(make_content(tmp_path, {"policy-analyst.md": posting()}))
    assert problems == []
    assert content is not None
    (job,) = content.postings
    assert (job.slug, job.lang, job.title) == ("policy-analyst", "en", "Policy Analyst")
    assert job.organization == "Test Public Service"
    assert str(job.salary.min) == "70000" and job.salary.per == "year"
    assert job.salary.currency == "CAD"
    assert job.locations[0].locality == "Toronto" and job.locations[0].region == "ON"
    assert "<h2>About the job</h2>" in job.body_html


def test_a_posting_remembers_the_line_of_each_key_when_pickled(tmp_path: Path) -> None:
    """Workers and the build cache pickle postings; errors found later still name lines."""
    text = posting()
    content, _ = load_content(make_content(tmp_path, {"job.md": text}))
    assert content is not None
    made = content.postings[0]
    hash(made)
    job = pickle.loads(pickle.dumps(made))
    assert job == made and (job._repr, job._hash) == (made._repr, made._hash) != (None, None)
    lines = text.splitlines()
    for key in ("title", "deadline", "salary", "contact"):
        assert lines[job.line_of(key) - 1].startswith(f"{key}:")
    assert job.line_of("status_note") == job.line == 1


def test_a_pickled_posting_keeps_its_details_packed_until_one_is_read(tmp_path: Path) -> None:
    """The build cache and the workers pickle every posting; what an edit's build reads of an
    unchanged one (its file, address, translations, dates, digest) is at hand, the rest is
    unpacked when first read, and a posting pickled again unread loses nothing."""
    folder = make_content(tmp_path, {"job.md": posting()})
    content, _ = load_content(folder)
    assert content is not None
    made = content.postings[0]
    hash(made)
    again = pickle.loads(pickle.dumps(pickle.loads(pickle.dumps(made))))
    assert again._packed is not None
    assert (again.source, again.slug, again.deadline, hash(again), repr(again)) == (
        made.source, made.slug, made.deadline, hash(made), repr(made))
    assert again._packed is not None
    assert again.salary == made.salary and again.body_html == made.body_html
    assert again._packed is None
    assert again == made and hash(again) == hash(made)
    unhashed = load_content(folder)[0]
    assert unhashed is not None
    packed = pickle.loads(pickle.dumps(unhashed.postings[0]))
    assert copy.deepcopy(packed) == made and repr(packed) == repr(made)


def test_a_posting_whose_details_are_set_aside_reads_and_pickles_as_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build's main process sets each posting's packed details aside in a file (`Spill`):
    the posting still reads, compares and pickles as it did, even once the file is gone."""
    monkeypatch.setattr(Spill, "PENDING", 64)
    folder = make_content(tmp_path, {f"job{n}.md": posting(f"Job {n}") for n in range(3)})
    content, _ = load_content(folder)
    assert content is not None
    held = [pickle.loads(pickle.dumps(made)) for made in content.postings]
    spill = Spill(tmp_path / "packs")
    for record in held:
        record.spill(spill)
    assert all(isinstance(record._packed, Spilled) for record in held)
    (tmp_path / "packs").unlink()
    assert [pickle.dumps(record) for record in held] == [
        pickle.dumps(made) for made in content.postings]
    assert [record.title for record in held] == ["Job 0", "Job 1", "Job 2"]
    assert [record.salary for record in held] == [made.salary for made in content.postings]
    assert held == list(content.postings)


def test_a_posting_pickled_by_another_version_is_refused_not_misread(tmp_path: Path) -> None:
    """A build cache whose records have other fields must fail to load (the build then
    starts clean), never set one field's value in another's place."""
    folder = make_content(tmp_path, {"job.md": posting()})
    content, _ = load_content(folder)
    assert content is not None
    handy, packed = content.postings[0].__getstate__()
    other = object.__new__(type(content.postings[0]))
    with pytest.raises(ValueError, match="another version"):
        other.__setstate__((handy[:-1], packed))


def test_a_missing_required_field_is_reported_at_the_opening_fence(tmp_path: Path) -> None:
    text = replace_line(posting(), "title: Policy Analyst\n", "")
    assert lines_and_messages(problems_for(tmp_path, text)) == [
        (1, "`title` is missing: add `title: Policy Analyst` between the `---` lines")]


def test_an_empty_required_field_is_reported_at_its_own_line(tmp_path: Path) -> None:
    text = replace_line(posting(), "title: Policy Analyst", "title:")
    assert lines_and_messages(problems_for(tmp_path, text)) == [
        (2, "`title` is empty; write the job title as readers should see it, like Policy Analyst")]


def test_an_unknown_field_suggests_the_closest_known_one(tmp_path: Path) -> None:
    text = replace_line(posting(), "deadline:", "dealine:")
    found = lines_and_messages(problems_for(tmp_path, text))
    assert (15, "unknown field `dealine`; did you mean `deadline`?") in found
    assert (1, "`deadline` is missing: add `deadline: 2027-01-15` (or 2027-01-15 17:00) between "
            "the `---` lines") in found


def test_an_unknown_nested_field_names_its_group(tmp_path: Path) -> None:
    text = replace_line(posting(), "  per: year", "  pre: year")
    found = lines_and_messages(problems_for(tmp_path, text))
    assert (13, "unknown field `salary.pre`; did you mean `salary.per`?") in found
    assert (10, "`salary.per` is missing: add `per: year` (hour, day, week, month or year) "
            "under `salary:`") in found


@pytest.mark.parametrize(("old", "new", "line", "fragment"), [
    ("type: permanent", "type: forever", 7, "`term.type` must be one of: permanent"),
    ("per: year", "per: fortnight", 13, "`salary.per` must be one of: hour, day"),
    ("min: 70000", "min: $70,000", 11, "`salary.min` must be a number"),
    ("min: 70000", "min: -5", 11, "`salary.min` must be a number above 0"),
    ("max: 85000", "max: 60000", 12, "`salary.max` (60000) is below `salary.min` (70000); "
     "write the lowest pay in `min` and the highest in `max`"),
    ("per_week: 36.25", "per_week: lots", 9, "`hours.per_week` must be a number"),
    ("email: jobs@example.ca", "email: jobs at example", 17, "is not an e-mail address"),
    ("existing_vacancy: true", "existing_vacancy: maybe", 19, "must be true or false"),
    ("lang: en", "lang: de", 4, "`lang` must be one of: en, fr"),
    ("deadline: 2027-01-15", "deadline: next Friday", 15, "is not a date"),
    ("deadline: 2027-01-15", "deadline: 2027-02-30", 15, "`deadline`: `2027-02-30` is not a "
     "date on the calendar: February 2027 has 28 days; write one like 2027-02-28"),
    ("deadline: 2027-01-15", "deadline: 2027-03-14 02:30", 15, "does not exist in America"),
    ("deadline: 2027-01-15", "deadline: YYYY-MM-DD", 15, "still holds the placeholder"),
    ("location: Toronto, Ontario", "location: {city: Toronto}", 5, "must be text"),
])
def test_each_wrong_value_is_reported_at_its_line(tmp_path: Path, old: str, new: str,
                                                  line: int, fragment: str) -> None:
    found = lines_and_messages(problems_for(tmp_path, replace_line(posting(), old, new)))
    assert any(at == line and fragment in message for at, message in found), found


def test_term_end_before_start_is_an_error_at_end(tmp_path: Path) -> None:
    text = replace_line(posting(), "  type: permanent\n",
                        "  type: contract\n  start: 2027-02-01\n  end: 2027-01-01\n")
    found = lines_and_messages(problems_for(tmp_path, text))
    assert (9, "`term.end` (2027-01-01) is before `term.start` (2027-02-01); write the first "
            "day in `start` and the last in `end`") in found


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.ca/x", "example.ca",
                                 "data:text/html,hi"])
def test_contact_url_allows_only_http_and_https(tmp_path: Path, url: str) -> None:
    text = replace_line(posting(), "  email: jobs@example.ca", f'  url: "{url}"')
    found = lines_and_messages(problems_for(tmp_path, text))
    assert any(line == 17 and "must be a web address" in msg for line, msg in found), found


def test_contact_needs_an_email_or_a_url(tmp_path: Path) -> None:
    text = replace_line(posting(), "  email: jobs@example.ca\n", "")
    found = lines_and_messages(problems_for(tmp_path, text))
    assert any(line == 16 and "needs an `email` or a `url`" in msg for line, msg in found)


def test_duplicate_keys_are_an_error_not_last_wins(tmp_path: Path) -> None:
    text = replace_line(posting(), "lang: en\n", "lang: en\ntitle: Other\n")
    found = lines_and_messages(problems_for(tmp_path, text))
    assert (5, "`title` is given twice (also on line 2); keep one") in found


def test_front_matter_text_stays_text(tmp_path: Path) -> None:
    text = replace_line(posting(), "title: Policy Analyst", "title: No")
    content, problems = load_content(make_content(tmp_path, {"job.md": text}))
    assert problems == [] and content is not None
    assert content.postings[0].title == "No"


def test_every_error_of_every_file_is_reported_in_one_run(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {
        "a.md": replace_line(posting("A"), "per: year", "per: often"),
        "b.md": replace_line(posting("B"), "min: 70000", "min: lots"),
        "c.md": "no front matter here\n",
        "d.md": replace_line(posting("D"), "title: D", "title: [unclosed"),
    })
    found = [(Path(p.path).name, p.line) for p in load_content(folder)[1]]
    assert found == [("a.md", 13), ("b.md", 11), ("c.md", 1), ("d.md", 3)]


def test_same_slug_or_job_id_in_one_language_names_both_files(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {
        "Policy_Analyst.md": posting("First", job_id="J-1"),
        "policy-analyst.md": posting("Second", job_id="J-2"),
        "other.md": posting("Third", job_id="J-1"),
    })
    messages = [f"{Path(p.path).name}: {p.message}" for p in load_content(folder)[1]]
    assert any("same web address `policy-analyst`" in m and "Policy_Analyst.md" in m
               for m in messages), messages
    assert any("same job_id `J-1`" in m for m in messages), messages


def test_translations_share_a_job_id_across_languages(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {
        "analyst.md": posting("Analyst", job_id="J-1"),
        "analyste.md": posting("Analyste", job_id="J-1", lang="fr"),
    })
    assert load_content(folder)[1] == []


def test_files_starting_with_underscore_or_dot_are_not_postings(tmp_path: Path) -> None:
    folder = make_content(tmp_path, {"_guide.md": "# notes\n", ".draft.md": "x",
                                     "job.md": posting()})
    content, problems = load_content(folder)
    assert problems == [] and content is not None and len(content.postings) == 1


def test_a_missing_site_yml_is_one_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    content, problems = load_content(folder)
    assert content is None
    assert [p.message for p in problems] == ["site.yml is missing: every site needs its "
                                             "settings file"]


# --- Issue 16: a posting's own facts, salary before 2026, placeholders, plainer messages -------

NEW_FIELDS = """\
accommodation:
  email: ODS.Data.Talent@ontario.ca
  phone: 416-555-0100
division: Ontario Digital Service
language_requirement: Bilingual imperative (BBB/BBB)
classification: AMAPCEO 7
"""


def with_new_fields(fields: str = NEW_FIELDS) -> str:
    """A valid posting with the new fields after `ai_screening` (they start on line 21)."""
    return replace_line(posting(), "ai_screening: false\n", "ai_screening: false\n" + fields)


def test_a_postings_own_facts_load(tmp_path: Path) -> None:
    content, problems = load_content(make_content(tmp_path, {"job.md": with_new_fields()}))
    assert problems == [] and content is not None
    (job,) = content.postings
    assert job.accommodation is not None
    assert (job.accommodation.email, job.accommodation.phone, job.accommodation.url) == (
        "ODS.Data.Talent@ontario.ca", "416-555-0100", None)
    assert job.division == "Ontario Digital Service"
    assert job.language_requirement == "Bilingual imperative (BBB/BBB)"
    assert job.classification == "AMAPCEO 7"
    assert (job.line_of("division"), job.line_of("classification")) == (24, 26)


def test_a_posting_without_its_own_facts_has_none(tmp_path: Path) -> None:
    content, _ = load_content(make_content(tmp_path, {"job.md": posting()}))
    assert content is not None
    job = content.postings[0]
    assert (job.accommodation, job.division, job.language_requirement, job.classification) == (
        None, None, None, None)


@pytest.mark.parametrize(("old", "new", "line", "message"), [
    ("division: Ontario Digital Service", "division:", 24, "`division` is empty; write the part "
     "of the organization that hires, like Ontario Digital Service, or delete the line"),
    ("language_requirement: Bilingual imperative (BBB/BBB)", "language_requirement: ''", 25,
     "`language_requirement` is empty; write the position's language requirement, like English "
     "essential or Bilingual imperative (BBB/BBB), or delete the line"),
    ("classification: AMAPCEO 7", "classification: [EC, 5]", 26, "`classification` must be text "
     "on one line, not a list, like `EC-05`"),
    ("  email: ODS.Data.Talent@ontario.ca", "  email: ods at ontario", 22, "`ods at ontario` is "
     "not an e-mail address; write one like accessibility@example.ca"),
    ("  phone: 416-555-0100", "  url: www.example.ca/access", 23, "`accommodation.url` must be a "
     "web address starting with https:// or http://, like https://example.ca/accessibility, not "
     "`www.example.ca/access`"),
    ("  phone: 416-555-0100", "  phone:", 23, "`accommodation.phone` is empty; write the phone "
     "number for accommodation requests, like 416-555-0100, or delete the line"),
    ("accommodation:\n  email: ODS.Data.Talent@ontario.ca\n  phone: 416-555-0100\n",
     "accommodation:\n", 21, "`accommodation` is empty; write an `email`, a `phone` or a `url` "
     "indented under it, like `  email: accessibility@example.ca`, or delete the line"),
])
def test_a_postings_own_facts_are_checked_at_their_lines(tmp_path: Path, old: str, new: str,
                                                         line: int, message: str) -> None:
    found = lines_and_messages(problems_for(tmp_path, replace_line(with_new_fields(), old, new)))
    assert found == [(line, message)]


def test_an_accommodation_group_that_names_no_way_to_ask_is_an_error(tmp_path: Path) -> None:
    text = with_new_fields("accommodation:\n  name: Talent team\n")
    found = lines_and_messages(problems_for(tmp_path, text))
    assert (22, "unknown field `accommodation.name`; known fields: email, phone, url") in found
    assert (21, "`accommodation` needs an `email`, a `phone` or a `url`: add `email: "
            "accessibility@example.ca` under it, or delete it") in found


def test_the_sites_accommodation_is_checked_by_the_same_reader(tmp_path: Path) -> None:
    site = SITE_YML.replace("  email: access@example.ca", "  email: access at example")
    folder = make_content(tmp_path, {"job.md": posting()}, site_yml=site)
    assert lines_and_messages(load_content(folder)[1]) == [
        (12, "`access at example` is not an e-mail address; write one like "
             "accessibility@example.ca")]


def test_salary_is_optional_when_loading(tmp_path: Path) -> None:
    text = replace_line(posting(posted="2016-03-01"),
                        "salary:\n  min: 70000\n  max: 85000\n  per: year\n", "")
    content, problems = load_content(make_content(tmp_path, {"job.md": text}))
    assert problems == [] and content is not None
    assert content.postings[0].salary is None


def test_a_salary_that_is_given_is_checked_as_before(tmp_path: Path) -> None:
    text = replace_line(posting(), "salary:\n  min: 70000\n  max: 85000\n  per: year\n",
                        "salary:\n")
    assert lines_and_messages(problems_for(tmp_path, text)) == [
        (10, "`salary` is empty; write `min:` and `per:` indented under it, like `  min: 70000`, "
             "or delete the line")]


@pytest.mark.parametrize(("old", "new", "line", "message"), [
    ("min: 70000", "min: REPLACE", 11, "`salary.min` still holds the placeholder `REPLACE`; write "
     "the lowest pay as a plain number, like 70000"),
    ("per: year", "per: À REMPLACER", 13, "`salary.per` still holds the placeholder `À "
     "REMPLACER`; write hour, day, week, month or year"),
    ("existing_vacancy: true", "existing_vacancy: a remplacer", 19, "`existing_vacancy` still "
     "holds the placeholder `a remplacer`; write true if the job is vacant now, or false if it "
     "is not (a pool for future jobs, for example)"),
    ("location: Toronto, Ontario", "location:\n  - Ottawa, Ontario\n  - REPLACE", 7, "`location` "
     "still holds the placeholder `REPLACE`; write the place as readers should see it, like "
     "Toronto, Ontario (or a list, one `- Place` a line)"),
    ("email: jobs@example.ca", "email: Replace", 17, "`contact.email` still holds the "
     "placeholder `Replace`; write the address applications go to, like jobs@example.ca (or "
     "delete the line and give `url:`)"),
    ("type: permanent", "type: contract\n  start: YYYY-MM-DD", 8, "`term.start` still holds the "
     "placeholder `YYYY-MM-DD`; write the first day of work, like 2027-01-04"),
    ("deadline: 2027-01-15", "deadline: AAAA-MM-JJ 17:00", 15, "`deadline` still holds the "
     "placeholder `AAAA-MM-JJ 17:00`; write the closing date, like 2027-01-15 (or 2027-01-15 "
     "17:00)"),
])
def test_a_placeholder_left_in_any_field_is_named_at_its_line(
        tmp_path: Path, old: str, new: str, line: int, message: str) -> None:
    found = lines_and_messages(problems_for(tmp_path, replace_line(posting(), old, new)))
    assert found == [(line, message)]


def test_the_scaffolds_instructions_left_in_the_body_are_errors_at_their_lines(
        tmp_path: Path) -> None:
    text = posting() + "\n- One duty a line\n\nDites aux personnes candidates quoi envoyer et où.\n"
    assert lines_and_messages(problems_for(tmp_path, text)) == [
        (26, "the body still holds the instruction `One duty a line` that `new` wrote; replace it "
             "with the posting's own words, like `- Write briefing notes for senior leaders`"),
        (28, "the body still holds the instruction `Dites aux personnes candidates quoi envoyer et "
             "où.` that `new` wrote; replace it with the posting's own words, like `Send your "
             "résumé and a cover letter to jobs@example.ca.`"),
    ]


@pytest.mark.parametrize("written", ["+ One duty a line", "1. One duty a line",
                                     "> One duty a line", "**One duty a line**",
                                     "One duty a line."])
def test_an_instruction_left_in_any_list_quote_or_emphasis_is_still_found(
        tmp_path: Path, written: str) -> None:
    found = lines_and_messages(problems_for(tmp_path, posting() + "\n" + written + "\n"))
    assert [line for line, _ in found] == [26]
    assert "`new` wrote" in found[0][1]


@pytest.mark.parametrize(("old", "new", "line", "message"), [
    ("min: 70000", "min: $70,000", 11, "`salary.min` must be a number above 0, written like 75129 "
     "or 669.57 (no $ sign, spaces or commas), not `$70,000`"),
    ("existing_vacancy: true", "existing_vacancy: maybe", 19, "`existing_vacancy` must be true or "
     "false, not `maybe`"),
    ("lang: en", "lang: en\npositions: 1.5", 5, "`positions` must be a whole number, like 2, not "
     "`1.5`"),
    ("per_week: 36.25", "per_week: 200", 9, "`hours.per_week` (200) is more than a week holds "
     "(168 hours); write the hours of a full week, like 36.25"),
    ("term:\n  type: permanent", "term:\n  type: contract\n  start: 2027-01-04 09:00", 8,
     "`term.start` must be a date only, like 2027-01-04, not `2027-01-04 09:00`"),
    ("  email: jobs@example.ca", "  url: example.ca", 17, "`contact.url` must be a web address "
     "starting with https:// or http://, like https://example.ca/apply, not `example.ca`"),
    ("  email: jobs@example.ca", "  name: Hiring team", 16, "`contact` needs an `email` or a "
     "`url` so people can apply: add `email: jobs@example.ca` or `url: https://example.ca/apply` "
     "under it"),
    ("salary:\n  min: 70000\n  max: 85000\n  per: year", "salary: 70000", 10, "`salary` must "
     "hold indented fields: min, max, per, currency, note (not `70000`)"),
    ("location: Toronto, Ontario", "location: {city: Toronto}", 5, "`location` must be text on "
     "one line, not a group of fields, like `Toronto, Ontario`"),
    ("term:\n  type: permanent\n", "", 1, "`term` is missing: add `term:` and under it `  type: "
     "permanent` (or temporary, contract, co-op, student, casual, seasonal) between the `---` "
     "lines"),
    ("deadline: 2027-01-15", "deadline: 2027-13-01", 15, "`deadline`: `2027-13-01` is not a date "
     "on the calendar: months go from 01 to 12; write one like 2027-12-01"),
    ("deadline: 2027-01-15", "deadline: 2027-01-15 24:00", 15, "`deadline`: `2027-01-15 24:00` is "
     "not a time on the clock: hours go from 00 to 23 and minutes from 00 to 59; write one like "
     "2027-01-15 23:59"),
    ("deadline: 2027-01-15", "deadline: 2027-01-15T17:00:00+99:00", 15, "`deadline`: "
     "`2027-01-15T17:00:00+99:00` is not a real date or time: its offset from UTC is more than a "
     "day; write one like -05:00, as in 2027-01-15T17:00:00-05:00"),
    ("deadline: 2027-01-15", "deadline: 0000-01-15", 15, "`deadline`: `0000-01-15` is not between "
     "the years 1900 and 2999; check the year, written with four digits like 2027"),
    ("deadline: 2027-01-15", "deadline: 2027-03-14 02:30", 15, "`deadline`: 2027-03-14 02:30 does "
     "not exist in America/Toronto: the clocks jump forward that night; choose a time outside "
     "the skipped hour, like 2027-03-14 03:30"),
])
def test_each_message_names_the_value_it_saw_and_an_example(
        tmp_path: Path, old: str, new: str, line: int, message: str) -> None:
    found = lines_and_messages(problems_for(tmp_path, replace_line(posting(), old, new)))
    assert found == [(line, message)]


@pytest.mark.parametrize("value", ["2027-02-29", "2027-04-31", "2027-13-01", "2027-00-10",
                                   "2027-01-15 24:00", "2027-01-15 17:60", "2027-01-15T17:00:60",
                                   "0000-01-01", "2027-01-15T17:00:00+24:00"])
def test_no_python_wording_reaches_an_editor_from_a_date(tmp_path: Path, value: str) -> None:
    [problem] = problems_for(tmp_path, replace_line(posting(), "deadline: 2027-01-15",
                                                    f"deadline: {value}"))
    assert problem.line == 15 and "like" in problem.message
    for words in ("out of range", "must be in", "timedelta", "strictly between", "Error"):
        assert words not in problem.message


def test_a_duplicate_job_id_is_reported_at_the_job_id_line_naming_the_other(
        tmp_path: Path) -> None:
    folder = make_content(tmp_path, {
        "first.md": posting("First", job_id="J-1"),
        "second.md": replace_line(posting("Second", job_id="J-1"), "title: Second\n",
                                  "title: Second\norganization: Other\n"),
    })
    [(path, line, message)] = [(Path(p.path).name, p.line, p.message)
                               for p in load_content(folder)[1]]
    assert (path, line) == ("second.md", 4)
    assert message.startswith("same job_id `J-1` as ") and message.endswith(
        "first.md:3; each posting needs its own"), message


def test_a_file_that_cannot_be_read_is_named_in_plain_words(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_content(tmp_path, {"job.md": posting()})
    real = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "job.md":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert lines_and_messages(load_content(folder)[1]) == [
        (1, "cannot read the file: you do not have permission to open it; ask whoever manages "
            "the folder to let you read it")]
