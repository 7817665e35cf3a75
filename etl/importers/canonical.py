"""Importer for canonical files (CONTRACT section 2): `referrals.csv`, `schools_2024.xlsx`, ...

The entity comes from the file name; `etl.readers` checks the file and reads it in batches of
strings, `etl.validate` checks every row. The valid rows go into the entity table in one insert
(pupil ids pseudonymised as the rows are checked); rejected rows go to quarantine. A row's key
replaces the row with that key from an earlier load; a key repeated within the file quarantines
every copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa

from etl.importers.base import FileReport, Importer, Opened, Run
from etl.importers.bookkeeping import Entry
from etl.prefetch import prefetch
from etl.pseudonym import Pseudonymiser
from etl.readers import LINE, PROBLEM, SourceFile, open_source
from etl.schema import LINEAGE, Entity
from etl.validate import check_batch, typed_schema


@dataclass
class CanonicalFile(Opened):
    """An opened canonical file: its reader (whose `warnings` list is `Opened.warnings`); the
    columns besides the entity's pupil ids that carry a pupil id (a source profile's key built
    from a pupil number): pseudonymised with them, in the insert and in quarantine; and the
    columns built from the pupil's pseudonym (`etl.profiles.transform.pupil_keys`): column to
    the separator between the pseudonym and the column's value as read, None for a column that
    is the pupil id itself (pseudonymised in quarantine)."""

    source: SourceFile | None = None
    pupil_derived: tuple[str, ...] = ()
    pupil_keys: dict[str, str | None] = field(default_factory=dict)


class CanonicalImporter(Importer):
    """Canonical files; the importer of every file no other importer recognises."""

    name = "canonical"
    description = "canonieke bestanden, herkend aan de bestandsnaam; de standaard"

    def recognise(self, path: Path) -> bool:
        return True

    def open(self, path: Path, workdir: Path, entity: Entity | None = None) -> CanonicalFile:
        src = open_source(path, workdir, entity=entity)  # keyed by its content hash
        return CanonicalFile(src.path, src.entity.name, src.sha256, src.warnings, src)

    def report(self, opened: CanonicalFile) -> FileReport:
        """The report the import fills in (a subclass may say more in its summary)."""
        return FileReport(opened.path.name, opened.entity)

    def batches(self, opened: CanonicalFile, size: int) -> Iterator[pl.DataFrame]:
        """The file's batches of text rows, read in the thread that checks them (a subclass
        may read further ahead)."""
        assert opened.source is not None
        return opened.source.batches(size)

    def after_insert(self, entry: Entry, opened: CanonicalFile, run: Run) -> None:
        """What a subclass does after the rows are inserted, under the file's load entry (a
        source profile quarantines the rows it could not translate)."""

    def import_(self, con: duckdb.DuckDBPyConnection, opened: Opened, run: Run) -> FileReport:
        """Insert the valid rows straight into the entity table under a new load id, in one
        insert fed by a stream of batches that a background thread reads, checks and
        pseudonymises (DuckDB writes one bulk insert far faster than many small ones); then
        quarantine the rows with a repeated key and delete the older rows the new ones
        replace."""
        assert isinstance(opened, CanonicalFile) and opened.source is not None
        src = opened.source
        known = len(src.warnings)
        entity = src.entity
        rep = self.report(opened)
        had_rows = con.execute(f"select count(*) > 0 from {entity.name}").fetchone()[0]
        entry = Entry(con, rep, self.name, src.sha256)
        spool = _Spool(run.workdir / f"quarantine-{entry.load_id}", entry)
        hidden = _hidden_columns(entity, opened.pupil_derived)
        pupil_keys = opened.pupil_keys
        hide = partial(_pseudonymise, run.pseudonymiser,
                       hidden + tuple(c for c, sep in pupil_keys.items() if sep is None))
        schema = typed_schema(entity).to_arrow(compat_level=pl.CompatLevel.newest()).schema

        key_hashes: list[pl.Series] = []  # of the valid rows, filled by the reading thread

        def check(raw: pl.DataFrame) -> tuple[int, pa.Table]:
            checked = check_batch(entity, _note_shifted(raw, hidden), hide, src.rules)
            spool.add(checked.rejected)
            valid = checked.valid.with_columns(  # the checks trimmed the values
                run.pseudonymiser.expr(c) for c in hidden if c in checked.valid.columns)
            valid = _keyed_by_pupil(valid, pupil_keys).select(schema.names)
            key_hashes.append(_key_hashes(valid, entity))
            table = valid.to_arrow(compat_level=pl.CompatLevel.newest())  # string views: no copy
            return raw.height, table if table.schema == schema else table.cast(schema)

        repeats: list[bool] = []

        def read() -> Iterator[pl.DataFrame]:
            yield from self.batches(opened, run.batch_size)
            # all batches checked: whether a key may repeat is worked out here, in the
            # checking thread, while DuckDB still inserts the last rows
            repeats.append(_may_repeat(key_hashes))

        def stream() -> Iterator[pa.RecordBatch]:
            for rows, valid in prefetch(read(), check):
                rep.rows_read += rows
                if run.progress:
                    run.progress(src.path.name, rows)
                yield from valid.to_batches()

        errors: list[Exception] = []
        batches = _noting_errors(stream(), errors)
        valid = pa.RecordBatchReader.from_batches(schema, batches)  # noqa: F841 — read by DuckDB
        params = {"load_id": entry.load_id}
        try:
            con.execute(f"insert into {entity.name} ({', '.join(entity.column_names)}, "
                        f"{', '.join(c.name for c in LINEAGE)}) "
                        f"select {', '.join(entity.column_names)}, $load_id, {LINE} "
                        "from valid", params)
        except duckdb.Error:
            if errors:  # raised while reading or checking the file, re-raised by DuckDB
                raise errors[0] from None
            raise
        finally:
            batches.close()
        spool.store(con)
        self.after_insert(entry, opened, run)
        if src.blank_rows:
            src.warnings.append(f"{src.path.name}: {src.blank_rows} lege regel(s) overgeslagen.")
        src.warnings += src.rules.notes(src.path.name, any(
            c.kind == "number" and c.name in src.columns for c in entity.columns))
        if repeats[0]:
            _quarantine_duplicate_keys(con, entry, entity)
        if had_rows:
            keys = " and ".join(f"t.{k} = s.{k}" for k in entity.key)
            con.execute(f"delete from {entity.name} t using (select {', '.join(entity.key)} "
                        f"from {entity.name} where load_id = $load_id) s "
                        f"where t.load_id <> $load_id and {keys}", {"load_id": entry.load_id})
        rep.rows_loaded = con.execute(f"select count(*) from {entity.name} where load_id = ?",
                                      [entry.load_id]).fetchone()[0]
        entry.finish("; ".join(src.warnings) or None)
        rep.warnings = src.warnings[known:]
        return rep


def _noting_errors(batches: Iterator[pa.RecordBatch], errors: list[Exception]
                   ) -> Iterator[pa.RecordBatch]:
    """The batches; an exception on the way is also noted in `errors`."""
    try:
        yield from batches
    except Exception as exc:
        errors.append(exc)
        raise


class _Spool:
    """The quarantined rows of one file, kept in Parquet files in the load's work folder while
    the insert of its valid rows runs, so memory stays bounded however many rows fail."""

    def __init__(self, folder: Path, entry: Entry):
        self.folder, self.entry = folder, entry
        self.files: list[str] = []

    def add(self, rejected: pl.DataFrame) -> None:
        if rejected.height == 0:
            return
        self.folder.mkdir(exist_ok=True)
        path = self.folder / f"{len(self.files)}.parquet"
        self.entry.rows(rejected).write_parquet(path)
        self.files.append(str(path))
        self.entry.count(rejected)

    def store(self, con: duckdb.DuckDBPyConnection) -> None:
        if self.files:
            con.execute("insert into quarantine by name select * from read_parquet(?)",
                        [self.files])


def _hidden_columns(entity: Entity, pupil_derived: tuple[str, ...]) -> tuple[str, ...]:
    """The entity's columns that are pseudonymised: its pupil ids and `pupil_derived`."""
    return tuple(c.name for c in entity.columns if c.pseudonymised or c.name in pupil_derived)


def _keyed_by_pupil(valid: pl.DataFrame, pupil_keys: dict[str, str | None]) -> pl.DataFrame:
    """The rows with each of `pupil_keys` built from the pupil's pseudonym (`pupil_id`, already
    pseudonymised): the pseudonym, then the separator and the column's value."""
    return valid.with_columns(  # `+` (null when a part is): a third cheaper than concat_str
        (pl.col("pupil_id") if sep is None
         else pl.col("pupil_id") + pl.lit(sep) + pl.col(column)).alias(column)
        for column, sep in pupil_keys.items())


def _may_shift_ids(hidden: tuple[str, ...], raw: pl.DataFrame) -> bool:
    """Whether the batch has pupil ids and rows with a wrong number of fields, in which an id
    could have shifted into another column."""
    return (any(c in raw.columns for c in hidden) and PROBLEM in raw.columns
            and raw[PROBLEM].null_count() < raw.height)


def _note_shifted(raw: pl.DataFrame, hidden: tuple[str, ...]) -> pl.DataFrame:
    """A row with a wrong number of fields is quarantined with every value pseudonymised (see
    `_pseudonymise`); its reason says so."""
    if not _may_shift_ids(hidden, raw):
        return raw
    return raw.with_columns(
        pl.col(PROBLEM) + "; alle waarden gepseudonimiseerd, omdat een leerlingnummer in een "
        "andere kolom kan staan"
    )


def _pseudonymise(pseudonymiser: Pseudonymiser, hidden: tuple[str, ...], raw: pl.DataFrame
                  ) -> pl.DataFrame:
    """Text rows with the `hidden` columns (pupil ids) replaced by pseudonyms, before their raw
    values are stored in quarantine. In a row with a wrong number of fields the values may have
    shifted, so a pupil id could sit in any column: there every value is pseudonymised."""
    shifting = _may_shift_ids(hidden, raw)
    hidden = tuple(c for c in hidden if c in raw.columns)
    raw = pseudonymiser.apply(raw, list(hidden))
    if not shifting:
        return raw
    broken = pl.col(PROBLEM).is_not_null()
    values = [c for c in raw.columns if c not in (LINE, *hidden) and not c.startswith("_")]
    shifted = pseudonymiser.apply(raw.filter(broken), values)
    return pl.concat([raw.filter(~broken), shifted]).sort(LINE)


def _key_hashes(valid: pl.DataFrame, entity: Entity) -> pl.Series:
    """A 64-bit hash of the key of each valid row as stored: equal keys have equal hashes.
    Keys are text, school years and dates (`etl.schema`), whose SQL equality is the equality
    of the values hashed here; a float key (-0.0 = 0.0) would not be. A key of one column is
    hashed as itself (a struct of one costs four times as much)."""
    key = pl.col(entity.key[0]) if len(entity.key) == 1 else pl.struct(entity.key)
    return valid.select(key.hash()).to_series()


def _may_repeat(key_hashes: list[pl.Series]) -> bool:
    """Whether a key may occur more than once in the file: when all the hashes differ, so do
    all the keys, and the duplicate check in SQL (a hash aggregate over the inserted rows, about
    0.3 s per 800,000) is not needed."""
    hashes = pl.concat(key_hashes) if key_hashes else pl.Series(dtype=pl.UInt64)
    return hashes.n_unique() < hashes.len()


def _quarantine_duplicate_keys(con: duckdb.DuckDBPyConnection, entry: Entry, entity: Entity
                               ) -> None:
    """Every row of this load whose key occurs more than once in the file is quarantined: which
    one is right cannot be known."""
    table, key, load_id = entity.name, ", ".join(entity.key), entry.load_id
    repeated = con.execute(f"select {key} from {table} where load_id = ? group by {key} "
                           "having count(*) > 1 limit 1", [load_id])
    if not repeated.fetchall():  # the common case, answered by one hash aggregate
        return
    dup = con.sql(
        f"""select {LINE} as line,
                   string_agg({LINE}::varchar, ', ' order by {LINE})
                       over (partition by {key}) as lines,
                   to_json(s)::varchar as raw_values
            from (select * exclude (load_id) from {table} where load_id = ?) s
            qualify count(*) over (partition by {key}) > 1
            order by {LINE}""", params=[load_id]
    ).pl()
    entry.quarantine(dup.select(
        pl.col("line").alias(LINE),
        pl.lit(key).alias("column_name"),
        pl.format("{}: sleutel komt meer dan eens voor in het bestand (regels {})",
                  pl.lit(key), "lines").alias("reason"),
        "raw_values",
    ))
    con.execute(f"delete from {table} where load_id = ? and {LINE} in (select line from dup)",
                [load_id])
