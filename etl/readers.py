"""Reading input files: encoding, delimiter and header sniffing; CSV and xlsx as string batches.

Everything is read as text; typing happens in validation, so a bad value becomes a quarantined
row, never a crash. CSV files are scanned lazily in batches: memory stays bounded whatever the
size of the file.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from etl.schema import Entity, entity_for_file

LINE = "source_line"
DELIMITERS = (",", ";", "\t")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_SUFFIXES = (".xlsx",)
_CHUNK = 1 << 20


class FileRejected(Exception):
    """A file-level problem: the whole load is rejected."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path.name}: {problem}")
        self.path = path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _decodes_as(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path) -> str:
    """`utf-8` (with or without BOM) or `cp1252`; anything else rejects the file."""
    if _decodes_as(path, "utf-8"):
        return "utf-8"
    if _decodes_as(path, "cp1252"):
        return "cp1252"
    raise FileRejected(path, "de tekenset is geen UTF-8 en geen Windows-1252; sla het bestand "
                             "op als CSV UTF-8.")


def _transcode_to_utf8(path: Path, workdir: Path) -> Path:
    target = workdir / (path.stem + ".utf8.csv")
    with open(path, encoding="cp1252", newline="") as src, open(
        target, "w", encoding="utf-8", newline=""
    ) as dst:
        while chunk := src.read(_CHUNK):
            dst.write(chunk)
    return target


def _first_line(path: Path) -> str:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return fh.readline().rstrip("\r\n")


def detect_delimiter(header: str) -> str:
    """The candidate that occurs most often in the header line, outside quotes."""
    unquoted = "".join(part for i, part in enumerate(header.split('"')) if i % 2 == 0)
    counts = {d: unquoted.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def normalise_name(name: str) -> str:
    return name.strip().lstrip("\ufeff").strip().strip('"').strip().lower()


@dataclass
class SourceFile:
    """An input file recognised as an entity, ready to be read in batches of strings."""

    path: Path
    entity: Entity
    sha256: str
    encoding: str = "utf-8"
    delimiter: str = ","
    columns: dict[str, int] = field(default_factory=dict)  # canonical name -> header position
    warnings: list[str] = field(default_factory=list)
    _readable: Path | None = None

    def batches(self, size: int = 500_000) -> Iterator[pl.DataFrame]:
        """Canonical columns (those present) as strings, plus the source line number."""
        if self.path.suffix.lower() in EXCEL_SUFFIXES:
            yield self._excel_frame()
            return
        lazy = (
            pl.scan_csv(
                self._readable or self.path, separator=self.delimiter, infer_schema=False,
                has_header=True, encoding="utf8", quote_char='"',
            )
            .select(*[pl.nth(pos).alias(name) for name, pos in self.columns.items()])
            .with_row_index(LINE, offset=2)
        )
        try:
            for batch in lazy.collect_batches(chunk_size=size):
                yield batch.with_columns(pl.col(LINE).cast(pl.Int64))
        except pl.exceptions.PolarsError as exc:
            raise FileRejected(
                self.path, f"het bestand is geen geldige CSV ({_short(exc)})."
            ) from exc

    def _excel_frame(self) -> pl.DataFrame:
        frame = _read_excel(self.path)
        return frame.select(
            *[pl.nth(pos).alias(name) for name, pos in self.columns.items()]
        ).with_row_index(LINE, offset=2).with_columns(pl.col(LINE).cast(pl.Int64))


def _short(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0][:300]


def _read_excel(path: Path) -> pl.DataFrame:
    try:
        return pl.read_excel(path, sheet_id=1, infer_schema_length=0, raise_if_empty=False)
    except Exception as exc:
        raise FileRejected(
            path, f"het Excel-bestand kan niet gelezen worden ({_short(exc)})."
        ) from exc


def open_source(path: Path, workdir: Path) -> SourceFile:
    """Recognise, sniff and check the header of one file; raise FileRejected on any problem."""
    entity = entity_for_file(path.name)
    if entity is None:
        raise FileRejected(path, "onbekende bestandsnaam; verwacht schools, enrolments, offers, "
                                 "referrals, supports, outcomes of out_of_school (.csv of .xlsx).")
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES + EXCEL_SUFFIXES:
        raise FileRejected(path, f"bestandstype '{suffix}' wordt niet ondersteund (.csv of .xlsx).")
    if not path.is_file() or path.stat().st_size == 0:
        raise FileRejected(path, "het bestand is leeg.")
    source = SourceFile(path, entity, sha256_of(path))
    if suffix in EXCEL_SUFFIXES:
        header = list(_read_excel(path).columns)
    else:
        source.encoding = detect_encoding(path)
        if source.encoding != "utf-8":
            source._readable = _transcode_to_utf8(path, workdir)
        first = _first_line(source._readable or path)
        if "\0" in first:
            raise FileRejected(path, "het bestand is geen tekstbestand.")
        source.delimiter = detect_delimiter(first)
        header = next(csv.reader([first], delimiter=source.delimiter), [])
    _match_columns(source, header)
    return source


def _match_columns(source: SourceFile, header: list[str]) -> None:
    wanted = set(source.entity.column_names)
    for pos, name in enumerate(header):
        canonical = normalise_name(name)
        if canonical in source.columns:
            raise FileRejected(source.path, f"kolom '{canonical}' staat twee keer in de kop.")
        if canonical in wanted:
            source.columns[canonical] = pos
        elif canonical:
            source.warnings.append(f"{source.path.name}: onbekende kolom '{name.strip()}' "
                                   "genegeerd.")
    missing = [c for c in source.entity.required if c not in source.columns]
    if missing:
        raise FileRejected(source.path, "verplichte kolom ontbreekt: " + ", ".join(missing) + ".")


def temp_workdir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="pib-load-")
