"""`pib load`: validate input files and upsert them into the warehouse in one transaction.

Each file goes to an importer of `etl.importers` (canonical files, CBS 85701NED, DUO school
list): all are opened and keyed first, files loaded before are skipped, the rest are imported
in ONE writer transaction that also rebuilds the model tables (`etl.models`).
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from etl import models
from etl.importers import FileReport, Importer, Opened, Progress, Run, importer_for, recognise
from etl.importers.bookkeeping import loaded_keys
from etl.pseudonym import Pseudonymiser, check_key, secret_key
from etl.readers import CSV_SUFFIXES, EXCEL_SUFFIXES, FileRejected, temp_workdir
from etl.schema import ENTITIES, Entity, entity_for_file
from etl.warehouse import writer


class LoadRejected(Exception):
    """The load was rejected as a whole; the warehouse is unchanged."""


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


def load(
    paths: Iterable[str | Path], db: str | Path | None = None, strict: bool = False,
    progress: Progress | None = None, batch_size: int = 250_000, source: str | None = None,
    entity: str | None = None, key: bytes | None = None,
) -> LoadReport:
    """Validate and load files; raise LoadRejected (warehouse untouched) on a file-level problem
    or, with `strict`, on any quarantined row. `source` sends every file to that importer
    (`etl.importers.IMPORTERS` or a source profile, ValueError when unknown); without it each
    file goes to the first importer that recognises it. `entity` names the canonical entity of
    a file whose name and header do not say it (`pib load --entity`; ValueError when unknown).
    A file whose key is in `load_log` is skipped. `key` is the pseudonymisation key (default:
    the warehouse's, `etl.pseudonym.secret_key`)."""
    fixed = None if source is None else importer_for(source)
    if entity is not None and entity not in ENTITIES:
        raise ValueError(f"Onbekende soort '{entity}'; bekend zijn: {', '.join(ENTITIES)}.")
    named = ENTITIES[entity] if entity is not None else None
    report = LoadReport()
    files = expand(paths, report.warnings)
    done = loaded_keys(db)
    with temp_workdir() as work:
        todo = []
        for importer, opened in _open_all(files, fixed, Path(work), named):
            report.warnings += opened.warnings
            if opened.key in done:
                report.files.append(FileReport(opened.path.name, opened.entity, skipped=True))
            else:
                todo.append((importer, opened))
        if not todo:
            return report
        run = Run(Pseudonymiser(key or secret_key(db)), Path(work), batch_size, progress)
        try:
            with writer(db) as con:
                check_key(con, run.pseudonymiser)  # a load under another key is refused
                for importer, opened in todo:
                    report.files.append(done_file := importer.import_(con, opened, run))
                    report.warnings += done_file.warnings
                models.build(con, {opened.entity for _, opened in todo})
                if strict and report.quarantined:
                    raise LoadRejected(
                        f"--strict: {report.quarantined} rij(en) afgekeurd; er is niets geladen. "
                        + " ".join(p for f in report.files for p in f.problems[:3])
                    )
        except FileRejected as exc:
            raise LoadRejected(str(exc)) from exc
    return report


def _open_all(files: list[Path], fixed: Importer | None, work: Path, entity: Entity | None
              ) -> list[tuple[Importer, Opened]]:
    """Each file opened by its importer (`fixed`, else the one that recognises it), two files
    at a time, one per core; LoadRejected on the first file that cannot be imported."""

    def open_one(path: Path) -> tuple[Importer, Opened]:
        importer = fixed or recognise(path)
        return importer, importer.open(path, work, entity)

    pool = ThreadPoolExecutor(2)
    try:
        return list(pool.map(open_one, files))
    except FileRejected as exc:
        raise LoadRejected(str(exc)) from exc
    finally:
        pool.shutdown(cancel_futures=True)


def dry_run(paths: Iterable[str | Path], source: str | None = None,
            entity: str | None = None) -> LoadReport:
    """What `load` would do with these files: the same recognition, translation and checks,
    into a throwaway warehouse under a throwaway key in a private temporary folder, so nothing
    that stays is written (`pib profile check`). Raises what `load` raises."""
    with tempfile.TemporaryDirectory(prefix="pib-check-") as tmp:
        return load(paths, db=Path(tmp) / "check.duckdb", source=source, entity=entity,
                    key=secrets.token_hex(32).encode("ascii"))
