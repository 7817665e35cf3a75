"""Work one item ahead in a background thread, so that Polars (checking the next batch) and
DuckDB (inserting this one) run at the same time; both release the GIL while they compute."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
_DONE = object()


def prefetch(items: Iterable[T], work: Callable[[T], R]) -> Iterator[R]:
    """`work(item)` for each item, in order, computed one item ahead in a thread. An exception
    in the thread is raised here; closing the iterator stops the thread."""
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
                if not put((work(item), None)):
                    return
        except BaseException as exc:  # handed to the consumer, raised there
            put((None, exc))
            return
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
