"""`python -m accessibility [SITE_DIR ...] [--content DIR]`: print problems, exit 0, 1 or 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from openings.build.pool import default_jobs
from openings.errors import ERROR, Problem

from .html import check_built_site
from .markdown import check_content

DEFAULT_SITE = Path("site")


def folder(text: str) -> Path:
    """An existing folder, for the command line."""
    path = Path(text)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r} is not a folder")
    return path


def make_parser() -> argparse.ArgumentParser:
    """The command line: built site folders, and optionally a content folder."""
    parser = argparse.ArgumentParser(
        prog="python -m accessibility",
        description="Check built pages and postings' Markdown for accessibility problems. "
                    f"With no folder named, checks {DEFAULT_SITE}/ (or only --content DIR).")
    parser.add_argument("sites", nargs="*", type=folder, metavar="SITE_DIR",
                        help="a built site to check")
    parser.add_argument("--content", type=folder, metavar="DIR",
                        help="also check the Markdown of the postings in DIR")
    return parser


def gather(sites: Sequence[Path], content: Path | None) -> list[Problem]:
    """Every problem of the given sites, then of the content's postings."""
    jobs = default_jobs()
    problems = [problem for site in sites for problem in check_built_site(site, jobs)]
    return problems + (check_content(content, jobs) if content else [])


def summary(problems: Sequence[Problem]) -> str:
    """The final count line."""
    errors = sum(1 for p in problems if p.severity == ERROR)
    return f"{errors} error(s), {len(problems) - errors} warning(s)."


def main(argv: Sequence[str] | None = None) -> int:
    """Check, print each problem and the count; 1 if any is an error."""
    parser = make_parser()
    args = parser.parse_args(argv)
    sites = args.sites or ([] if args.content else [DEFAULT_SITE])
    if not all(site.is_dir() for site in sites):
        parser.error(f"{DEFAULT_SITE}/ is not a folder; build the site first, or name one")
    problems = gather(sites, args.content)
    for problem in problems:
        print(problem)
    print(summary(problems))
    return 1 if any(p.severity == ERROR for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
