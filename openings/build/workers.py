"""What a build's worker processes do: render each posting's pages, its body read back from
the store it waited in, and the listing pages; every file comes back in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import Environment

from ..content.posting_fields import load_posting
from ..digests import digest
from ..errors import OutputError
from ..pages.page import FeedPage, Listing, Page, card_at
from ..pages.plan import Unit
from .bodies import Place, read_body
from .pool import ordered_map
from .publish import Written, write_rendered
from .render import Assets, make_environment, render_page

Files = list[tuple[str, bytes]]


@dataclass(frozen=True)
class Job:
    """What to render (a posting's unit, or a listing page), where a unit's body waits (None:
    read the file again), and the digests the staging tree holds at its paths (from the site
    before last), so unchanged files are not rewritten."""

    work: Unit | Page
    place: Place | None = None
    had: tuple[tuple[str, str], ...] = ()


@dataclass
class Worker:
    """A worker process's own state, made once: its templates, where the bodies wait, the
    staging tree it writes into and the folders it made there."""

    env: Environment
    bodies: Path | None
    root: Path
    made: set[Path]


WORKER: dict[str, Worker] = {}


def start_worker(layouts: Path, assets: Assets, compiled: Path | None, bodies: Path | None,
                 root: Path) -> None:
    """Set up a worker process."""
    WORKER["self"] = Worker(make_environment(layouts, assets, compiled), bodies, root, set())


def body_of(unit: Unit, place: Place | None) -> str:
    """The HTML body of a unit's posting: from the store, or from its file when the build did
    not read it (unchanged since the last build), refused if it changed meanwhile."""
    bodies, posting = WORKER["self"].bodies, unit.view.posting
    if place is not None and bodies is not None:
        return read_body(bodies, place)
    path = Path(posting.source)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise OutputError(f"{posting.source}: cannot read the file again to publish its page "
                          f"({err.strerror}); build again") from err
    full = load_posting(path, data, unit.site)[0]
    if full is None or digest(full.body_html) != posting.body_digest:
        raise OutputError(f"{posting.source}: the file changed while the site was being built; "
                          "build again")
    return full.body_html


def with_body(unit: Unit, html: str) -> Unit:
    """A unit whose posting has its body again."""
    view = unit.view
    return replace(unit, view=replace(view, posting=replace(view.posting, body_html=html)))


def rendered(job: Job, env: Environment) -> Files:
    """The files of a unit's pages, or of one listing page."""
    unit = job.work
    if isinstance(unit, Page):
        return [(unit.path, render_page(env, unit))]
    if unit.view.posting.body_digest:
        unit = with_body(unit, body_of(unit, job.place))
    return [(page.path, render_page(env, page)) for page in unit.pages()]


def render_job(job: Job) -> list[tuple[str, Written]]:
    """Render a job's files and write them into the staging tree; their digests. A listing's
    cards are not remembered past its job: each job's postings arrive as records of their
    own, so a remembered card serves another job only once their records are compared field
    by field, and it keeps its posting alive (a worker that rendered a big site's listings
    held all of them: 450 MiB at 50,000)."""
    worker, had = WORKER["self"], dict(job.had)
    files = [(path, write_rendered(worker.root, path, data, had.get(path), worker.made))
             for path, data in rendered(job, worker.env)]
    if isinstance(job.work, Listing):
        card_at.cache_clear()
    return files


CARDS_PER_UNIT = 20
"""About how many cards cost what one posting's unit costs to render."""


def job_weight(job: Job) -> int:
    """How much rendering a job asks for, in units: a listing adds its cards and a feed its
    entries, so an edit that changes every listing of a big site (an open posting's) renders
    them in workers, not in the main process, which holds the whole site (a small site's stay
    in it), and a chunk of work for a worker holds few of them."""
    work = job.work
    if isinstance(work, Listing):
        return 1 + len(work.shown) // CARDS_PER_UNIT
    return 1 + len(work.entries) // CARDS_PER_UNIT if isinstance(work, FeedPage) else 1


def render_jobs(layouts: Path, assets: Assets, jobs: Iterable[Job], bodies: Path | None,
                root: Path, processes: int,
                compiled: Path | None = None) -> Iterator[tuple[str, Written]]:
    """Every file of these jobs, rendered and written into the staging tree at `root` on up
    to `processes` processes (their templates compiled once into `compiled`, when given);
    their paths and digests in job order."""
    for files in ordered_map(render_job, jobs, processes, start_worker,
                             (layouts, assets, compiled, bodies, root), fresh=True,
                             weight=job_weight):
        yield from files
