#!/usr/bin/env python3
"""Openings command line: parse arguments, call the engine, print errors, exit 0, 1 or 2.

Each command imports the part of the engine it runs, so `--help` and `new` start at once and
`check` loads no templates."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from openings.editors.report import as_github, as_json, as_text
from openings.errors import ERROR, ContentErrors, OutputError, Problem

if TYPE_CHECKING:
    from openings.build.engine import BuildReport

LAYOUTS = Path(__file__).resolve().parent / "layouts"
HELD: list[object] = []
"""The last build's report, which holds its records: kept until the process leaves (`leave`),
which never frees them one at a time."""


class Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a one-line reason, as SPEC §4 asks."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Report a usage error and exit 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def instant(text: str) -> datetime:
    """An ISO 8601 instant with its offset, for --now."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        value = None
    if value is None or value.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an instant with an offset, e.g. 2026-12-04T17:00:00-05:00")
    return value.astimezone(UTC)


def base_url(text: str) -> str:
    """A site address for --base-url."""
    if not text.startswith(("https://", "http://")):
        raise argparse.ArgumentTypeError(f"{text!r} must start with https:// or http://")
    return text.rstrip("/") + "/"


def make_parser() -> Parser:
    """The command line of SPEC §4."""
    parser = Parser(prog="build.py", description="Build a careers site from job postings.")
    commands = parser.add_subparsers(dest="command", parser_class=Parser)
    build = commands.add_parser("build", help="build the site (the default)")
    check = commands.add_parser("check", help="check the content; writes nothing")
    for sub in (build, check):
        sub.add_argument("--content", type=Path, default=Path("content"), help="postings folder")
        sub.add_argument("--now", type=instant, help="build as of this instant (ISO 8601)")
        sub.add_argument("--drafts", action="store_true", help="include draft postings")
        sub.add_argument("--jobs", type=int, default=None,
                         help="processes to share the work among (default: one per core)")
    check.add_argument("--a11y", action="store_true",
                       help="also check accessibility: the postings' Markdown and every page")
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="text for people, json for tools, github for workflow annotations")
    build.add_argument("--out", type=Path, default=Path("site"), help="output folder")
    build.add_argument("--base-url", type=base_url, help="override site.yml's base_url")
    build.add_argument("--no-cache", action="store_true",
                       help="ignore the build cache (.cache/openings/ beside the output)")
    serve = commands.add_parser("serve", help="live-reloading preview for editors")
    serve.add_argument("--content", type=Path, default=Path("content"))
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--now", type=instant, help="preview as of this instant")
    new = commands.add_parser("new", help="start a new posting with every field")
    new.add_argument("title")
    new.add_argument("--lang", default=None, help="language of the posting (default: site's)")
    new.add_argument("--content", type=Path, default=Path("content"))
    new.add_argument("--now", type=instant, help=argparse.SUPPRESS)
    return parser


def report_problems(problems: list[Problem]) -> None:
    """Every problem on standard error, grouped by file, coloured on a terminal, then counts."""
    colour = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    sys.stderr.write(as_text(problems, colour))


def summary(report: BuildReport, out: Path) -> str:
    """One line that tells an editor what was published."""
    counts = ", ".join(f"{n} {status}" for status, n in report.statuses.items())
    seconds = sum(report.seconds.values())
    return f"Built {report.pages} files into {out}/ ({counts}) in {seconds:.2f} s."


def run_build(args: argparse.Namespace, now: datetime) -> int:
    """The build command."""
    from openings.build.engine import build_site
    report = build_site(args.content, args.out, LAYOUTS, now, args.drafts, args.base_url,
                        jobs=args.jobs, cache=not args.no_cache)
    HELD[:] = [report]
    report_problems(list(report.warnings))
    print(summary(report, args.out))
    return 0


def accessibility_problems(args: argparse.Namespace, now: datetime, jobs: int) -> list[Problem]:
    """Accessibility problems of the postings' Markdown and of every page, built in memory."""
    from accessibility.html import check_pages
    from accessibility.markdown import check_content
    from openings.build.engine import render_site
    return check_content(args.content, jobs) + check_pages(
        render_site(args.content, LAYOUTS, now, args.drafts, jobs), jobs)


def run_check(args: argparse.Namespace, now: datetime) -> int:
    """The check command: content errors, posting rules, plain-language hints (and --a11y),
    on one process per core unless told."""
    from accessibility.readability import check_readability
    from openings.build.gather import inspect_site
    from openings.build.pool import default_jobs
    jobs = args.jobs or default_jobs()
    content, problems = inspect_site(args.content, now, args.drafts, jobs)
    if content is not None:
        problems += check_readability(content.postings, content.site, jobs)
    if args.a11y and not any(p.severity == ERROR for p in problems):
        problems += accessibility_problems(args, now, jobs)
    failed = any(p.severity == ERROR for p in problems)
    if args.format == "json":
        sys.stdout.write(as_json(problems))
    elif args.format == "github":
        sys.stdout.write(as_github(problems))
    else:
        report_problems(problems)
        print("Some problems need fixing before anything is published." if failed else
              "No errors: the content is ready to publish.")
    return 1 if failed else 0


def run_new(args: argparse.Namespace, now: datetime) -> int:
    """The new command."""
    from openings.content.load import load_settings
    from openings.content.placeholders import words
    from openings.editors.scaffold import create_posting
    site, problems = load_settings(args.content)
    if site is None:
        report_problems(problems)
        return 1
    lang = args.lang or site.default_lang
    if lang not in site.languages:
        print(f"build.py: error: --lang must be one of {', '.join(site.languages)}",
              file=sys.stderr)
        return 2
    today = now.astimezone(site.zone).date()
    try:
        path = create_posting(args.content, args.title, lang, site, today)
    except FileExistsError as err:
        print(f"build.py: error: {err.filename} already exists; choose another title or edit "
              "that file", file=sys.stderr)
        return 1
    except ValueError as err:
        print(f"build.py: error: {err}", file=sys.stderr)
        return 2
    slug = path.stem
    written = words(lang)
    print(f"Created {path} (web address: jobs/{slug}/). Replace every {written['replace']}, the "
          f"deadline ({written['date']}) and the instructions in the body with the posting's "
          "own facts and words, then run: python build.py check")
    return 0


def run_serve(args: argparse.Namespace, now: datetime | None) -> int:
    """The serve command."""
    from openings.editors.serve import serve
    fixed = now
    serve(args.content, LAYOUTS, lambda: fixed or datetime.now(UTC), args.host, args.port)
    return 0


COMMANDS = ("build", "check", "serve", "new")


def main(argv: list[str]) -> int:
    """Run one command and return its exit status."""
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
        argv = ["build", *argv]
    args = make_parser().parse_args(argv)
    now = args.now or datetime.now(UTC)
    try:
        if args.command == "serve":
            return run_serve(args, args.now)
        runners = {"build": run_build, "check": run_check, "new": run_new}
        return runners[args.command](args, now)
    except ContentErrors as err:
        report_problems(err.problems)
        print("Nothing was published; the previous site is unchanged.", file=sys.stderr)
        return 1
    except OutputError as err:
        print(f"build.py: error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"build.py: error: could not write the site ({err.strerror or err}"
              f"{': ' + str(err.filename) if err.filename else ''}); the previous site is "
              "unchanged", file=sys.stderr)
        return 2


def leave(status: int) -> NoReturn:
    """End the process without freeing what the command built one record at a time (a big
    site's build holds a million): every file is closed by now, so flush what was printed
    and exit."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


if __name__ == "__main__":
    leave(main(sys.argv[1:]))
