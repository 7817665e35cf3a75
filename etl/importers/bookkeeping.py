"""The bookkeeping every importer shares: load ids, `load_log` rows, quarantine, skip-if-loaded.

`load_log` has one row per imported file (`outcome` 'ok'; a rejected load writes nothing), whose
`sha256` is the importer's key of the file: a file whose key is there is skipped. `quarantine`
holds each rejected row with its line (or feature number), column, Dutch reason and raw values
as JSON.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from etl.importers.base import FileReport
from etl.readers import LINE
from etl.warehouse import reader

MAX_PROBLEMS = 5  # quarantine reasons kept per file for the load summary


def loaded_keys(db: str | Path | None) -> set[str]:
    """The keys of every file loaded into the warehouse before."""
    with reader(db) as con:
        rows = con.execute("select sha256 from load_log where outcome = 'ok'").fetchall()
    return {r[0] for r in rows}


def next_load_id(con: duckdb.DuckDBPyConnection) -> int:
    """The id of the load being written (one per file)."""
    return con.execute("select coalesce(max(load_id), 0) + 1 from load_log").fetchone()[0]


class Entry:
    """The `load_log` entry of one file being imported: its load id and start, the quarantine
    of its rows, and the row written by `finish`."""

    def __init__(self, con: duckdb.DuckDBPyConnection, rep: FileReport, source: str, key: str):
        self.con, self.rep, self.source, self.key = con, rep, source, key
        self.started = datetime.now()
        self.load_id = next_load_id(con)

    def rows(self, rejected: pl.DataFrame, line_column: str = LINE) -> pl.DataFrame:
        """Rejected rows (line, column_name, reason, raw_values) as rows of `quarantine`."""
        return rejected.select(
            pl.lit(self.load_id).alias("load_id"), pl.lit(self.rep.file).alias("source_file"),
            pl.lit(self.rep.entity).alias("entity"), pl.col(line_column).alias("line"),
            "column_name", "reason", "raw_values",
        )

    def count(self, rejected: pl.DataFrame, line_column: str = LINE, unit: str = "regel"
              ) -> None:
        """Count rejected rows in the report and keep the first reasons for its summary;
        `unit` names what a line number counts (a GeoJSON source counts features)."""
        rep = self.rep
        rep.rows_quarantined += rejected.height
        first = rejected.select(line_column, "reason").head(MAX_PROBLEMS - len(rep.problems))
        for line, reason in first.iter_rows():
            rep.problems.append(f"{rep.file}, {unit} {line}, {reason}.")

    def quarantine(self, rejected: pl.DataFrame, line_column: str = LINE, unit: str = "regel"
                   ) -> None:
        """Store and count rejected rows (line, column_name, reason, raw_values)."""
        rows = self.rows(rejected, line_column)  # noqa: F841 — read by DuckDB by name
        self.con.execute("insert into quarantine by name select * from rows")
        self.count(rejected, line_column, unit)

    def finish(self, message: str | None) -> None:
        """Write the `load_log` row of the file, now loaded."""
        rep = self.rep
        self.con.execute(
            "insert into load_log values ($id, $file, $entity, $sha, $source, $read, $loaded, "
            "$quarantined, $started, $finished, 'ok', $message)",
            {"id": self.load_id, "file": rep.file, "entity": rep.entity, "sha": self.key,
             "source": self.source, "read": rep.rows_read, "loaded": rep.rows_loaded,
             "quarantined": rep.rows_quarantined, "started": self.started,
             "finished": datetime.now(), "message": message},
        )
