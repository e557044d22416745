"""Problems found in content: values, collected and reported together, never raised one by one.

The error tree::

    Problem                 a value: path, line, message, severity ("error" or "warning")
    ContentErrors           raised only at the edge (build/check) to carry every Problem at once
    UsageError              a bad command line; exit status 2
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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

    exit_code = 1

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} content error(s)")


class UsageError(Exception):
    """The command line is wrong."""

    exit_code = 2
