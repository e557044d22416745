"""Loading postings: every rule of SPEC §1, each error at the line of its key or value."""

from __future__ import annotations

from pathlib import Path

import pytest

from openings.errors import Problem
from openings.load import load_content
from tests.conftest import make_content, posting


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


def test_a_missing_required_field_is_reported_at_the_opening_fence(tmp_path: Path) -> None:
    text = replace_line(posting(), "title: Policy Analyst\n", "")
    assert lines_and_messages(problems_for(tmp_path, text)) == [(1, "`title` is required")]


def test_an_empty_required_field_is_reported_at_its_own_line(tmp_path: Path) -> None:
    text = replace_line(posting(), "title: Policy Analyst", "title:")
    [(line, message)] = lines_and_messages(problems_for(tmp_path, text))
    assert line == 2 and "`title` is required" in message


def test_an_unknown_field_suggests_the_closest_known_one(tmp_path: Path) -> None:
    text = replace_line(posting(), "deadline:", "dealine:")
    found = lines_and_messages(problems_for(tmp_path, text))
    assert (15, "unknown field `dealine`; did you mean `deadline`?") in found
    assert (1, "`deadline` is required") in found


def test_an_unknown_nested_field_names_its_group(tmp_path: Path) -> None:
    text = replace_line(posting(), "  per: year", "  pre: year")
    found = lines_and_messages(problems_for(tmp_path, text))
    assert (13, "unknown field `salary.pre`; did you mean `salary.per`?") in found
    assert (10, "`salary.per` is required") in found


@pytest.mark.parametrize(("old", "new", "line", "fragment"), [
    ("type: permanent", "type: forever", 7, "`term.type` must be one of: permanent"),
    ("per: year", "per: fortnight", 13, "`salary.per` must be one of: hour, day"),
    ("min: 70000", "min: $70,000", 11, "`salary.min` must be a number"),
    ("min: 70000", "min: -5", 11, "`salary.min` must be a number above 0"),
    ("max: 85000", "max: 60000", 12, "`salary.max` is below `salary.min`"),
    ("per_week: 36.25", "per_week: lots", 9, "`hours.per_week` must be a number"),
    ("email: jobs@example.ca", "email: jobs at example", 17, "is not an e-mail address"),
    ("existing_vacancy: true", "existing_vacancy: maybe", 19, "must be true or false"),
    ("lang: en", "lang: de", 4, "`lang` must be one of: en, fr"),
    ("deadline: 2027-01-15", "deadline: next Friday", 15, "is not a date"),
    ("deadline: 2027-01-15", "deadline: 2027-02-30", 15, "is not a real date"),
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
    assert (9, "`term.end` is before `term.start`; check both dates") in found


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
