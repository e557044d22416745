"""Work spread over the machine's cores: parsing postings, rendering pages and the editors'
checks.

Results come back in the order of the inputs, so a parallel build writes exactly the bytes a
single-process build writes. Small batches stay in this process, where starting workers would
cost more than it saves.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import chain, islice
from typing import Any, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")
SMALL = 200
CHUNK = 32
BATCH = 1024


def default_jobs() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def ordered_map(work: Callable[[In], Out], items: Iterable[In], jobs: int,
                initializer: Callable[..., None] | None = None,
                initargs: tuple[Any, ...] = (), fresh: bool = False,
                weight: Callable[[In], int] = lambda _: 1) -> Iterator[Out]:
    """`work` over every item, in input order, on up to `jobs` processes; items are taken and
    sent in batches, the next sent before the results of the last are taken, so workers never
    wait for this process and memory holds two batches of items and results at a time. Each
    batch goes out in chunks of at most CHUNK in weight (`weight`: one each, unless told), so
    what is pickled at once stays small however big the site's listings grow. `fresh`
    workers start from a small server process instead of being forks of this one, which by
    then may hold the whole site. The process machinery is imported only when workers start:
    `new`, the preview and a small site's `check` never start any. The work stays in this
    process when its first SMALL items weigh less than SMALL in all."""
    stream = iter(items)
    head = list(islice(stream, SMALL))
    if jobs <= 1 or sum(map(weight, head)) < SMALL:
        if initializer is not None:
            initializer(*initargs)
        yield from map(work, chain(head, stream))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    context = multiprocessing.get_context("forkserver" if fresh else "fork")
    if fresh:
        context.set_forkserver_preload([work.__module__])
    with ProcessPoolExecutor(max_workers=jobs, initializer=started,
                             initargs=(initializer, initargs), mp_context=context) as pool:
        try:
            ahead: Iterator[list[Out]] = iter(())
            for batch in batched(chain(head, stream), BATCH):
                sent = pool.map(partial(each, work), batched(batch, CHUNK, weight))
                for results in ahead:
                    yield from results
                ahead = sent
            for results in ahead:
                yield from results
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def started(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    """A worker's start: the cycle collector on (a fork inherits the build's pause, and a
    worker is not a build), then the caller's set-up."""
    gc.enable()
    if initializer is not None:
        initializer(*initargs)


def batched(items: Iterable[In], size: int,
            weight: Callable[[In], int] = lambda _: 1) -> Iterator[list[In]]:
    """Items in lists weighing at most `size` (an item that weighs more on its own), to bound
    what is held or pickled at once."""
    batch: list[In] = []
    weighs = 0
    for item in items:
        heavy = weight(item)
        if batch and weighs + heavy > size:
            yield batch
            batch, weighs = [], 0
        batch.append(item)
        weighs += heavy
        if weighs >= size:
            yield batch
            batch, weighs = [], 0
    if batch:
        yield batch


def each(work: Callable[[In], Out], items: list[In]) -> list[Out]:
    """`work` over one chunk of items, in a worker."""
    return [work(item) for item in items]
