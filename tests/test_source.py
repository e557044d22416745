"""Reading raw files: front-matter fences, encodings, line ends and unsafe YAML."""

from __future__ import annotations

import time

from openings.content.source import read_source

VALID = b"---\ntitle: A\n---\nBody\n"


def first_problem(data: bytes) -> tuple[int, str]:
    """The line and message of the first problem in a file."""
    source, problems = read_source("job.md", data)
    assert source is None
    return problems[0].line, problems[0].message


def test_a_file_without_front_matter_says_how_to_start_one() -> None:
    line, message = first_problem(b"# Just a heading\n")
    assert line == 1 and "must start with a line `---`" in message


def test_front_matter_that_is_never_closed_is_an_error() -> None:
    line, message = first_problem(b"---\ntitle: A\nbody text\n")
    assert line == 1 and "not closed" in message


def test_a_file_that_is_not_utf8_names_the_line_of_the_bad_byte() -> None:
    line, message = first_problem(b"---\ntitle: A\nlocation: Montr\xe9al\n---\n")
    assert line == 3 and "not UTF-8" in message


def test_bom_and_windows_or_old_mac_line_ends_are_read_with_the_right_lines() -> None:
    for data in (b"\xef\xbb\xbf" + VALID, VALID.replace(b"\n", b"\r\n"),
                 VALID.replace(b"\n", b"\r")):
        source, problems = read_source("job.md", data)
        assert problems == [] and source is not None
        assert source.body.strip() == "Body" and source.body_line == 4


def test_a_yaml_syntax_error_names_its_line() -> None:
    line, message = first_problem(b"---\ntitle: A\nsalary:\n  min: 1\n   max: 2\n---\n")
    assert line == 5 and message.startswith("YAML syntax")


def test_aliases_are_refused_so_billion_laughs_cannot_expand() -> None:
    lol = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)) + "---\n"
    started = time.perf_counter()
    line, message = first_problem(lol.encode())
    assert time.perf_counter() - started < 1
    assert line == 3 and "aliases" in message


def test_python_object_tags_never_construct_anything() -> None:
    data = b"---\ntitle: !!python/object/apply:os.system [echo pwned]\n---\n"
    line, message = first_problem(data)
    assert line == 2 and "tag:yaml.org,2002:python/object/apply:os.system" in message


def test_front_matter_that_is_a_list_is_refused() -> None:
    line, message = first_problem(b"---\n- a\n- b\n---\n")
    assert line == 2 and "must be fields" in message


def test_the_front_matter_ends_at_its_first_closing_fence_keeping_later_rules_in_the_body() -> None:
    source, problems = read_source("job.md", b"--- \ntitle: A\n...\t\nBody\n\n---\n\nMore\n")
    assert problems == [] and source is not None
    assert source.body == "Body\n\n---\n\nMore\n" and source.body_line == 4


def test_a_first_line_that_is_not_exactly_three_hyphens_is_no_front_matter() -> None:
    for data in (b"----\ntitle: A\n---\n", b"...\ntitle: A\n---\n", b"\n---\ntitle: A\n---\n"):
        line, message = first_problem(data)
        assert line == 1 and "must start with a line `---`" in message


def test_an_empty_front_matter_is_refused_at_the_opening_fence() -> None:
    line, message = first_problem(b"---\n---\nBody\n")
    assert line == 1 and "must be fields" in message
