"""Problems written for people (text, coloured on a terminal), for tools (JSON) and for GitHub
Actions (annotations on the changed lines)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from ..errors import ERROR, WARNING, Problem

RULE = re.compile(r" \[([a-z0-9-]+)\]$")
RED, YELLOW, BOLD, RESET = "\033[31m", "\033[33m", "\033[1m", "\033[0m"


def ordered(problems: Iterable[Problem]) -> list[Problem]:
    """Problems grouped by file, in line order."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.severity, p.message))


def counts(problems: list[Problem]) -> str:
    """`2 errors and 1 warning in 2 files.`"""
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    return (f"{errors} error{'s' * (errors != 1)} and {warnings} warning"
            f"{'s' * (warnings != 1)} in {files} file{'s' * (files != 1)}.")


def as_text(problems: Iterable[Problem], colour: bool = False) -> str:
    """One `PATH:LINE: message` a line, grouped by file, then the counts."""
    found = ordered(problems)
    if not found:
        return ""
    lines = []
    for problem in found:
        if colour:
            tint = YELLOW if problem.severity == WARNING else RED
            lines.append(f"{BOLD}{problem.path}:{problem.line}:{RESET} {tint}"
                         f"{str(problem).split(': ', 1)[1]}{RESET}")
        else:
            lines.append(str(problem))
    return "\n".join([*lines, counts(found)]) + "\n"


def rule_of(problem: Problem) -> str | None:
    """The posting rule a problem comes from, if any (`[pay-range]`)."""
    match = RULE.search(problem.message)
    return match.group(1) if match else None


def as_json(problems: Iterable[Problem]) -> str:
    """A JSON document of every problem, for tools."""
    found = ordered(problems)
    return json.dumps({
        "errors": sum(p.severity == ERROR for p in found),
        "warnings": sum(p.severity == WARNING for p in found),
        "problems": [{"path": p.path, "line": p.line, "severity": p.severity,
                      "rule": rule_of(p), "message": p.message} for p in found],
    }, ensure_ascii=False, indent=2) + "\n"


def escape_data(text: str) -> str:
    """GitHub's escaping of an annotation's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """GitHub's escaping of an annotation's properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Iterable[Problem]) -> str:
    """`::error file=…,line=…::message` workflow commands, one a problem."""
    lines = []
    for problem in ordered(problems):
        title = f",title={escape_property(rule_of(problem) or 'Openings')}"
        lines.append(f"::{problem.severity} file={escape_property(problem.path)},"
                     f"line={problem.line}{title}::{escape_data(problem.message)}")
    return "".join(line + "\n" for line in lines)
