"""Append-only writing of the canonical CSV files, chunk by chunk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

import polars as pl

from etl.schema import ENTITIES

FILES = ("schools", "enrolments", "offers", "referrals", "supports", "outcomes", "out_of_school",
         "cases", "finance")
Progress = Callable[[str, int], None]


class CsvSink:
    """Opens every file with its header; `write` appends a frame of canonical columns."""

    def __init__(self, out: Path, progress: Progress | None = None) -> None:
        self.out = out
        self.progress = progress
        self.rows = dict.fromkeys(FILES, 0)
        self._files: dict[str, IO[bytes]] = {}

    def __enter__(self) -> CsvSink:
        self.out.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            handle = (self.out / f"{name}.csv").open("wb")
            handle.write((",".join(ENTITIES[name].column_names) + "\n").encode())
            self._files[name] = handle
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        for handle in self._files.values():
            handle.close()

    def write(self, name: str, frame: pl.DataFrame) -> None:
        if frame.columns != list(ENTITIES[name].column_names):
            raise AssertionError(f"{name}: columns {frame.columns} are not canonical")
        frame.write_csv(self._files[name], include_header=False, float_precision=2)
        self.rows[name] += frame.height
        if self.progress is not None:
            self.progress(name, frame.height)
