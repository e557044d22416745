"""The accessibility checker: every rule fails on a bad fixture and passes on a good one,
for built pages (HTML) and for editors' Markdown, plus the site walk and the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from accessibility import check_built_site, check_content, check_markdown, check_page
from openings.errors import ERROR, WARNING, Problem, errors_only
from tests.golden import build_golden

ROOT = Path(__file__).resolve().parent.parent

# The lines of PAGE: 2 <html>, 3 <head>, 5 <title>, 7 <body>, 8 the skip link, 9 <main>,
# 10 <h1>, 11 the body slot.
PAGE = """\
<!DOCTYPE html>
{html}
<head>
<meta charset="utf-8">
{title}
</head>
<body>
{skip}
<main id="main">
<h1>Policy Analyst</h1>
{body}
</main>
</body>
</html>
"""


def page(body: str = "<p>Apply by email.</p>", *, html: str = '<html lang="en">',
         title: str = "<title>Policy Analyst – Careers</title>",
         skip: str = '<a class="skip-link" href="#main">Skip to main content</a>') -> str:
    """A complete, accessible page, with the one part a test changes."""
    return PAGE.format(html=html, title=title, skip=skip, body=body)


def without_main(text: str) -> str:
    """The page with its <main> turned into a <div>, lines unchanged."""
    return text.replace('<main id="main">', '<div id="main">').replace("</main>", "</div>")


def assert_one(problems: list[Problem], line: int, phrase: str, severity: str) -> None:
    """Exactly one problem, at that line and severity, whose message holds the phrase."""
    assert [(p.line, p.severity) for p in problems] == [(line, severity)], problems
    assert phrase in problems[0].message, problems[0].message


# --- Built pages --------------------------------------------------------------------------

def test_a_complete_page_has_no_problems():
    assert check_page("site/index.html", page()) == []


@pytest.mark.parametrize(("text", "line", "phrase", "severity"), [
    pytest.param(page("<p>Apply by email.</div>"), 11, "the HTML is malformed: End tag (div) "
                 "seen too early", ERROR, id="parse-error-stray-end-tag"),
    pytest.param(page().replace("<!DOCTYPE html>", ""), 2, "Expected DOCTYPE", ERROR,
                 id="parse-error-no-doctype"),
    pytest.param(page(html="<html>"), 2, "the page has no language", ERROR, id="no-html-lang"),
    pytest.param(page(html='<html lang=" ">'), 2, "the page has no language", ERROR,
                 id="blank-html-lang"),
    pytest.param(page(title=""), 3, "the page has no title", ERROR, id="no-title"),
    pytest.param(page(title="<title> </title>"), 5, "the page has no title", ERROR,
                 id="empty-title"),
    pytest.param(page("<main>Again</main>"), 11, "more than one <main> element (the first is on "
                 "line 9)", ERROR, id="two-mains"),
    pytest.param(page().replace("<h1>Policy Analyst</h1>", "<h2>Policy Analyst</h2>"), 9,
                 "the page has no <h1>", ERROR, id="no-h1"),
    pytest.param(page("<h1>Again</h1>"), 11, "more than one <h1> heading (the first is on line "
                 "10)", ERROR, id="two-h1s"),
    pytest.param(page("<h3>Duties</h3>"), 11, '<h3> heading "Duties" follows an <h1>, skipping '
                 "a level; make it an <h2>", ERROR, id="heading-skip"),
    pytest.param(page("<h2>Duties</h2>\n<h5>Tasks</h5>"), 12, "follows an <h2>, skipping",
                 ERROR, id="heading-skip-deeper"),
    pytest.param(page(skip=""), 7, "the page has no skip link", ERROR, id="no-skip-link"),
    pytest.param(page(skip='<a href="/">Home</a>'), 8, "is not a skip link", ERROR,
                 id="home-link-first"),
    pytest.param(page(skip="<button>Menu</button>"), 8, "is not a skip link", ERROR,
                 id="button-first"),
    pytest.param(page(skip='<a href="#content">Skip</a>'), 8, "points to #content, which is not "
                 "the <main> element or inside it", ERROR, id="skip-link-to-no-id"),
    pytest.param(page(html='<html lang="en" id="top">', skip='<a href="#top">Skip</a>'), 8,
                 "points to #top, which is not the <main>", ERROR, id="skip-link-outside-main"),
    pytest.param(page('<img src="team.jpg">'), 11, 'the image "team.jpg" has no alt attribute',
                 ERROR, id="img-without-alt"),
    pytest.param(page('<p><a href="/jobs/"></a></p>'), 11, "this <a> has no text a screen "
                 "reader can announce", ERROR, id="empty-link"),
    pytest.param(page('<button><span aria-hidden="true">×</span></button>'), 11,
                 "this <button> has no text", ERROR, id="button-with-only-hidden-text"),
    pytest.param(page('<p><a href="/jobs/"><img src="go.png" alt=""></a></p>'), 11,
                 "this <a> has no text", ERROR, id="link-with-only-a-decorative-image"),
    pytest.param(page('<p><a href="/" aria-labelledby="nowhere"></a></p>'), 11,
                 "this <a> has no text", ERROR, id="link-labelled-by-a-missing-id"),
    pytest.param(page('<p><a href="/apply/">Click here</a></p>'), 11,
                 'the link text "Click here" does not say where the link goes', WARNING,
                 id="generic-link-click-here"),
    pytest.param(page('<p lang="fr"><a href="/fr/">  En savoir PLUS. </a></p>'), 11,
                 'the link text "En savoir PLUS." does not say', WARNING,
                 id="generic-link-en-savoir-plus"),
    pytest.param(page('<p id="main">Again</p>'), 11, 'the id "main" is used again (first on '
                 "line 9)", ERROR, id="duplicate-id"),
    pytest.param(page("<h2> </h2>"), 11, "the <h2> heading is empty", ERROR, id="empty-heading"),
    pytest.param(page("<table>\n<tr><td>1</td><td>$38.50</td></tr>\n</table>"), 11,
                 "the table has no header cells", ERROR, id="table-without-th"),
    pytest.param(page('<p lang="english">Hello</p>'), 11, 'lang="english" is not a language '
                 "code", ERROR, id="lang-not-a-code"),
    pytest.param(page(html='<html lang="fr_CA">'), 2, 'lang="fr_CA" is not a language code',
                 ERROR, id="html-lang-with-underscore"),
])
def test_each_page_rule_reports_its_problem_at_the_element_line(text, line, phrase, severity):
    problems = check_page("site/index.html", text)
    assert_one(problems, line, phrase, severity)
    assert problems[0].path == "site/index.html"


@pytest.mark.parametrize("text", [
    pytest.param(page("<p>Apply by email.</p>\n<br>\n<hr/>"), id="well-formed-html"),
    pytest.param(page(html='<html lang="fr-CA">'), id="html-lang-fr-CA"),
    pytest.param(page(title="<title>Analyste – Carrières</title>"), id="title-with-text"),
    pytest.param(page("<section><h2>Duties</h2></section>"), id="one-main-one-h1"),
    pytest.param(page("<h2>Duties</h2>\n<h3>Tasks</h3>\n<h2>Pay</h2>"), id="headings-in-order"),
    pytest.param(page("<h2>About</h2>\n<h3>Duties</h3>\n<h4>Daily</h4>\n<h2>Pay</h2>"),
                 id="heading-back-up-two-levels"),
    pytest.param(page('<p id="start">Apply by email.</p>', skip='<a href="#start">Skip</a>'),
                 id="skip-link-into-main"),
    pytest.param(page(skip='<a name="top"></a><span tabindex="-1">x</span>'
                      '<a href="#main">Skip to main content</a>'),
                 id="skip-link-after-unfocusable-elements"),
    pytest.param(page(skip='<input type="hidden" name="a"><a href="#main">Skip</a>'),
                 id="skip-link-after-hidden-input"),
    pytest.param(page('<img src="rule.png" alt="">'), id="decorative-image-empty-alt"),
    pytest.param(page('<img src="team.jpg" alt="Our team at work">'), id="image-with-alt"),
    pytest.param(page('<p><a href="/"><img src="logo.png" alt="Careers home"></a></p>'),
                 id="link-named-by-image-alt"),
    pytest.param(page('<button aria-label="Open menu"></button>'), id="aria-label"),
    pytest.param(page('<p id="label">Open jobs</p><a href="/" aria-labelledby="label"></a>'),
                 id="aria-labelledby"),
    pytest.param(page('<p><a href="/apply/">How to apply</a></p>'), id="descriptive-link"),
    pytest.param(page('<p><a href="/pay/" aria-label="Read more about pay">Read more</a></p>'),
                 id="generic-text-with-descriptive-aria-label"),
    pytest.param(page('<p id="apply">Apply</p><p id="contact">Contact</p>'), id="unique-ids"),
    pytest.param(page('<h2><img src="on.png" alt="Ontario"></h2>'), id="heading-with-image"),
    pytest.param(page("<table>\n<tr><th>Step</th><th>Pay</th></tr>\n"
                      "<tr><td>1</td><td>$38.50</td></tr>\n</table>"), id="table-with-th"),
    pytest.param(page('<p lang="zh-Hant-TW">你好</p><p lang="">?</p>'), id="valid-lang-codes"),
])
def test_each_page_rule_passes_an_accessible_page(text):
    assert check_page("site/index.html", text) == []


def test_a_page_without_main_also_has_a_skip_link_with_nowhere_to_go():
    problems = check_page("p.html", without_main(page()))
    assert [(p.line, p.severity) for p in problems] == [(7, ERROR), (8, ERROR)]
    assert "the page has no <main> element" in problems[0].message
    assert "points to #main, which is not the <main> element" in problems[1].message


def test_a_start_tag_over_several_lines_is_placed_on_the_line_where_it_ends():
    problems = check_page("p.html", page('<img\n  src="team.jpg"\n  class="photo">'))
    assert_one(problems, 13, "has no alt attribute", ERROR)


def test_check_built_site_checks_every_page_under_the_folder(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "jobs" / "analyst").mkdir(parents=True)
    (site / "index.html").write_text(page(), encoding="utf-8")
    (site / "jobs" / "analyst" / "index.html").write_text(page('<img src="a.png">'),
                                                         encoding="utf-8")
    (site / "feed.xml").write_text("<feed/>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    problems = check_built_site(Path("site"))
    assert [(p.path, p.line) for p in problems] == [("site/jobs/analyst/index.html", 11)]
    assert "has no alt attribute" in problems[0].message


def test_check_built_site_shows_a_folder_outside_the_working_directory_as_given(tmp_path):
    (tmp_path / "index.html").write_text(page(html="<html>"), encoding="utf-8")
    problems = check_built_site(tmp_path)
    assert [(p.path, p.line) for p in problems] == [(str(tmp_path / "index.html"), 2)]


def test_a_page_that_is_not_utf8_is_reported_not_crashed_on(tmp_path):
    (tmp_path / "index.html").write_bytes(page().encode("utf-8") + b"\xff")
    assert_one(check_built_site(tmp_path), 1, "not UTF-8", ERROR)


def test_a_big_site_is_checked_on_two_processes_with_every_problem_in_page_order(tmp_path):
    (tmp_path / "index.html").write_text(page(), encoding="utf-8")
    for number in range(240):  # more than the pool's SMALL: the pages go to workers
        folder = tmp_path / "jobs" / f"job-{number:03}"
        folder.mkdir(parents=True)
        body = '<img src="a.png">' if number % 3 == 0 else "<p>Apply by email.</p>"
        (folder / "index.html").write_text(page(body), encoding="utf-8")
    problems = check_built_site(tmp_path, jobs=2)
    assert problems == check_built_site(tmp_path, jobs=1)
    assert [Path(p.path).parent.name for p in problems] == [
        f"job-{number:03}" for number in range(0, 240, 3)]
    assert {(p.line, p.severity) for p in problems} == {(11, ERROR)}


def test_the_golden_site_has_no_accessibility_errors(tmp_path):
    build_golden(tmp_path / "site")
    assert errors_only(check_built_site(tmp_path / "site")) == []


# --- Editors' Markdown ------------------------------------------------------------------------

# The body starts on line 20 of its file in every case below.
LONG = " ".join(["word"] * 30)


@pytest.mark.parametrize(("body", "line", "phrase", "severity"), [
    pytest.param("Our team:\n\n![](team.jpg)\n", 22, "the image team.jpg has no alt text; "
                 "describe it in the brackets", ERROR, id="image-without-alt"),
    pytest.param("Text ![ ](a.png) text.", 20, "![Team at work](a.png)", ERROR,
                 id="image-with-blank-alt"),
    pytest.param("Apply [here](https://x.ca/apply).", 20, 'the link text "here" does not say '
                 "where the link goes", WARNING, id="generic-link-here"),
    pytest.param("Read the pay scales.\nThen [Click Here](https://x.ca).", 21,
                 'the link text "Click Here"', WARNING, id="generic-link-on-a-later-line"),
    pytest.param("- Pour postuler, [cliquez\nici](https://x.ca).", 20, '"cliquez ici"', WARNING,
                 id="generic-link-french-over-two-lines"),
    pytest.param("Apply **[now](https://x.ca)** or [read *more*](https://x.ca/more).", 20,
                 '"read more"', WARNING, id="generic-link-with-emphasis"),
    pytest.param("# About\n\n### Duties", 22, 'the heading "Duties" jumps from level 1 to '
                 "level 3, skipping a level; write it as ## Duties", WARNING, id="heading-skip"),
    pytest.param("About\n=====\n\n### Duties", 23, "from level 1 to level 3", WARNING,
                 id="heading-skip-after-underlined-heading"),
    pytest.param("Please APPLY BEFORE THE DEADLINE today.", 20, 'the text "APPLY BEFORE THE '
                 'DEADLINE" is in capital letters', WARNING, id="all-caps"),
    pytest.param("Hello.\nTHIS JOB IS GREAT, **REALLY**", 21, '"THIS JOB IS GREAT, REALLY"',
                 WARNING, id="all-caps-across-bold"),
    pytest.param("See [https://x.ca/pay](https://x.ca/pay).", 20, 'the link shows the web '
                 'address "https://x.ca/pay"; describe where the link goes', WARNING,
                 id="url-as-link-text"),
    pytest.param("See <https://x.ca/pay>.", 20, "the link shows the web address", WARNING,
                 id="autolink"),
    pytest.param("See [www.ontario.ca](https://www.ontario.ca).", 20, "the web address",
                 WARNING, id="www-address-as-link-text"),
])
def test_each_markdown_rule_reports_its_problem_at_the_file_line(body, line, phrase, severity):
    problems = check_markdown("content/analyst.md", body, 20)
    assert_one(problems, line, phrase, severity)
    assert problems[0].path == "content/analyst.md"


@pytest.mark.parametrize("body", [
    pytest.param("![Our team at work](team.jpg)", id="image-with-alt"),
    pytest.param("Read [how to apply](https://x.ca/apply).", id="descriptive-link"),
    pytest.param("Read [where to find us](https://x.ca), here.", id="here-outside-a-link"),
    pytest.param("### About\n\n#### Duties\n\n## Pay\n\n# Contact", id="headings-without-skips"),
    pytest.param("Send it to the OPS HR team.", id="short-acronyms"),
    pytest.param("Run `SELECT NAME FROM JOBS WHERE OPEN` daily.", id="capitals-in-code"),
    pytest.param("APPLY TODAY. 2026 JOBS NOW", id="capitals-broken-by-a-number"),
    pytest.param(f"{' '.join(['word'] * 29)} end.", id="sentence-of-30-words"),
    pytest.param(f"{' '.join(['word'] * 20)}. {' '.join(['word'] * 20)}.",
                 id="two-sentences-of-20-words"),
    pytest.param("```\n" + " ".join(["WORD"] * 40) + "\n```", id="code-block"),
    pytest.param("See the [pay scales](https://x.ca/pay).", id="described-address"),
    pytest.param("Write to <jobs@example.ca>.", id="email-autolink"),
])
def test_each_markdown_rule_passes_accessible_text(body):
    assert check_markdown("content/analyst.md", body, 20) == []


POSTING = """\
---
title: Analyst
lang: en
---
# About

![](team.jpg)
"""


def test_check_content_checks_postings_at_their_file_lines(tmp_path, monkeypatch):
    content = tmp_path / "content"
    content.mkdir()
    (content / "analyst.md").write_text(POSTING, encoding="utf-8")
    (content / "_README.md").write_text("[click here](x)", encoding="utf-8")
    (content / ".draft.md").write_text(POSTING, encoding="utf-8")
    (content / "broken.md").write_text("no front-matter\n![](a.png)", encoding="utf-8")
    (content / "latin1.md").write_bytes(b"---\ntitle: caf\xe9\n---\n![](a.png)\n")
    monkeypatch.chdir(tmp_path)
    problems = check_content(Path("content"))
    assert [(p.path, p.line, p.severity) for p in problems] == [("content/analyst.md", 7, ERROR)]


def test_a_big_content_folder_is_checked_on_two_processes_in_file_order(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for number in range(240):
        text = POSTING if number % 4 == 0 else POSTING.replace("![](team.jpg)", "")
        (content / f"job-{number:03}.md").write_text(text, encoding="utf-8")
    problems = check_content(content, jobs=2)
    assert problems == check_content(content, jobs=1)
    assert [Path(p.path).name for p in problems] == [
        f"job-{number:03}.md" for number in range(0, 240, 4)]


def test_the_golden_content_has_no_accessibility_problems():
    assert check_content(ROOT / "tests" / "golden" / "content") == []


# --- Command line ------------------------------------------------------------------------------

def run(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m accessibility ARGS` from the project folder."""
    return subprocess.run([sys.executable, "-m", "accessibility", *args], capture_output=True,
                          text=True, cwd=ROOT)


def site(root: Path, *pages: str) -> Path:
    """A built-site folder holding the given pages."""
    folder = root / "site"
    for index, text in enumerate(pages):
        (folder / f"page{index}").mkdir(parents=True)
        (folder / f"page{index}" / "index.html").write_text(text, encoding="utf-8")
    return folder


def run_in(folder: Path) -> subprocess.CompletedProcess[str]:
    """`python -m accessibility` with no arguments, from another folder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "accessibility"], capture_output=True,
                          text=True, cwd=folder, env=env)


def test_the_command_checks_site_when_given_no_folder(tmp_path):
    site(tmp_path, page(html="<html>"))
    result = run_in(tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("site/page0/index.html:2: the page has no language")


def test_the_command_exits_2_when_given_no_folder_and_there_is_no_site(tmp_path):
    result = run_in(tmp_path)
    assert result.returncode == 2
    assert "site/ is not a folder" in result.stderr


def test_the_command_exits_0_on_an_accessible_site(tmp_path):
    result = run(str(site(tmp_path, page(), page())))
    assert (result.returncode, result.stdout) == (0, "0 error(s), 0 warning(s).\n")


def test_the_command_exits_0_when_there_are_only_warnings(tmp_path):
    result = run(str(site(tmp_path, page('<p><a href="/">here</a></p>'))))
    path = tmp_path / "site" / "page0" / "index.html"
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f'{path}:11: warning: the link text "here" does not say where the link goes; use words '
        "that describe the destination", "0 error(s), 1 warning(s)."]


def test_the_command_exits_1_and_lists_every_error(tmp_path):
    folder = site(tmp_path, page(html="<html>"), page('<img src="a.png">'))
    result = run(str(folder))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(": ")[0] for line in lines[:-1]] == [
        f"{folder}/page0/index.html:2", f"{folder}/page1/index.html:11"]
    assert lines[-1] == "2 error(s), 0 warning(s)."


def test_the_command_checks_markdown_with_content(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "analyst.md").write_text(POSTING, encoding="utf-8")
    result = run(str(site(tmp_path, page())), "--content", str(content))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{content}/analyst.md:7: the image team.jpg has no alt text")


@pytest.mark.parametrize("args", [
    pytest.param(["/no/such/folder"], id="missing-folder"),
    pytest.param(["--content"], id="option-without-value"),
    pytest.param(["--colour"], id="unknown-option"),
    pytest.param(["--content", "tests/golden/content", "tests/golden/content/site.yml"],
                 id="a-file-for-a-folder"),
])
def test_the_command_exits_2_on_a_usage_error(args):
    result = run(*args)
    assert result.returncode == 2
    assert "error:" in result.stderr
