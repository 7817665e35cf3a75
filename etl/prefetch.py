"""Work ahead in background threads, so that Polars (reading and checking the next batches)
and DuckDB (inserting this one) run at the same time; both release the GIL while they compute.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
_DONE = object()


def prefetch(items: Iterable[T], work: Callable[[T], R] | None = None) -> Iterator[R]:
    """`work(item)` (default: the item itself) for each item, in order, computed one item
    ahead in a thread; iterating `items` runs in that thread too, so two prefetches in a row
    make a pipeline of two threads. An exception in the thread is raised here; closing the
    iterator stops the thread and closes `items` (so a pipeline stops from its end)."""
    results: queue.Queue = queue.Queue(maxsize=1)
    stop = threading.Event()

    def put(value: object) -> bool:
        while not stop.is_set():
            try:
                results.put(value, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((item if work is None else work(item), None)):
                    return
        except BaseException as exc:  # handed to the consumer, raised there
            put((None, exc))
            return
        finally:
            if close := getattr(items, "close", None):
                close()
        put((_DONE, None))

    thread = threading.Thread(target=produce, name="pib-prefetch", daemon=True)
    thread.start()
    try:
        while True:
            value, error = results.get()
            if error is not None:
                raise error
            if value is _DONE:
                return
            yield value
    finally:
        stop.set()
        thread.join()
