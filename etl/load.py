"""`pib load`: validate input files and upsert them into the warehouse in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa

from etl import models
from etl.prefetch import prefetch
from etl.pseudonym import Pseudonymiser, check_key, secret_key
from etl.readers import (
    CSV_SUFFIXES,
    EXCEL_SUFFIXES,
    LINE,
    PROBLEM,
    FileRejected,
    SourceFile,
    open_source,
    sha256_of,
    temp_workdir,
)
from etl.schema import LINEAGE, Entity, entity_for_file
from etl.validate import check_batch, typed_schema
from etl.warehouse import reader, writer

Progress = Callable[[str, int], None]


class LoadRejected(Exception):
    """The load was rejected as a whole; the warehouse is unchanged."""


@dataclass
class FileReport:
    file: str
    entity: str
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    skipped: bool = False
    problems: list[str] = field(default_factory=list)  # first quarantine reasons, for the summary


@dataclass
class LoadReport:
    files: list[FileReport] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def quarantined(self) -> int:
        return sum(f.rows_quarantined for f in self.files)


def expand(paths: Iterable[str | Path], warnings: list[str] | None = None) -> list[Path]:
    """Files as given, folders as their data files in name order. In a folder, what is clearly
    no data file is skipped with a warning: other extensions, hidden and Office lock files
    (`~$referrals.xlsx`), subfolders, and `.txt` files whose name matches no entity (README.txt);
    a `.csv` or `.xlsx` with an unknown name still rejects the load."""
    found: list[Path] = []
    notes = warnings if warnings is not None else []
    given = [Path(p) for p in paths]
    for path in given:
        if path.is_dir():
            try:
                entries = sorted(path.iterdir())
            except OSError as exc:
                raise LoadRejected(f"{path}: de map kan niet gelezen worden "
                                   f"({exc.strerror or exc}).") from exc
            for entry in entries:
                if (why := _not_data(entry)) is None:
                    found.append(entry)
                else:
                    notes.append(f"{entry.name}: overgeslagen, {why}.")
        elif path.exists():
            found.append(path)
        else:
            raise LoadRejected(f"{path}: bestand of map bestaat niet.")
    files = list({p.resolve(): p for p in found}.values())  # each file once, first place
    if not files:
        skipped = " ".join(notes[-5:])
        raise LoadRejected("geen invoerbestanden gevonden in " + ", ".join(map(str, given))
                           + (f". {skipped}" if skipped else "."))
    return files


def _not_data(entry: Path) -> str | None:
    """Why a folder entry is not read, or None when it is a data file."""
    if entry.is_dir():
        return "submappen worden niet gelezen"
    if entry.name.startswith((".", "~$")):
        return "verborgen of tijdelijk bestand"
    suffix = entry.suffix.lower()
    if suffix not in CSV_SUFFIXES + EXCEL_SUFFIXES:
        return "geen gegevensbestand (.csv, .tsv, .txt of .xlsx)"
    if suffix == ".txt" and entity_for_file(entry.name) is None:
        return "tekstbestand dat bij geen gegevenssoort hoort"
    return None


def _loaded_hashes(db: str | Path | None) -> set[str]:
    with reader(db) as con:
        rows = con.execute("select sha256 from load_log where outcome = 'ok'").fetchall()
    return {r[0] for r in rows}


def load(
    paths: Iterable[str | Path], db: str | Path | None = None, strict: bool = False,
    progress: Progress | None = None, batch_size: int = 250_000, source: str | None = None,
) -> LoadReport:
    """Validate and load files; raise LoadRejected (warehouse untouched) on a file-level problem
    or, with `strict`, on any quarantined row. `source` sends every file to that importer;
    without it a CBS 85701NED export is recognised by its header and a DUO school list
    (`etl.duo`) by the `scholen.geo.json` in its zip."""
    from etl import cbs, duo  # etl.cbs and etl.duo build on this module

    if source not in (None, cbs.SOURCE, duo.SOURCE):
        raise ValueError(f"Onbekende bron '{source}'.")
    report = LoadReport()
    files = expand(paths, report.warnings)
    done = _loaded_hashes(db)
    exports = [p for p in files
               if source == cbs.SOURCE or (source is None and cbs.is_cbs_85701(p))]
    school_lists = [p for p in files
                    if source == duo.SOURCE or (source is None and duo.is_duo_schools(p))]
    with temp_workdir() as work:
        try:
            canonical = [p for p in files if p not in exports and p not in school_lists]
            pool = ThreadPoolExecutor(2)  # two files scanned at a time, one per core
            try:
                sources = list(pool.map(partial(open_source, workdir=Path(work)), canonical))
            finally:
                pool.shutdown(cancel_futures=True)
            school_keys = [(p, duo.load_key(p)) for p in school_lists]
        except FileRejected as exc:
            raise LoadRejected(str(exc)) from exc
        todo = []
        for src in sources:
            report.warnings += src.warnings
            if src.sha256 in done:
                report.files.append(FileReport(src.path.name, src.entity.name, skipped=True))
            else:
                todo.append(src)
        todo_exports = []
        for path in exports:
            if (sha256 := sha256_of(path)) in done:
                report.files.append(FileReport(path.name, cbs.ENTITY, skipped=True))
            else:
                todo_exports.append((path, sha256))
        todo_schools = []
        for path, key in school_keys:
            if key in done:
                report.files.append(FileReport(path.name, duo.ENTITY, skipped=True))
            else:
                todo_schools.append((path, key))
        if not todo and not todo_exports and not todo_schools:
            return report
        pseudonymiser = Pseudonymiser(secret_key(db))
        try:
            with writer(db) as con:
                check_key(con, pseudonymiser)  # a load under another key is refused
                for src in todo:
                    known = len(src.warnings)
                    report.files.append(
                        _load_file(con, src, pseudonymiser, progress, batch_size, Path(work))
                    )
                    report.warnings += src.warnings[known:]
                for path, sha256 in todo_exports:
                    report.files.append(cbs_report := cbs.import_export(con, path, sha256))
                    report.warnings += cbs_report.warnings
                for path, key in todo_schools:
                    report.files.append(duo_report := duo.import_schools(con, path, key))
                    report.warnings += duo_report.warnings
                models.build(con, {src.entity.name for src in todo})
                if strict and report.quarantined:
                    raise LoadRejected(
                        f"--strict: {report.quarantined} rij(en) afgekeurd; er is niets geladen. "
                        + " ".join(p for f in report.files for p in f.problems[:3])
                    )
        except FileRejected as exc:
            raise LoadRejected(str(exc)) from exc
        finally:
            pseudonymiser.close()
    return report


def _load_file(
    con: duckdb.DuckDBPyConnection, src: SourceFile, pseudonymiser: Pseudonymiser,
    progress: Progress | None, batch_size: int, work: Path,
) -> FileReport:
    """Insert the valid rows straight into the entity table under a new load id, in one insert
    that pseudonymises the pupil ids and is fed by a stream of batches that a background thread
    reads and checks (DuckDB writes one bulk insert far faster than many small ones); then
    quarantine the rows with a repeated key and delete the older rows the new ones replace."""
    entity = src.entity
    rep = FileReport(src.path.name, entity.name)
    load_id = next_load_id(con)
    started = datetime.now()
    had_rows = con.execute(f"select count(*) > 0 from {entity.name}").fetchone()[0]
    spool = _Spool(work / f"quarantine-{load_id}", load_id, src)
    hide = partial(_pseudonymise, pseudonymiser, entity)
    schema = typed_schema(entity).to_arrow().schema

    def check(raw: pl.DataFrame) -> tuple[int, pl.DataFrame]:
        checked = check_batch(entity, _note_shifted(raw, entity), hide)
        spool.add(checked.rejected, rep)
        return raw.height, checked.valid.select(schema.names)

    def stream() -> Iterator[pa.RecordBatch]:
        for rows, valid in prefetch(src.batches(batch_size), check):
            rep.rows_read += rows
            if progress:
                progress(src.path.name, rows)
            yield from valid.to_arrow().cast(schema).to_batches()

    errors: list[Exception] = []
    batches = _noting_errors(stream(), errors)
    valid = pa.RecordBatchReader.from_batches(schema, batches)  # noqa: F841 — read by DuckDB
    values = ", ".join(pseudonymiser.sql(c.name) if c.pseudonymised else c.name
                       for c in entity.columns)
    params = {"load_id": load_id}
    if any(c.pseudonymised for c in entity.columns):
        params.update(pseudonymiser.params)
    try:
        con.execute(f"insert into {entity.name} ({', '.join(entity.column_names)}, "
                    f"{', '.join(c.name for c in LINEAGE)}) "
                    f"select {values}, $load_id, {LINE} from valid", params)
    except duckdb.Error:
        if errors:  # raised while reading or checking the file, re-raised by DuckDB as its own
            raise errors[0] from None
        raise
    finally:
        batches.close()
    spool.store(con)
    if src.blank_rows:
        src.warnings.append(f"{src.path.name}: {src.blank_rows} lege regel(s) overgeslagen.")
    _quarantine_duplicate_keys(con, load_id, src, rep)
    if had_rows:
        keys = " and ".join(f"t.{k} = s.{k}" for k in entity.key)
        con.execute(f"delete from {entity.name} t using (select {', '.join(entity.key)} from "
                    f"{entity.name} where load_id = $load_id) s "
                    f"where t.load_id <> $load_id and {keys}", {"load_id": load_id})
    rep.rows_loaded = con.execute(f"select count(*) from {entity.name} where load_id = ?",
                                  [load_id]).fetchone()[0]
    record_load(con, load_id, rep, src.sha256, "canonical", started,
                "; ".join(src.warnings) or None)
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

    def __init__(self, folder: Path, load_id: int, src: SourceFile):
        self.folder, self.load_id, self.src = folder, load_id, src
        self.files: list[str] = []

    def add(self, rejected: pl.DataFrame, rep: FileReport) -> None:
        if rejected.height == 0:
            return
        self.folder.mkdir(exist_ok=True)
        path = self.folder / f"{len(self.files)}.parquet"
        quarantine_rows(self.load_id, self.src.path.name, self.src.entity.name,
                        rejected).write_parquet(path)
        self.files.append(str(path))
        count_quarantined(rep, rejected)

    def store(self, con: duckdb.DuckDBPyConnection) -> None:
        if self.files:
            con.execute("insert into quarantine by name select * from read_parquet(?)",
                        [self.files])


def _hidden(entity: Entity, raw: pl.DataFrame) -> list[str]:
    return [c.name for c in entity.columns if c.pseudonymised and c.name in raw.columns]


def _may_shift_ids(entity: Entity, raw: pl.DataFrame) -> bool:
    """Whether the batch has pupil ids and rows with a wrong number of fields, in which an id
    could have shifted into another column."""
    return (bool(_hidden(entity, raw)) and PROBLEM in raw.columns
            and raw[PROBLEM].null_count() < raw.height)


def _note_shifted(raw: pl.DataFrame, entity: Entity) -> pl.DataFrame:
    """A row with a wrong number of fields is quarantined with every value pseudonymised (see
    `_pseudonymise`); its reason says so."""
    if not _may_shift_ids(entity, raw):
        return raw
    return raw.with_columns(
        pl.col(PROBLEM) + "; alle waarden gepseudonimiseerd, omdat een leerlingnummer in een "
        "andere kolom kan staan"
    )


def _pseudonymise(pseudonymiser: Pseudonymiser, entity: Entity, raw: pl.DataFrame) -> pl.DataFrame:
    """Text rows with pupil ids replaced by pseudonyms, before their raw values are stored in
    quarantine. In a row with a wrong number of fields the values may have shifted, so a pupil
    id could sit in any column: there every value is pseudonymised."""
    hidden = _hidden(entity, raw)
    shifting = _may_shift_ids(entity, raw)
    raw = pseudonymiser.apply(raw, hidden)
    if not shifting:
        return raw
    broken = pl.col(PROBLEM).is_not_null()
    values = [c for c in raw.columns if c not in (LINE, *hidden) and not c.startswith("_")]
    shifted = pseudonymiser.apply(raw.filter(broken), values)
    return pl.concat([raw.filter(~broken), shifted]).sort(LINE)


def next_load_id(con: duckdb.DuckDBPyConnection) -> int:
    """The id of the load being written (one per file)."""
    return con.execute("select coalesce(max(load_id), 0) + 1 from load_log").fetchone()[0]


def record_load(
    con: duckdb.DuckDBPyConnection, load_id: int, rep: FileReport, sha256: str, source: str,
    started: datetime, message: str | None,
) -> None:
    """Write the `load_log` row of one successfully loaded file."""
    con.execute(
        "insert into load_log values ($id, $file, $entity, $sha, $source, $read, $loaded, "
        "$quarantined, $started, $finished, 'ok', $message)",
        {"id": load_id, "file": rep.file, "entity": rep.entity, "sha": sha256, "source": source,
         "read": rep.rows_read, "loaded": rep.rows_loaded, "quarantined": rep.rows_quarantined,
         "started": started, "finished": datetime.now(), "message": message},
    )


def quarantine_rows(
    load_id: int, file_name: str, entity: str, rejected: pl.DataFrame, line_column: str = LINE,
) -> pl.DataFrame:
    """Rejected rows (line, column_name, reason, raw_values) as rows of `quarantine`."""
    return rejected.select(
        pl.lit(load_id).alias("load_id"), pl.lit(file_name).alias("source_file"),
        pl.lit(entity).alias("entity"), pl.col(line_column).alias("line"),
        "column_name", "reason", "raw_values",
    )


def store_quarantine(
    con: duckdb.DuckDBPyConnection, load_id: int, file_name: str, entity: str,
    rejected: pl.DataFrame, line_column: str = LINE,
) -> None:
    """Store rejected rows (line, column_name, reason, raw_values) in `quarantine`."""
    rows = quarantine_rows(load_id, file_name, entity, rejected, line_column)  # noqa: F841
    con.execute("insert into quarantine by name select * from rows")


def count_quarantined(
    rep: FileReport, rejected: pl.DataFrame, line_column: str = LINE, unit: str = "regel"
) -> None:
    """Count rejected rows in the report and keep the first reasons for its summary; `unit`
    names what a line number counts (a GeoJSON source counts features)."""
    rep.rows_quarantined += rejected.height
    first = rejected.select(line_column, "reason").head(5 - len(rep.problems))
    for line, reason in first.iter_rows():
        rep.problems.append(f"{rep.file}, {unit} {line}, {reason}.")


def _quarantine_duplicate_keys(
    con: duckdb.DuckDBPyConnection, load_id: int, src: SourceFile, rep: FileReport
) -> None:
    """Every row of this load whose key occurs more than once in the file is quarantined: which
    one is right cannot be known."""
    table, key = src.entity.name, ", ".join(src.entity.key)
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
    rejected = dup.select(
        pl.col("line").alias(LINE),
        pl.lit(key).alias("column_name"),
        pl.format("{}: sleutel komt meer dan eens voor in het bestand (regels {})",
                  pl.lit(key), "lines").alias("reason"),
        "raw_values",
    )
    store_quarantine(con, load_id, src.path.name, table, rejected)
    count_quarantined(rep, rejected)
    con.execute(f"delete from {table} where load_id = ? and {LINE} in (select line from dup)",
                [load_id])
