"""The importer interface: what `pib load` asks of every kind of input file.

A load runs in two phases. Outside the writer, every file is `open`ed (in parallel): the
importer checks it as a whole (rejecting it with `FileRejected`, which rejects the load) and
returns an `Opened` with the `key` that `load_log.sha256` keeps, so a file loaded before is
skipped. Then, in ONE writer transaction, `import_` writes each remaining file and returns its
`FileReport`; the load id, the `load_log` row and the quarantine go through
`etl.importers.bookkeeping`.

The three importers (`canonical`, `cbs-85701`, `duo-scholen`) are listed in
`etl.importers.IMPORTERS`. A source profile (CONTRACT section 6) is one more `Importer`: its
`open` turns the export into canonical batches (a `CanonicalFile`) and the canonical `import_`
writes them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.pseudonym import Pseudonymiser
from etl.schema import Entity

Progress = Callable[[str, int], None]  # (file name, rows just read)


@dataclass
class FileReport:
    """What happened to one file: rows read, loaded and quarantined (with the first reasons,
    for the summary), whether it was skipped as loaded before, and the warnings of its
    import."""

    file: str
    entity: str
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    skipped: bool = False
    problems: list[str] = field(default_factory=list)  # first quarantine reasons, for the summary
    warnings: list[str] = field(default_factory=list)  # raised while importing, with file name

    def summary(self) -> str | None:
        """One Dutch sentence on what the import found, for the load summary; None when the
        table row says it all."""
        return None


@dataclass
class Opened:
    """A file checked as a whole and ready to import: the entity (table) it feeds, its
    `load_log` key and the warnings found so far."""

    path: Path
    entity: str
    key: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class Run:
    """What the imports of one load share: the pseudonymiser (whose key sits beside the
    warehouse), the load's temporary work folder, and the batch size and progress callback of
    the canonical reader."""

    pseudonymiser: Pseudonymiser
    workdir: Path
    batch_size: int = 250_000
    progress: Progress | None = None


class Importer(ABC):
    """One kind of input file. `name` is the `--source` name and the `load_log.source` value;
    `description` a short Dutch phrase for the CLI help."""

    name: str
    description: str

    @abstractmethod
    def recognise(self, path: Path) -> bool:
        """Whether the file is of this kind (by name, header or content), without `--source`."""

    @abstractmethod
    def open(self, path: Path, workdir: Path, entity: Entity | None = None) -> Opened:
        """Check the file as a whole and compute its key; FileRejected when it cannot be
        imported. Runs before the writer, in a worker thread. `entity` is the one the user
        named (`pib load --entity`) for a file whose name and header do not say it; an
        importer of one fixed entity ignores it."""

    @abstractmethod
    def import_(self, con: duckdb.DuckDBPyConnection, opened: Opened, run: Run) -> FileReport:
        """Write the file inside the caller's writer transaction, with its `load_log` row and
        quarantine; FileRejected rejects the whole load."""
