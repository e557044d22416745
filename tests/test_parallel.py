"""A build on several processes writes exactly the bytes a single-process build writes."""

from __future__ import annotations

import gc
import os
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from bench.generate import generate
from openings import build_site
from openings.build.gather import gather
from openings.build.pool import CHUNK, SMALL, batched, ordered_map
from openings.build.workers import CARDS_PER_UNIT, Job, job_weight
from openings.pages.page import HomePage
from tests.conftest import LAYOUTS, make_content, posting

NOW = datetime.fromisoformat("2026-11-29T12:00:00-05:00")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of a built site."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_two_processes_build_the_same_bytes_as_one(tmp_path: Path) -> None:
    generate(400, tmp_path / "content")
    build_site(tmp_path / "content", tmp_path / "one", LAYOUTS, NOW, jobs=1, search=False)
    build_site(tmp_path / "content", tmp_path / "two", LAYOUTS, NOW, jobs=2, search=False)
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert len(one) > 800
    assert sorted(one) == sorted(two)
    assert [path for path in one if one[path] != two[path]] == []


def collector_on(_: int) -> bool:
    """Whether this process's cycle collector runs."""
    return gc.isenabled()


def test_workers_collect_cycles_though_the_build_paused_its_collector() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        assert set(ordered_map(collector_on, range(SMALL), 2)) == {True}
    finally:
        if was:
            gc.enable()


def process_of(_: int) -> int:
    """Which process did the work."""
    return os.getpid()


def test_a_few_heavy_items_go_to_workers_and_a_few_light_ones_stay_here() -> None:
    """An open posting's edit changes every listing: a hundred pages of cards, which the main
    process (holding the whole site) must not render itself."""
    here = {os.getpid()}
    assert set(ordered_map(process_of, range(3), 2)) == here
    assert set(ordered_map(process_of, range(3), 2, weight=lambda _: SMALL)).isdisjoint(here)


def test_heavy_items_go_to_workers_a_few_at_a_time_and_come_back_in_order() -> None:
    """A big site's listings (thousands of cards each) are pickled for the workers a chunk at
    a time: a chunk weighs at most CHUNK, or holds one item that weighs more on its own."""
    weights = [1, 1, CHUNK + 5, 1, CHUNK - 1, 2, *[1] * 40]
    chunks = list(batched(weights, CHUNK, weight=lambda item: item))
    assert [item for chunk in chunks for item in chunk] == weights
    assert all(sum(chunk) <= CHUNK or len(chunk) == 1 for chunk in chunks)
    assert chunks[:4] == [[1, 1], [CHUNK + 5], [1, CHUNK - 1], [2, *[1] * 30]]
    items = list(range(SMALL + 50))
    done = list(ordered_map(item_and_process, items, 2, weight=lambda n: CHUNK if n % 7 else 1))
    assert [item for item, _ in done] == items
    assert os.getpid() not in {process for _, process in done}


def test_an_error_in_a_worker_reaches_the_build() -> None:
    with pytest.raises(ValueError, match="item 7"):
        list(ordered_map(fail_on_seven, range(SMALL), 2))


def fail_on_seven(item: int) -> int:
    """An item, or an error for the seventh."""
    if item == 7:
        raise ValueError("item 7 is broken")
    return item


def item_and_process(item: int) -> tuple[int, int]:
    """An item, and which process did its work."""
    return item, os.getpid()


def test_a_listing_weighs_its_cards_and_a_unit_weighs_one(tmp_path: Path) -> None:
    """An open posting's edit on a big site renders every listing: in workers, not here."""
    content = make_content(tmp_path, {"a.md": posting("Analyst"), "b.md": posting("Clerk")})
    plan = gather(content, NOW, False)[1]
    home = next(page for page in plan.listings if isinstance(page, HomePage))
    big = replace(home, shown=home.shown * 10 * CARDS_PER_UNIT)
    assert [job_weight(Job(work)) for work in (plan.units[0], home, big)] == [1, 1, 21]
