"""The hostile corpus (tests/hostile/): what editors paste, half-saved files, hostile YAML and
attempts to publish a script. Each file gives a correct page or clear `PATH:LINE` errors,
never a traceback."""

from __future__ import annotations

import shutil
import time
import unicodedata
from pathlib import Path

import html5lib
import pytest

from openings import check_site, render_site
from openings.errors import ERROR
from tests.conftest import LAYOUTS, NOW, make_content, posting

HOSTILE = Path(__file__).resolve().parent / "hostile"
CORPUS = sorted(p.name for p in HOSTILE.glob("*.md"))

# file -> (line, words of the one error an editor must see), or None when the page builds
EXPECTED: dict[str, tuple[int, str] | None] = {
    "word-paste.md": None,
    "old-mac-line-ends.md": None,
    "right-to-left.md": None,
    "emoji-🚀.md": None,
    "nested-lists.md": None,
    "script-injection.md": None,
    "tabs-in-yaml.md": (6, "indent with spaces"),
    "zero-width-in-key.md": (4, "invisible character: U+200B ZERO WIDTH SPACE"),
    "🚀.md": (1, "no letters or digits"),
    "billion-laughs.md": (3, "aliases"),
    "python-tag.md": (2, "tags like tag:yaml.org,2002:python/object/apply:os.system"),
    "python-tag-in-body-key.md": (11, "tags like"),
    "duplicate-keys.md": (4, "`title` is given twice"),
    "half-saved.md": (1, "not closed"),
    "latin-1.md": (2, "not UTF-8"),
    "empty.md": (1, "no front-matter"),
    "control-characters.md": (2, "control character (U+0007)"),
    "deep-yaml-nesting.md": (2, "nested too deeply"),
    "huge-numbers.md": (8, "`salary.min` must be a number"),
    "far-future.md": (12, "between the years 1900 and 2999"),
    "year-one.md": (11, "between the years 1900 and 2999"),
    "bad-zone-offset.md": (12, "not a real date or time"),
}


def corpus_site(tmp_path: Path, *names: str) -> Path:
    """A content folder holding some files of the corpus, byte for byte."""
    content = make_content(tmp_path, {})
    for name in names:
        shutil.copyfile(HOSTILE / name, content / name)
    return content


def pages(content: Path) -> dict[str, str]:
    """Every page of a site, in memory."""
    return {path: data.decode("utf-8") for path, data in render_site(content, LAYOUTS, NOW)}


def test_every_file_of_the_corpus_has_an_expectation() -> None:
    assert sorted(EXPECTED) == CORPUS


@pytest.mark.parametrize("name", CORPUS)
def test_hostile_file_gives_a_page_or_errors_at_its_lines(
        tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    content = corpus_site(tmp_path, name)
    started = time.monotonic()
    problems = check_site(content, NOW)
    assert time.monotonic() - started < 5, f"{name}: took too long to refuse"
    errors = [p for p in problems if p.severity == ERROR]
    for problem in problems:
        assert problem.path.endswith(name) and problem.line >= 1, problem
    expected = EXPECTED[name]
    if expected is None:
        assert errors == []
        built = pages(content)
        slug = [path for path in built if path.startswith("jobs/") and path.endswith(".html")]
        assert len(slug) == 1, sorted(built)
        html5lib.HTMLParser(strict=True).parse(built[slug[0]])
    else:
        line, words = expected
        assert [p for p in errors if p.line == line and words in p.message], errors
    assert not (tmp_path / "pwned").exists()


def test_word_paste_keeps_its_characters_and_drops_the_byte_order_mark(tmp_path: Path) -> None:
    built = pages(corpus_site(tmp_path, "word-paste.md"))
    page = built["jobs/word-paste/index.html"]
    assert "“Senior” Analyst\u00a0– Policy’s Team" in page
    assert "\ufeff" not in page and "\r" not in page


def test_right_to_left_and_emoji_text_reach_the_page_as_written(tmp_path: Path) -> None:
    built = pages(corpus_site(tmp_path, "right-to-left.md", "emoji-🚀.md"))
    assert "מנתח מדיניות Policy Analyst" in built["jobs/right-to-left/index.html"]
    assert "Launch Analyst 🚀👩🏽\u200d💻🇨🇦" in built["jobs/emoji/index.html"]


def test_a_script_in_a_posting_is_shown_as_text_never_run(tmp_path: Path) -> None:
    page = pages(corpus_site(tmp_path, "script-injection.md"))["jobs/script-injection/index.html"]
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    for script in tree.iter("script"):
        assert script.get("type") == "application/ld+json" or script.get("src", "").startswith(
            "../../assets/"), script.attrib
        assert "</script" not in (script.text or "").lower()
    for element in tree.iter():
        assert not [a for a in element.attrib if a.lower().startswith("on")], element.attrib
        for attribute in ("href", "src"):
            value = "".join(element.get(attribute, "").split()).lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), value
    assert tree.find(".//iframe") is None and tree.find(".//img") is None
    title = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"
    assert f"<h1>{title}</h1>" in page
    assert 'href="https://example.ca/apply" rel="noopener"' in page


def test_a_one_megabyte_body_builds(tmp_path: Path) -> None:
    paragraph = "You will help people find the services they need, every day. " * 20
    body = "\n\n".join(f"## Part {i}\n\n{paragraph}" for i in range(900))
    assert len(body.encode()) > 1_000_000
    content = make_content(tmp_path, {"long.md": posting("Long Read") + body + "\n\nThe end.\n"})
    assert [p for p in check_site(content, NOW) if p.severity == ERROR] == []
    assert "The end." in pages(content)["jobs/long/index.html"]


def test_a_link_to_a_file_outside_the_content_folder_is_never_followed(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "secret.md"
    secret.parent.mkdir()
    secret.write_text(posting("Secret Posting"))
    content = make_content(tmp_path, {"ok.md": posting("Fine")})
    (content / "leak.md").symlink_to(secret)
    (content / "climb.md").symlink_to(Path("..") / "elsewhere" / "secret.md")
    problems = check_site(content, NOW)
    assert sorted((Path(p.path).name, p.line) for p in problems if "outside the content folder"
                  in p.message) == [("climb.md", 1), ("leak.md", 1)]


def test_a_site_yml_linked_from_outside_is_refused(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"ok.md": posting("Fine")})
    outside = tmp_path / "site.yml"
    (content / "site.yml").rename(outside)
    (content / "site.yml").symlink_to(outside)
    [problem] = check_site(content, NOW)
    assert problem.path.endswith("site.yml") and "outside the content folder" in problem.message


@pytest.mark.parametrize("names", [("Analyst.md", "analyst.md"),
                                   (unicodedata.normalize("NFC", "café.md"),
                                    unicodedata.normalize("NFD", "café.md"))])
def test_file_names_that_differ_only_in_case_or_accents_encoding_are_one_address(
        tmp_path: Path, names: tuple[str, str]) -> None:
    content = make_content(tmp_path, {})
    for index, name in enumerate(names):
        (content / name).write_text(posting(f"Job {index}"), encoding="utf-8")
    if len(list(content.glob("*.md"))) < 2:
        pytest.skip("this file system folds these names into one file")
    errors = [p for p in check_site(content, NOW) if "same web address" in p.message]
    assert len(errors) == 1 and all(name in errors[0].message or errors[0].path.endswith(name)
                                    for name in names), errors

