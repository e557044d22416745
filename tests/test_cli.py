"""The command line of SPEC §4, run in-process as an editor would type it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from build import main
from tests.conftest import make_content, posting

NOW = "2026-11-29T12:00:00-05:00"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with a valid content/ as the working directory."""
    make_content(tmp_path, {"policy-analyst.md": posting(),
                            "court-clerk.md": posting("Court Clerk", deadline="2026-12-01")})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_no_command_means_build(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--now", NOW]) == 0
    assert (project / "site/jobs/policy-analyst/index.html").is_file()
    assert "1 open, 1 closing-soon, 0 closed" in capsys.readouterr().out


def test_content_errors_exit_1_listing_every_error_as_path_line_message(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content/bad.md").write_text(
        posting("Bad").replace("per: year", "per: often").replace("min: 70000", "min: many"))
    (project / "content/worse.md").write_text("no front-matter\n")
    assert main(["build", "--now", NOW]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if re.match(r"^content/\w+\.md:\d+: ", line)]
    assert lines == [
        "content/bad.md:11: `salary.min` must be a number above 0, written like 75129 or "
        "669.57 (no $ sign, spaces or commas), not `many`",
        "content/bad.md:13: `salary.per` must be one of: hour, day, week, month, year "
        "(not `often`)",
        "content/worse.md:1: no front-matter: the file must start with a line `---`, then the "
        "fields, then another `---`",
    ]
    assert "Traceback" not in err
    assert not (project / "site").exists()


def test_check_validates_and_writes_nothing(project: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--now", NOW]) == 0
    assert "No errors: the content is ready to publish." in capsys.readouterr().out
    assert sorted(p.name for p in project.iterdir()) == ["content"]
    (project / "content/bad.md").write_text(posting().replace("title: Policy Analyst", "title:"))
    assert main(["check", "--now", NOW]) == 1
    assert "content/bad.md:2: `title` is empty; write the job title" in capsys.readouterr().err
    assert sorted(p.name for p in project.iterdir()) == ["content"]


def test_check_on_two_processes_reports_what_one_reports(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for number in range(205):  # more than the pool's SMALL: postings are read in workers
        (project / f"content/job-{number:03}.md").write_text(posting(f"Analyst {number}"))
    (project / "content/job-100.md").write_text(
        posting("Analyst 100").replace("title: Analyst 100", "title:"))
    assert main(["check", "--jobs", "2", "--format", "json", "--now", NOW]) == 1
    two = json.loads(capsys.readouterr().out)
    assert main(["check", "--jobs", "1", "--format", "json", "--now", NOW]) == 1
    assert json.loads(capsys.readouterr().out) == two
    assert [(p["path"], p["line"]) for p in two["problems"] if p["severity"] == "error"] == [
        ("content/job-100.md", 2)]


@pytest.mark.parametrize("argv", [["build", "--now", "tomorrow"], ["build", "--now",
                                  "2026-11-29T12:00:00"], ["publish"], ["build", "--bogus"],
                                  ["build", "--base-url", "ftp://x"]])
def test_usage_errors_exit_2(project: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2


@pytest.mark.parametrize("command", [[], ["build"], ["check"], ["serve"], ["new"]])
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([*command, "--help"])
    assert caught.value.code == 0
    assert "usage: build.py" in capsys.readouterr().out


# What `new` leaves for the editor to decide (SPEC §1): each field's placeholder, the fact an
# editor would write instead, and the body's instructions in each language.
FACTS = {"location": "Toronto, Ontario", "work_arrangement": "hybrid", "term.type": "permanent",
         "hours.per_week": "36.25", "salary.min": "80000", "salary.max": "90000",
         "salary.per": "year", "contact.email": "jobs@ontario.ca", "existing_vacancy": "true",
         "ai_screening": "false"}
INSTRUCTIONS = {
    "en": ("Say in two or three short sentences what the team does and why this job matters.",
           "One duty a line", "Start each with a verb", "One requirement a line",
           "Tell applicants what to send and where."),
    "fr": ("Décrivez en deux ou trois phrases courtes ce que fait l’équipe et pourquoi cet "
           "emploi compte.", "Une tâche par ligne", "Commencez chacune par un verbe",
           "Une exigence par ligne", "Dites aux personnes candidates quoi envoyer et où."),
}


def placeholder_lines(text: str, marker: str) -> dict[str, int]:
    """Each field of a scaffold still holding the marker (by its name in FACTS), and its line."""
    leaves = {name.rpartition(".")[2]: name for name in FACTS}
    found = {}
    for number, line in enumerate(text.split("\n"), 1):
        key, _, value = line.strip().partition(": ")
        if value.partition(" #")[0].strip() == marker:
            found[leaves.get(key, key)] = number
    return found


def reported(err: str, name: str) -> dict[int, str]:
    """The errors `check` printed for one file, by line."""
    return {int(line): message for line, message in
            re.findall(rf"^content/{re.escape(name)}:(\d+): (.*)$", err, re.M)}


def decided(text: str, marker: str, lang: str) -> str:
    """A scaffold with every placeholder and instruction replaced by the editor's own words."""
    lines = []
    for line in text.split("\n"):
        key, _, value = line.strip().partition(": ")
        name = next((n for n in FACTS if n.rpartition(".")[2] == key), None)
        if name and value.partition(" #")[0].strip() == marker:
            line = line.replace(marker, FACTS[name], 1)
        for words in INSTRUCTIONS[lang]:
            line = line.replace(words, "Write briefing notes for the team.")
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize(("lang", "marker", "date", "title", "name"), [
    ("en", "REPLACE", "YYYY-MM-DD", "Senior Policy Advisor", "senior-policy-advisor.md"),
    ("fr", "À REMPLACER", "AAAA-MM-JJ", "Conseillère principale en politiques",
     "conseillere-principale-en-politiques.md"),
])
def test_a_scaffold_with_only_its_deadline_filled_in_is_refused_at_each_placeholder(
        project: Path, capsys: pytest.CaptureFixture[str], lang: str, marker: str, date: str,
        title: str, name: str) -> None:
    assert main(["new", title, "--lang", lang, "--now", NOW]) == 0
    created = project / "content" / name
    assert f"jobs/{name.removesuffix('.md')}/" in capsys.readouterr().out
    text = created.read_text()
    placeholders = placeholder_lines(text, marker)
    assert sorted(placeholders) == sorted(FACTS)
    created.write_text(text.replace(f"deadline: {date}", "deadline: 2027-02-01")
                       .replace("draft: true", "draft: false"))
    assert main(["check", "--now", NOW]) == 1
    errors = reported(capsys.readouterr().err, name)
    body = {number: words for number, line in enumerate(text.split("\n"), 1)
            for words in INSTRUCTIONS[lang] if line in (words, f"- {words}")}
    assert len(body) == len(INSTRUCTIONS[lang])
    assert sorted(errors) == sorted([*placeholders.values(), *body])
    for field, line in placeholders.items():
        assert errors[line].startswith(f"`{field}` still holds the placeholder `{marker}`; "
                                       "write "), errors[line]
    assert "`salary.min` still holds the placeholder" in errors[placeholders["salary.min"]]
    assert errors[placeholders["salary.min"]].endswith("like 70000")
    for line, words in body.items():
        assert errors[line].startswith(f"the body still holds the instruction `{words}`")
    created.write_text(decided(created.read_text(), marker, lang))
    assert main(["check", "--now", NOW]) == 0, capsys.readouterr().err


def test_the_scaffold_deadline_is_a_placeholder_until_it_is_a_date(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "Senior Analyst: Data & AI", "--now", NOW]) == 0
    text = (project / "content/senior-analyst-data-ai.md").read_text()
    line = next(n for n, x in enumerate(text.split("\n"), 1) if x.startswith("deadline:"))
    assert main(["check", "--now", NOW]) == 1
    assert (f"content/senior-analyst-data-ai.md:{line}: `deadline` still holds the placeholder "
            "`YYYY-MM-DD`; write the closing date, like 2027-01-15 (or 2027-01-15 17:00)") in (
        capsys.readouterr().err)
    assert main(["new", "Senior Analyst: Data & AI", "--now", NOW]) == 1
    assert "already exists" in capsys.readouterr().err


def test_new_keeps_the_job_id_whole_and_knows_the_new_fields(project: Path) -> None:
    assert main(["new", "Senior Policy Advisor, Digital Government", "--now", NOW]) == 0
    text = (project / "content/senior-policy-advisor-digital-government.md").read_text()
    assert 'job_id: "2026-SENIOR-POLICY-ADVISOR-DIGITAL-GOVERNMENT" ' in text
    for field in ("# accommodation:", "# division:", "# language_requirement:",
                  "# classification:"):
        assert field in text
    assert "salary:                          # required for postings from 2026 on" in text


def test_new_in_french_writes_a_french_posting(project: Path) -> None:
    assert main(["new", "Analyste principal", "--lang", "fr", "--now", NOW]) == 0
    text = (project / "content/analyste-principal.md").read_text()
    assert "lang: fr" in text and "## Ce que vous ferez" in text and "OBLIGATOIRE" in text
    assert "deadline: AAAA-MM-JJ" in text and "location: À REMPLACER" in text


def test_new_in_a_language_without_a_scaffold_writes_english_and_says_what_to_replace(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = project / "content/site.yml"
    site.write_text(site.read_text().replace("languages: [en, fr]", "languages: [en, fr, es]"))
    assert main(["new", "Analista", "--lang", "es", "--now", NOW]) == 0
    text = (project / "content/analista.md").read_text()
    assert "lang: es" in text and "location: REPLACE" in text
    assert "Replace every REPLACE, the deadline (YYYY-MM-DD)" in capsys.readouterr().out


def test_build_py_runs_as_a_script_from_any_folder(project: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "check", "--now", NOW],
                            capture_output=True, text=True, cwd=project)
    assert result.returncode == 0, result.stderr
    assert "No errors: the content is ready to publish." in result.stdout


def test_check_a11y_reports_markdown_and_page_problems_and_fails_on_errors(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--a11y", "--now", NOW]) == 0
    with (project / "content/policy-analyst.md").open("a") as handle:
        handle.write("\n![](team.png)\n\n[click here](https://example.ca/team)\n")
    assert main(["check", "--a11y", "--now", NOW]) == 1
    err = capsys.readouterr().err
    assert re.search(r"^content/policy-analyst\.md:\d+: the image team\.png has no alt text", err,
                     re.M)
    assert re.search(r"^jobs/policy-analyst/index\.html:\d+: warning: the link text", err, re.M)
    assert sorted(p.name for p in project.iterdir()) == ["content"]


def break_pay(project: Path) -> None:
    """Give the sample posting a pay range wider than the law allows and an http link."""
    path = project / "content/policy-analyst.md"
    path.write_text(path.read_text().replace("max: 85000", "max: 150000")
                    + "\n[pay scales](http://www.ontario.ca/pay)\n")


def test_check_json_lists_every_problem_for_tools(project: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    break_pay(project)
    assert main(["check", "--format", "json", "--now", NOW]) == 1
    document = json.loads(capsys.readouterr().out)
    assert (document["errors"], document["warnings"]) == (1, 1)
    assert [(p["path"], p["line"], p["severity"], p["rule"]) for p in document["problems"]] == [
        ("content/policy-analyst.md", 10, "error", "pay-range"),
        ("content/policy-analyst.md", 26, "warning", "link-https")]


def test_check_github_writes_annotations_on_the_lines(project: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    break_pay(project)
    assert main(["check", "--format", "github", "--now", NOW]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("::error file=content/policy-analyst.md,line=10,title=pay-range::"
                               "the pay range spans about $80,000 a year")
    assert lines[1].startswith("::warning file=content/policy-analyst.md,line=26,"
                               "title=link-https::")


def test_check_text_groups_by_file_with_counts_and_no_colour_when_piped(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    break_pay(project)
    assert main(["check", "--now", NOW]) == 1
    err = capsys.readouterr().err
    assert "\033[" not in err
    assert err.splitlines()[-1] == "1 error and 1 warning in 1 file."
