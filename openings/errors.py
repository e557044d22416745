"""Problems found in content: values, collected and reported together, never raised one by one.

The error tree::

    Problem                 a value: path, line, message, severity ("error" or "warning")
    ContentErrors           raised only at the edge (build/check) to carry every Problem at once
    OutputError             the output folder cannot be written or replaced safely; exit status 2
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at one line, with how to fix it."""

    path: str
    line: int
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        """Render as `PATH:LINE: message`, the form editors and tools read."""
        prefix = "warning: " if self.severity == WARNING else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    """Keep the problems that stop a build."""
    return [p for p in problems if p.severity == ERROR]


class ContentErrors(Exception):
    """The content has errors; carries every one so they are reported in one run."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} content error(s)")


class OutputError(Exception):
    """The output folder cannot be written or replaced safely."""


def display_path(path: Path) -> str:
    """A path as editors should see it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
