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
        "669.57 (no $ sign, spaces or commas)",
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
    assert "content/bad.md:2: `title` is required" in capsys.readouterr().err
    assert sorted(p.name for p in project.iterdir()) == ["content"]


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


def test_new_scaffolds_a_posting_that_check_rejects_until_the_deadline_is_set(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "Senior Analyst: Data & AI", "--now", NOW]) == 0
    created = project / "content/senior-analyst-data-ai.md"
    assert "jobs/senior-analyst-data-ai/" in capsys.readouterr().out
    assert main(["check", "--now", NOW]) == 1
    assert "content/senior-analyst-data-ai.md:25: `deadline` still holds the placeholder" in (
        capsys.readouterr().err)
    created.write_text(created.read_text().replace("deadline: YYYY-MM-DD", "deadline: 2027-02-01"))
    assert main(["check", "--now", NOW]) == 0
    assert main(["new", "Senior Analyst: Data & AI", "--now", NOW]) == 1
    assert "already exists" in capsys.readouterr().err


def test_new_in_french_writes_a_french_posting(project: Path) -> None:
    assert main(["new", "Analyste principal", "--lang", "fr", "--now", NOW]) == 0
    created = project / "content/analyste-principal.md"
    text = created.read_text()
    assert "lang: fr" in text and "## Ce que vous ferez" in text and "OBLIGATOIRE" in text
    created.write_text(text.replace("deadline: YYYY-MM-DD", "deadline: 2027-02-01"))
    assert main(["check", "--now", NOW]) == 0


def test_build_py_runs_as_a_script_from_any_folder(project: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "check", "--now", NOW],
                            capture_output=True, text=True, cwd=project)
    assert result.returncode == 0, result.stderr


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
