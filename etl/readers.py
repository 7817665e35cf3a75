"""Reading input files: encoding, delimiter and header sniffing; CSV and xlsx as string batches.

Everything is read as text; typing happens in validation, so a bad value becomes a quarantined
row, never a crash. A CSV file is read in three steps:

1. `_sniff`: binary signatures (PNG, zip, ...), a UTF-16 BOM (transcoded to a UTF-8 copy), the
   first HEADER_SEARCH_ROWS lines and their line end (`\\n`, or `\\r` for old Mac files). The
   header is the first of them that holds the required columns (`find_header`; title and blank
   rows above it are hashed, not scanned), its delimiter the one it uses most. The header is
   matched before anything else, so a missing column needs no full scan.
2. `_scan`: ONE streaming pass over the bytes (`_Scanner`, vectorised per chunk): content hash,
   UTF-8 validity, NUL bytes, the length of every record (at most MAX_RECORD_BYTES: a longer
   one rejects the file as soon as it is seen, without reading the rest), the placement of
   quotes, and the number of fields and lines of every record. A file that cannot be split
   into records unambiguously is rejected here, naming the line and column.
3. `SourceFile.batches`: Polars' batched scan; what the scan learned (records with too few or
   too many fields, records spanning several lines) travels with the batches, so every row
   keeps its real line number and a row with a wrong number of fields is quarantined.

Line numbers are the row numbers a spreadsheet shows for the same file (CSV and xlsx alike),
rows above the header included. Totals and footer rows (`Totaal`, `Eindtotaal`, `Total`,
`Bron:`) are dropped while reading and tallied in the file's `FileRules`.

Memory stays bounded whatever the size of the file: at most one chunk plus one record.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import fastexcel
import numpy as np
import polars as pl
import pyarrow as pa

from etl.filerules import FileRules
from etl.numbers import decide, evidence
from etl.schema import ENTITIES, Entity, entity_for_file
from etl.settings import get_settings

LINE = "source_line"
# Structural row problems travel with the raw batch in these two columns (see validate).
PROBLEM = "_problem"
PROBLEM_COLUMN = "_problem_column"
DELIMITERS = (",", ";", "\t")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_SUFFIXES = (".xlsx",)
# A workbook is read into memory whole (calamine), some 100 bytes per cell: these limits are
# checked from the zip directory and each sheet's declared dimension before it is read
# (a 3.7 MB file declaring 2,000 x 16,012 cells took more than 3.4 GB).
MAX_XLSX_CELLS = 20_000_000  # e.g. 1,000,000 rows of 20 columns
MAX_XLSX_UNCOMPRESSED = 2_000_000_000  # bytes of XML in the archive, all parts together
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="\$?([A-Z]{1,3})\$?(\d+)'
                        rb'(?::\$?([A-Z]{1,3})\$?(\d+))?"')
MAX_RECORD_BYTES = 1 << 20  # 1 MiB: a canonical row is ~200 bytes; a bigger one is not data
MAX_FIELDS = 1000  # per line: canonical files have at most a dozen columns
HEADER_SEARCH_ROWS = 20  # the header is the first of these rows with the required columns
EVIDENCE_ROWS = 200_000  # rows that decide the decimal mark of a file when they show one
_CHUNK = 1 << 20
_SCAN_CHUNK = 8 << 20
_RECORD = "_record"
_TOTAL = "_total"  # a totals or footer row, dropped before validation
TOTALS_RX = r"(?i)^\s*(totaal|eindtotaal|total|bron:)"  # CONTRACT §2: totals, footers
_QUOTE, _CR = ord('"'), ord("\r")
_NONE = pl.Series(dtype=pl.Int64)
_SAVE_AS = "sla het bestand op als CSV UTF-8 (door komma's of puntkomma's gescheiden)"
_MAGIC = {  # what a binary file named .csv usually is
    b"PK\x03\x04": "een zip-archief, bijvoorbeeld een Excel-bestand; geef een Excel-bestand "
                   "de extensie .xlsx of " + _SAVE_AS,
    b"\xd0\xcf\x11\xe0": "een oud Office-bestand (.xls of .doc); " + _SAVE_AS,
    b"%PDF": "een PDF-document",
    b"\x89PNG": "een PNG-afbeelding",
    b"\xff\xd8\xff": "een JPEG-afbeelding",
    b"GIF8": "een GIF-afbeelding",
    b"\x1f\x8b": "een gzip-archief",
}


class FileRejected(Exception):
    """A file-level problem: the whole load is rejected. The message names the file and, where
    known, the line (`regel`) and column (`kolom`) of the problem."""

    def __init__(self, path: Path, problem: str, line: int | None = None,
                 column: str | None = None):
        where = path.name
        if line is not None:
            where += f", regel {line}"
        if column:
            where += f", kolom {column}"
        super().__init__(f"{where}: {problem}")
        self.path, self.problem = path, problem


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _feed(decoder: codecs.IncrementalDecoder, chunk: bytes) -> None:
    """Decode the next chunk of a file, for its check only: a chunk of ASCII bytes alone is
    skipped when no character is half read, as it decodes in UTF-8 and in Windows-1252 alike
    (NumPy finds that at memory speed: 0.02 s for 520 MB, `bytes.isascii` 0.19 s, the decoder
    0.4 s). UnicodeDecodeError when the chunk does not decode."""
    if not chunk or decoder.getstate()[0] or np.frombuffer(chunk, np.uint8).max() >= 0x80:
        decoder.decode(chunk)


def _decodes_as(path: Path, encoding: str) -> bool:
    """Whether the whole file decodes in `encoding` (UTF-8 or Windows-1252)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                _feed(decoder, chunk)
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
    raise FileRejected(path, "de tekenset is geen UTF-8 en geen Windows-1252; " + _SAVE_AS + ".")


def detect_delimiter(header: str) -> str:
    """The candidate that occurs most often in the header line, outside quotes."""
    unquoted = "".join(part for i, part in enumerate(header.split('"')) if i % 2 == 0)
    counts = {d: unquoted.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def normalise_name(name: str) -> str:
    """`" Received On "` and `received-on` match `received_on`."""
    name = name.strip().lstrip("\ufeff").strip().strip('"').strip().lower()
    return re.sub(r"[\s\-]+", "_", name)


def _bytes(buf: bytes) -> pl.Series:
    """The bytes of `buf` as a UInt8 series, for vectorised searching."""
    return pl.Series(pa.Array.from_buffers(pa.uint8(), len(buf), [None, pa.py_buffer(buf)]))


def _positions(array: np.ndarray, byte: int, mask: np.ndarray) -> pl.Series:
    """Where `byte` occurs in `array` (numpy finds them about twice as fast as Polars); `mask`
    is scratch space of the same length, reused between chunks."""
    np.equal(array, byte, out=mask)
    return pl.Series(np.flatnonzero(mask))


def _first(mask: pl.Series) -> int | None:
    hits = mask.arg_true()
    return int(hits[0]) if len(hits) else None


@dataclass
class CsvLayout:
    """What the byte scan learned about a CSV file."""

    encoding: str
    delimiter: str
    eol: str
    header: list[str]
    records: int = 0  # data records after the header, blank ones included
    max_fields: int = 0
    odd: pl.DataFrame | None = None  # _record, fields: records with too few or too many fields
    shifts: pl.DataFrame | None = None  # _record, extra: lines before it beyond one per record


class _Scanner:
    """The structural half of the single pass over a CSV file's bytes.

    Fed chunks that, together with the carried-over tail, always start at a record boundary.
    Quotes follow RFC 4180: a quoted value starts at the start of a field, ends before a
    delimiter or line end, and doubles any quote inside it. Under that rule "a delimiter or line
    end is inside quotes" is simply "an odd number of quotes precedes it", which is what Polars'
    own record splitter assumes, so the scan and the reader agree on every record.
    """

    def __init__(self, path: Path, header: list[str], delimiter: str, eol: str,
                 header_line: int = 1):
        self.path, self.header = path, header
        self.width = len(header)
        self.named = max((i + 1 for i, h in enumerate(header) if h.strip()), default=0)
        self.delim, self.eol = ord(delimiter), ord(eol)
        self.line = header_line  # physical line at which the carried-over tail starts
        self.record = -1  # index of the next record; the header is record -1
        self.carry = b""
        self.max_fields = self.width
        self.min_fields: int | None = None
        self.filled = 0  # non-blank data records
        self.fitting = 0  # ... of which with at least as many fields as the named columns
        self.odd: list[pl.DataFrame] = []  # records with too few or too many fields
        self.shifts: list[pl.DataFrame] = []
        self.first_short: tuple[int, int] | None = None  # (line, fields)
        self.mask = np.empty(0, bool)

    def column_name(self, index: int) -> str:
        if index < self.width and self.header[index].strip():
            return self.header[index].strip()
        return f"{index + 1} (zonder naam in de kop)"

    def feed(self, data: bytes, final: bool = False) -> None:
        buf = self.carry + data if self.carry else data
        size = len(buf)
        u = _bytes(buf)
        array = np.frombuffer(buf, np.uint8)
        if len(self.mask) < size:
            self.mask = np.empty(size, bool)
        mask = self.mask[:size]
        quotes = _positions(array, _QUOTE, mask) if b'"' in buf else _NONE
        eols, delims = _positions(array, self.eol, mask), _positions(array, self.delim, mask)
        ends = eols
        if len(quotes):  # only what is outside quotes counts
            delims = delims.filter(quotes.search_sorted(delims) % 2 == 0)
            ends = eols.filter(quotes.search_sorted(eols) % 2 == 0)

        def locate(pos: int) -> tuple[int, str]:
            rec = int(ends.search_sorted(pos))
            start = int(ends[rec - 1]) + 1 if rec else 0
            col = int(delims.search_sorted(pos)) - int(delims.search_sorted(start))
            return self.line + int(eols.search_sorted(pos)), self.column_name(col)

        if (nul := buf.find(b"\0")) >= 0:
            line, column = locate(nul)
            raise FileRejected(self.path, "bevat een NUL-byte: dit is geen gewoon tekstbestand "
                               f"(binair, beschadigd of UTF-16 zonder BOM); {_SAVE_AS}.",
                               line, column)
        if final:
            cut = size
            if len(quotes) % 2:
                line, column = locate(self._opened_at(quotes, eols))
                raise FileRejected(self.path, 'het aanhalingsteken (") dat hier een waarde '
                                   "opent, wordt nergens gesloten.", line, column)
        else:
            cut = int(ends[-1]) + 1 if len(ends) else 0
        if size - cut > MAX_RECORD_BYTES:
            self._too_long(quotes, eols, locate, cut)
        if cut:
            self._records(u, buf, quotes, eols, delims, ends, cut, final, locate)
        self.carry = buf[cut:]

    def _too_long(self, quotes: pl.Series, eols: pl.Series, locate, start: int) -> None:
        line = locate(start)[0]
        problem = (f"deze regel is langer dan {MAX_RECORD_BYTES // (1 << 20)} MiB; dat is geen "
                   "rij gegevens (is het bestand beschadigd, of ontbreekt er een regeleinde?)")
        if len(quotes.filter(quotes >= start)) % 2:
            opened, column = locate(self._opened_at(quotes.filter(quotes >= start), eols))
            problem += (f"; het aanhalingsteken op regel {opened}, kolom {column}, wordt niet "
                        "gesloten")
        raise FileRejected(self.path, problem + ".", line)

    @staticmethod
    def _opened_at(quotes: pl.Series, eols: pl.Series) -> int:
        """Of quotes that run past the end of the data: the first one whose value does not
        close on its own line, which is where a quote was most likely left open."""
        openers, closers = quotes.gather_every(2), quotes.gather_every(2, offset=1)
        spans = (eols.search_sorted(closers) != eols.search_sorted(openers.head(len(closers))))
        return int(openers[_first(spans.append(pl.Series([True])))])

    def _records(self, u, buf, quotes, eols, delims, ends, cut, final, locate) -> None:
        """Check the complete records in buf[:cut] and note their field counts and lines."""
        ends = ends.filter(ends < cut)
        if final and (not len(ends) or int(ends[-1]) != cut - 1):
            ends = ends.append(pl.Series([cut], dtype=pl.Int64))  # last line, no line end
        starts = pl.concat([pl.Series([0], dtype=pl.Int64), ends.head(len(ends) - 1) + 1])
        lengths = ends - starts
        if (long := _first(lengths > MAX_RECORD_BYTES)) is not None:
            self._too_long(quotes, eols, locate, int(starts[long]))
        self._check_quotes(u, quotes.filter(quotes < cut), len(buf), final, locate)
        before_end = delims.search_sorted(ends).cast(pl.Int64)  # delimiters before each end
        fields = before_end.diff().fill_null(before_end[0]) + 1
        if (wide := _first(fields > MAX_FIELDS)) is not None:
            raise FileRejected(self.path, f"deze regel heeft meer dan {MAX_FIELDS} velden; dat is "
                               "geen rij gegevens.", locate(int(starts[wide]))[0])
        if (self.record >= 0 and not len(quotes) and self.width > 1
                and fields.min() == fields.max() == self.width):
            # the common chunk: every record one line with all its fields, none blank
            self.filled, self.fitting = self.filled + len(ends), self.fitting + len(ends)
            self.min_fields = min(self.min_fields or self.width, self.width)
            self.record += len(ends)
            self.line += int(eols.search_sorted(ends[-1])) + 1 if len(eols) else 0
            return
        eol_index = eols.search_sorted(ends).cast(pl.Int64)  # index of each record's line end
        lines = eol_index.diff().fill_null(eol_index[0] + 1)  # physical lines per record
        blank = (lengths == 0) | ((lengths == 1) & (u.gather(starts.clip(0, len(buf) - 1))
                                                   == _CR))
        first_line = self.line + (eol_index.shift(1) + 1).fill_null(0)
        frame = pl.DataFrame(
            {"fields": fields, "lines": lines, "blank": blank, "line": first_line}
        ).with_row_index(_RECORD).with_columns(pl.col(_RECORD).cast(pl.Int64) + self.record)
        if self.record == -1:
            if frame["lines"][0] > 1:
                raise FileRejected(self.path, "de kopregel bevat een regeleinde tussen "
                                   "aanhalingstekens.", self.line)
            frame = frame.slice(1)
        data = frame.filter(~pl.col("blank"))
        self.filled += data.height
        self.fitting += data.filter(pl.col("fields") >= self.named).height
        if data.height:
            self.max_fields = max(self.max_fields, int(data["fields"].max()))
            low = int(data["fields"].min())
            self.min_fields = low if self.min_fields is None else min(self.min_fields, low)
        short = data.filter(pl.col("fields") < self.named)
        if short.height and self.first_short is None:
            self.first_short = (short["line"][0], short["fields"][0])
        self.odd.append(data.filter((pl.col("fields") < self.named)
                                    | (pl.col("fields") > self.width)).select(_RECORD, "fields"))
        self.shifts.append(frame.filter(pl.col("lines") > 1).select(
            (pl.col(_RECORD) + 1).alias(_RECORD), (pl.col("lines") - 1).alias("extra")))
        self.record += len(ends)
        self.line += int(eol_index[-1]) + 1 if len(eols) else 0

    def _check_quotes(self, u, quotes, size, final, locate) -> None:
        """Every quote must open a value at the start of a field, close it before a delimiter
        or line end, or be doubled inside it."""
        if not len(quotes):
            return
        last = size - 1
        sep = [self.delim, self.eol]
        q = pl.DataFrame({"p": quotes}).with_row_index("r").select(
            "p", (pl.col("r") % 2 == 0).alias("opens"),
            pl.col("p").shift(1).alias("prev_q"), pl.col("p").shift(-1).alias("next_q"),
        ).with_columns(
            prev=pl.Series(u.gather((quotes - 1).clip(0, last))),
            next=pl.Series(u.gather((quotes + 1).clip(0, last))),
            next2=pl.Series(u.gather((quotes + 2).clip(0, last))),
        )
        p = pl.col("p")
        opens_ok = (p == 0) | pl.col("prev").is_in(sep) | (
            (pl.col("prev") == _QUOTE) & (pl.col("prev_q") == p - 1))
        at_end = (p == last) & pl.lit(final)
        closes_ok = (
            ((p < last) & pl.col("next").is_in(sep)) | at_end
            | ((pl.col("next") == _QUOTE) & (pl.col("next_q") == p + 1))
            | ((pl.col("next") == _CR) & (((p + 1 == last) & pl.lit(final))
                                          | ((p + 1 < last) & (pl.col("next2") == self.eol))))
        )
        bad = q.filter(pl.when(pl.col("opens")).then(~opens_ok).otherwise(~closes_ok))
        if bad.height:
            pos, opens = bad.row(0)[:2]
            line, column = locate(pos)
            problem = ('een aanhalingsteken (") midden in een waarde' if opens else
                       'tekst na het aanhalingsteken (") dat een waarde sluit')
            raise FileRejected(self.path, f"{problem}. Zet een waarde met aanhalingstekens "
                               'helemaal tussen aanhalingstekens en verdubbel die erin ("").',
                               line, column)

    def layout(self, encoding: str, delimiter: str, eol: str) -> CsvLayout:
        def stack(frames: list[pl.DataFrame], schema: dict) -> pl.DataFrame:
            return pl.concat(frames) if frames else pl.DataFrame(schema=schema)

        shifts = stack(self.shifts, {_RECORD: pl.Int64, "extra": pl.Int64})
        odd = stack(self.odd, {_RECORD: pl.Int64, "fields": pl.Int64})
        if self.min_fields == self.max_fields == self.width + 1:
            # every row ends with a separator the header lacks: a style, not a problem (a
            # value in that last field is still caught as one too many)
            odd = odd.filter(pl.col("fields") <= self.width)
        return CsvLayout(
            encoding, delimiter, eol, self.header, records=self.record,
            max_fields=self.max_fields, odd=odd,
            shifts=shifts.with_columns(pl.col("extra").cum_sum()),
        )


def _read_head(path: Path, readable: Path, start: int
               ) -> tuple[list[str | FileRejected], list[int], str]:
    """The first HEADER_SEARCH_ROWS lines of `readable` from byte `start`, each decoded as UTF-8
    or else Windows-1252 (a line that cannot be: its problem, reported for `path`), the byte
    offset at which each starts, and the line end used (`\\n`, or `\\r` for old Mac files)."""
    with open(readable, "rb") as fh:
        fh.seek(start)
        head = fh.read(MAX_RECORD_BYTES + 2)
    cut = min((i for i in (head.find(b"\n"), head.find(b"\r")) if i >= 0), default=-1)
    if cut < 0 and len(head) > MAX_RECORD_BYTES:
        raise FileRejected(path, f"de kopregel is langer dan {MAX_RECORD_BYTES // (1 << 20)} "
                           "MiB; dit is geen CSV-bestand.", 1)
    old_mac = cut >= 0 and head[cut:cut + 1] == b"\r" and head[cut + 1:cut + 2] != b"\n"
    eol = "\r" if old_mac else "\n"
    complete = head if len(head) <= MAX_RECORD_BYTES else head[:head.rfind(eol.encode()) + 1]
    raw_lines = complete.split(eol.encode())[:HEADER_SEARCH_ROWS]
    lines: list[str | FileRejected] = []  # a line that cannot be read: its problem
    offsets, offset = [], start
    for number, raw in enumerate(raw_lines, start=1):
        offsets.append(offset)
        offset += len(raw) + 1
        raw = raw.removesuffix(b"\r")
        if b"\0" in raw:
            lines.append(FileRejected(
                path, "bevat een NUL-byte: dit is geen gewoon tekstbestand (binair, beschadigd "
                f"of UTF-16 zonder BOM); {_SAVE_AS}.", number))
            continue
        for encoding in ("utf-8", "cp1252"):
            try:
                lines.append(raw.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
        else:
            lines.append(FileRejected(path, "de tekenset is geen UTF-8 en geen Windows-1252 "
                                      f"(regel {number}); " + _SAVE_AS + "."))
    return lines, offsets, eol


def _fields(path: Path, line: str, number: int) -> tuple[list[str], str]:
    """The fields of one line under its own most likely delimiter, and that delimiter."""
    delimiter = detect_delimiter(line)
    try:
        fields = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error as exc:  # a column name over csv's field limit (128 KiB)
        raise FileRejected(path, "de kopregel bevat geen bruikbare kolomnamen.", number) from exc
    return fields, delimiter


def find_header(rows: list[list[str]], entity: Entity | None) -> tuple[int | None, list[Entity]]:
    """The index of the header among the first rows of a file: the first row (within
    HEADER_SEARCH_ROWS) that holds every required column of `entity`, or, when the entity is
    not known yet, of some entity; and the entities whose required columns it holds. (None,
    []) when no row does."""
    candidates = [entity] if entity else list(ENTITIES.values())
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = {normalise_name(str(value or "")) for value in row}
        fits = [e for e in candidates if all(c in names for c in e.required)]
        if fits:
            return index, fits
    return None, []


def _transcode(path: Path, target: Path, encoding: str, eol: bytes = b"\n") -> str:
    """Write `path` as UTF-8 to `target`, streaming; returns the sha256 of the original bytes.
    A byte that does not decode rejects the file, naming its line."""
    decoder = codecs.getincrementaldecoder(encoding)()
    digest, line = hashlib.sha256(), 1
    with open(path, "rb") as src, open(target, "wb") as dst:
        while True:
            chunk = src.read(_CHUNK)
            digest.update(chunk)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                bad = line + chunk[:max(exc.start, 0)].count(eol)
                what = ("de tekenset is geen UTF-8 en geen Windows-1252" if encoding == "cp1252"
                        else "het bestand begint als UTF-16 maar is geen geldige UTF-16")
                raise FileRejected(
                    path, f"{what} (regel {bad}, byte "
                    f"0x{chunk[exc.start:exc.start + 1].hex() or '?'}); {_SAVE_AS}.") from exc
            dst.write(text.encode("utf-8"))
            line += chunk.count(eol)
            if not chunk:
                return digest.hexdigest()


def _utf8_copy(path: Path, workdir: Path) -> Path:
    """A new file in `workdir` for the UTF-8 copy of `path` (files are scanned side by side,
    and two files may share a name)."""
    fd, name = tempfile.mkstemp(prefix=f"{path.stem}.", suffix=".utf8.csv", dir=workdir)
    os.close(fd)
    return Path(name)


@dataclass
class _Sniffed:
    """What the first lines of a CSV file tell: enough to find and check the header before the
    scan."""

    readable: Path  # the file itself, or its UTF-8 copy (UTF-16 input)
    sha256: str | None  # known already when a copy was made
    bom: int
    eol: str
    lines: list[str | FileRejected]  # the first HEADER_SEARCH_ROWS lines (or their problem)
    offsets: list[int]  # the byte offset of each in `readable`
    header_line: int = 1  # 1-based line of the header
    delimiter: str = ","
    header: list[str] = field(default_factory=list)

    def rows(self, path: Path) -> list[list[str]]:
        """The fields of each line; none for a line that cannot be read (the scan names its
        problem, unless it lies above the header: see `choose`)."""
        return [_fields(path, line, n)[0] if isinstance(line, str) else []
                for n, line in enumerate(self.lines, start=1)]

    @property
    def offset(self) -> int:
        """Bytes before the header line."""
        return self.offsets[self.header_line - 1]

    def choose(self, path: Path, index: int | None) -> None:
        """Take line `index` (0-based; None: the first) as the header."""
        for line in self.lines[:1 if index is None else index + 1]:
            if isinstance(line, FileRejected):
                raise line
        if index is None:
            if not self.lines or not self.lines[0].strip().strip(",;\t").strip():
                raise FileRejected(path, "de eerste regel is leeg; verwacht een kopregel met de "
                                   "kolomnamen.", 1)
            index = 0
        self.header_line = index + 1
        self.header, self.delimiter = _fields(path, self.lines[index], self.header_line)
        if max(map(len, self.header), default=0) > 1000:
            raise FileRejected(path, "de kopregel bevat een kolomnaam van meer dan 1000 tekens; "
                               "is de eerste regel wel een kopregel?", self.header_line)


def _sniff(path: Path, workdir: Path) -> _Sniffed:
    """Signatures, the encoding of UTF-16 files and the first lines; the header is not chosen
    yet (`_Sniffed.choose`)."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    readable, sha256 = path, None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode-tekst": transcoded first, then scanned like any UTF-8 file.
        readable = _utf8_copy(path, workdir)
        sha256 = _transcode(path, readable, "utf-16", b"\n\0" if head[0] == 0xFF else b"\0\n")
    else:
        for magic, kind in _MAGIC.items():
            if head.startswith(magic):
                raise FileRejected(path, f"dit is geen CSV-bestand maar {kind}.")
    bom = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    lines, offsets, eol = _read_head(path, readable, bom)
    return _Sniffed(readable, sha256, bom, eol, lines, offsets)


def _scan(path: Path, sniffed: _Sniffed, workdir: Path) -> tuple[CsvLayout, str, Path]:
    """The one streaming pass over a CSV file: (layout, sha256, the file Polars reads)."""
    scanner = _Scanner(path, sniffed.header, sniffed.delimiter, sniffed.eol, sniffed.header_line)
    digest, decoder, utf8 = hashlib.sha256(), codecs.getincrementaldecoder("utf-8")(), True
    with open(sniffed.readable, "rb") as fh:
        digest.update(fh.read(sniffed.offset))  # the preamble: hashed, not scanned
        while chunk := fh.read(_SCAN_CHUNK):
            digest.update(chunk)
            if utf8:
                try:
                    _feed(decoder, chunk)
                except UnicodeDecodeError:
                    utf8 = False
            scanner.feed(chunk)
        scanner.feed(b"", final=True)
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    readable, sha256, encoding = sniffed.readable, sniffed.sha256, "utf-16"
    if sha256 is None:
        sha256, encoding = digest.hexdigest(), "utf-8"
        if not utf8:
            readable, encoding = _utf8_copy(path, workdir), "cp1252"
            _transcode(path, readable, "cp1252", sniffed.eol.encode())
    if scanner.filled and not scanner.fitting:
        line, fields = scanner.first_short
        name = {",": "komma", ";": "puntkomma", "\t": "tab"}[sniffed.delimiter]
        raise FileRejected(
            path, f"geen enkele regel heeft zoveel velden als de kop ({scanner.named}, "
            f"gescheiden door een {name}); regel {line} heeft er {fields}. Gebruiken de kop en "
            "de gegevens hetzelfde scheidingsteken?")
    return scanner.layout(encoding, sniffed.delimiter, sniffed.eol), sha256, readable


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
    layout: CsvLayout | None = None
    header: list[str] = field(default_factory=list)
    header_line: int = 1  # 1-based row of the header, as a spreadsheet numbers it
    blank_rows: int = 0  # empty lines skipped while reading
    rules: FileRules = field(default_factory=FileRules)  # how values are read; what was found
    _readable: Path | None = None

    @property
    def named(self) -> int:
        """Header positions up to the last one with a name."""
        return max((i + 1 for i, h in enumerate(self.header) if h.strip()), default=0)

    def batches(self, size: int = 500_000) -> Iterator[pl.DataFrame]:
        """Canonical columns (those present) as strings, values after the last named column as
        `veld_N`, the source line number, and PROBLEM/PROBLEM_COLUMN for rows with a wrong
        number of fields. Empty lines are skipped (counted in `blank_rows`)."""
        if self.path.suffix.lower() in EXCEL_SUFFIXES:
            frame = self._excel_frame()
            none = pl.lit(None, pl.String)
            yield self._finish(frame.select(*self._selection(""), none.alias(PROBLEM),
                                            none.alias(PROBLEM_COLUMN), _TOTAL))
            return
        yield from self._csv_batches(size)

    def _selection(self, prefix: str) -> list[pl.Expr]:
        width = max(self.layout.max_fields if self.layout else 0, len(self.header))
        return [
            pl.col(LINE),
            *[pl.col(f"{prefix}{pos}").alias(name) for name, pos in self.columns.items()],
            *[pl.col(f"{prefix}{pos}").alias(f"veld_{pos + 1}")
              for pos in range(self.named, width)],
        ]

    def _finish(self, batch: pl.DataFrame) -> pl.DataFrame:
        """Drop totals and footer rows (tallied in `rules`) and empty lines; flag a value after
        the last named column as a field too many."""
        if batch[_TOTAL].any():
            self.rules.totals_lines += batch.filter(_TOTAL)[LINE].to_list()
            batch = batch.filter(~pl.col(_TOTAL))
        batch = batch.drop(_TOTAL)
        values = [c for c in batch.columns if c not in (LINE, PROBLEM, PROBLEM_COLUMN)]
        filled = {c: pl.col(c).str.strip_chars().fill_null("") != "" for c in values}
        if values:  # a blank row has a blank first value: only those are looked at closely
            maybe = batch.filter(~filled[values[0]])
            blank = maybe.filter(~pl.any_horizontal(filled.values())).select(LINE)
            if blank.height:
                self.blank_rows += blank.height
                batch = batch.join(blank, on=LINE, how="anti")
        extra = [c for c in values if c.startswith("veld_")]
        if extra:
            too_many = pl.col(PROBLEM).is_null() & pl.any_horizontal(filled[c] for c in extra)
            batch = batch.with_columns(
                pl.when(too_many).then(pl.lit(
                    "te veel velden: er staat een waarde na de laatste kolom van de kop"))
                .otherwise(PROBLEM).alias(PROBLEM),
                pl.when(too_many).then(pl.coalesce(
                    pl.when(filled[c]).then(pl.lit(c)) for c in extra
                )).otherwise(PROBLEM_COLUMN).alias(PROBLEM_COLUMN),
            )
        return batch.with_columns(pl.col(LINE).cast(pl.Int64))

    def _scan_csv(self) -> pl.LazyFrame:
        """The records after the header as text columns `_f0`, `_f1`, ... and their index."""
        layout = self.layout
        width = max(layout.max_fields, len(self.header))
        skip = {"skip_rows": 1} if self.header_line == 1 else {"skip_lines": self.header_line}
        return pl.scan_csv(
            self._readable or self.path, separator=self.delimiter, has_header=False,
            schema={f"_f{i}": pl.String for i in range(width)}, **skip,
            missing_columns="insert", encoding="utf8", quote_char='"', eol_char=layout.eol,
        ).with_row_index(_RECORD).with_columns(pl.col(_RECORD).cast(pl.Int64))

    def _csv_batches(self, size: int) -> Iterator[pl.DataFrame]:
        layout = self.layout
        lazy = self._scan_csv()
        seen = 0
        try:
            for batch in lazy.collect_batches(chunk_size=size):
                seen += batch.height
                yield self._finish(self._locate(batch))
        except pl.exceptions.PolarsError as exc:
            raise FileRejected(self.path, "het bestand kan niet als CSV gelezen worden "
                               f"({type(exc).__name__}); " + _SAVE_AS + ".") from exc
        if seen != layout.records:  # the scan and the reader must agree on every record
            raise FileRejected(self.path, "het bestand kan niet betrouwbaar gelezen worden "
                               f"({layout.records} regels gevonden, {seen} gelezen); "
                               + _SAVE_AS + ".")

    def _locate(self, batch: pl.DataFrame) -> pl.DataFrame:
        """Line numbers (a record spanning several lines shifts the ones after it) and the
        wrong-number-of-fields problem of each record."""
        layout, named, width = self.layout, self.named, len(self.header)
        line = pl.col(_RECORD) + self.header_line + 1
        if layout.shifts.height:
            batch = batch.join_asof(layout.shifts, on=_RECORD, strategy="backward")
            line = line + pl.col("extra").fill_null(0)
        problem = column = pl.lit(None, pl.String)
        if layout.odd.height:
            batch = batch.join(layout.odd, on=_RECORD, how="left")
            canonical = {pos: name for name, pos in self.columns.items()}
            names = {i: canonical.get(i, h.strip()) for i, h in enumerate(self.header[:named])}
            fields, few = pl.col("fields"), pl.col("fields") < named
            problem = (
                pl.when(few).then(pl.format("te weinig velden ({} in plaats van {})", fields,
                                            pl.lit(named)))
                .when(fields.is_not_null()).then(pl.format(
                    "te veel velden ({} in plaats van {})", fields, pl.lit(width)))
            )
            # too few: the first column without a value; too many: the first field too many
            column = (
                pl.when(few).then(fields.clip(0, max(named - 1, 0)).replace_strict(
                    names, default=None, return_dtype=pl.String))
                .when(fields.is_not_null()).then(pl.lit(f"veld_{width + 1}"))
            )
        fields = [c for c in batch.columns if c.startswith("_f")]
        return batch.with_columns(line.alias(LINE), _totals(batch, fields)).select(
            *self._selection("_f"), problem.alias(PROBLEM), column.alias(PROBLEM_COLUMN),
            _TOTAL,
        )

    def _excel_frame(self) -> pl.DataFrame:
        """The rows below the header; LINE is the row number Excel shows."""
        sheet = excel_sheet(self.path)
        first = excel_first_row(self.path)  # calamine leaves out empty rows above the data
        frame = sheet.slice(self.header_line - first + 1)
        frame = frame.rename({c: str(i) for i, c in enumerate(frame.columns)})
        return frame.with_row_index(LINE, offset=self.header_line + 1).with_columns(
            _totals(frame, frame.columns))

    def number_evidence(self, rows: int | None = None) -> tuple[int, int]:
        """(values that read under a decimal comma only, under a decimal point only) in the
        number columns of the first `rows` rows of the file (None: all), read in one streaming
        pass over those columns."""
        names = [c.name for c in self.entity.columns
                 if c.kind == "number" and c.name in self.columns]
        if not names:
            return 0, 0
        if self.path.suffix.lower() in EXCEL_SUFFIXES:
            frame = self._excel_frame().lazy()
            prefix = ""
        else:
            frame, prefix = self._scan_csv(), "_f"
        if rows is not None:
            frame = frame.head(rows)
        counts = [evidence(pl.col(f"{prefix}{self.columns[n]}").str.strip_chars())
                  for n in names]
        total = frame.select(
            pl.sum_horizontal(comma.sum() for comma, _ in counts).alias("comma"),
            pl.sum_horizontal(point.sum() for _, point in counts).alias("point"),
        ).collect(engine="streaming")
        return int(total["comma"][0] or 0), int(total["point"][0] or 0)


def _totals(frame: pl.DataFrame, fields: list[str]) -> pl.Series:
    """Whether each row is a totals or footer row: its first non-empty cell starts with
    `Totaal`, `Eindtotaal`, `Total` or `Bron:` (any case). Only rows with an empty first cell
    look further along the row."""
    if not fields:
        return pl.Series(_TOTAL, [False] * frame.height)
    first = frame[fields[0]]
    flag = first.str.contains(TOTALS_RX).fill_null(False)
    blank = ~first.str.contains(r"\S").fill_null(False)
    if len(fields) > 1 and blank.any():
        rest = frame.filter(blank).select(pl.coalesce(
            pl.when(pl.col(f).str.contains(r"\S")).then(pl.col(f)) for f in fields[1:]
        ).str.contains(TOTALS_RX).fill_null(False)).to_series()
        flag = flag.scatter(blank.arg_true(), rest)
    return flag.alias(_TOTAL)


def excel_first_row(path: Path) -> int:
    """The 1-based row number of the first row with a value on the first sheet: calamine
    starts its range there, so row numbers below it are counted from this one."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    try:
        with zipfile.ZipFile(path) as book:
            sheet = ElementTree.fromstring(book.read("xl/workbook.xml")).find(
                f"{ns}sheets/{ns}sheet")
            links = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
            target = next(r.get("Target") for r in links if r.get("Id") == sheet.get(rel))
            name = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            with book.open(name) as xml:
                number = 0
                for _, element in ElementTree.iterparse(xml):
                    if element.tag != f"{ns}row":
                        continue
                    number = int(element.get("r") or number + 1)
                    if any(cell.find(f"{ns}v") is not None or cell.find(f"{ns}is") is not None
                           for cell in element):
                        return number
                    element.clear()
    except (KeyError, StopIteration, AttributeError, ValueError, zipfile.BadZipFile,
            ElementTree.ParseError):
        pass  # a workbook laid out otherwise: calamine read it, so count from row 1
    return 1


def _excel_book(path: Path) -> fastexcel.ExcelReader:
    with open(path, "rb") as fh:
        head = fh.read(8)
    if not head.startswith(b"PK\x03\x04"):
        kind = ("een oud Excel-bestand (.xls); sla het op als Excel-werkmap (.xlsx)"
                if head.startswith(b"\xd0\xcf\x11\xe0") else
                "geen Excel-werkmap (.xlsx), misschien een CSV-bestand met de verkeerde "
                "extensie")
        raise FileRejected(path, f"dit is {kind}.")
    check_excel_size(path)
    try:
        return fastexcel.read_excel(str(path))
    except Exception as exc:  # calamine reports zip and XML damage as one error type
        raise FileRejected(path, "het Excel-bestand kan niet gelezen worden; het is beschadigd "
                           "of geen echte Excel-werkmap (.xlsx).") from exc


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def check_excel_size(path: Path) -> None:
    """Refuse a workbook too large to read into memory, before it is read: FileRejected when
    the parts of the zip archive declare more than MAX_XLSX_UNCOMPRESSED bytes together, or a
    worksheet declares (its `<dimension>`) more than MAX_FIELDS columns or MAX_XLSX_CELLS
    cells. Only the zip directory and the first 4 kB of each sheet are read."""
    advice = ("sla het op als CSV UTF-8 (een CSV-bestand wordt in delen gelezen) of verwijder "
              "de lege rijen en kolommen.")
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            total = sum(part.file_size for part in parts)
            if total > MAX_XLSX_UNCOMPRESSED:
                raise FileRejected(path, f"het Excel-bestand is uitgepakt {total / 1e9:.1f} GB, "
                                   f"meer dan de grens van {MAX_XLSX_UNCOMPRESSED / 1e9:.0f} GB; "
                                   + advice)
            for part in parts:
                if not part.filename.startswith("xl/worksheets/"):
                    continue
                with archive.open(part) as sheet:
                    found = _DIMENSION.search(sheet.read(4096))
                if not found:
                    continue
                first_col, first_row, last_col, last_row = found.groups()
                columns = _column_number(last_col or first_col) - _column_number(first_col) + 1
                rows = int(last_row or first_row) - int(first_row) + 1
                if columns > MAX_FIELDS or rows * columns > MAX_XLSX_CELLS:
                    def dutch(n: int) -> str:
                        return f"{n:_}".replace("_", ".")

                    raise FileRejected(path, f"een werkblad van het Excel-bestand beslaat "
                                       f"{dutch(rows)} rijen en {dutch(columns)} kolommen, meer "
                                       f"dan de grens van {dutch(MAX_FIELDS)} kolommen of "
                                       f"{dutch(MAX_XLSX_CELLS)} cellen; " + advice)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FileRejected(path, "het Excel-bestand kan niet gelezen worden; het is beschadigd "
                           "of geen echte Excel-werkmap (.xlsx).") from exc


def excel_sheet(path: Path, index: int = 0, n_rows: int | None = None) -> pl.DataFrame:
    """A sheet as text, header row included (so duplicate names stay visible)."""
    try:
        sheet = _excel_book(path).load_sheet(index, header_row=None, dtypes="string",
                                             n_rows=n_rows)
        return sheet.to_polars()
    except FileRejected:
        raise
    except Exception as exc:
        raise FileRejected(path, "het Excel-bestand kan niet gelezen worden; het is beschadigd "
                           "of geen echte Excel-werkmap (.xlsx).") from exc


def open_source(path: Path, workdir: Path, entity: Entity | None = None,
                rules: FileRules | None = None) -> SourceFile:
    """Recognise, sniff and check the header of one file; raise FileRejected on any problem.

    The entity is the one its name says (`referrals*.csv`), else the one whose required
    columns its header holds, else `entity` (`pib load --entity`); the header is the first of
    the first HEADER_SEARCH_ROWS rows that holds the entity's required columns. `rules` (from a
    source profile) says how values are read; without it the defaults of CONTRACT §2 apply.
    The decimal mark, unless `rules` gives one, is detected here from the number columns.
    """
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES + EXCEL_SUFFIXES:
        raise FileRejected(path, f"bestandstype '{suffix}' wordt niet ondersteund (.csv of .xlsx).")
    named = entity_for_file(path.name)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            raise FileRejected(path, "het bestand is leeg." if path.is_file() else
                               "dit is geen gewoon bestand.")
        if suffix in EXCEL_SUFFIXES:
            source = _open_excel(path, named, entity)
        else:
            source = _open_csv(path, workdir, named, entity)
    except OSError as exc:
        raise FileRejected(path, f"het bestand kan niet gelezen worden ({exc.strerror or exc})."
                           ) from exc
    source.rules = rules or FileRules(terminology=get_settings().terminology)
    if source.rules.decimal is None:
        comma, point = source.number_evidence(EVIDENCE_ROWS)
        if not (comma or point):  # a file that shows nothing at first: look at all of it
            comma, point = source.number_evidence()
        source.rules.detected = decide(comma, point)
        source.rules.number_evidence = (comma, point)
    return source


def _recognise(path: Path, rows: list[list[str]], named: Entity | None,
               option: Entity | None) -> tuple[Entity, int | None]:
    """The entity of a file and the index of its header row among `rows` (None: not found,
    the first row is checked as the header). See `open_source`."""
    if named is not None:
        return named, find_header(rows, named)[0]
    index, fits = find_header(rows, None)
    if len(fits) == 1:
        return fits[0], index
    if option is not None:
        return option, find_header(rows, option)[0]
    if fits:
        raise FileRejected(path, "de bestandsnaam zegt niet welke gegevens dit zijn en de kop "
                           f"(regel {index + 1}) past bij meer dan één soort: "
                           + ", ".join(sorted(e.name for e in fits))
                           + "; kies er een met --entity.")
    raise FileRejected(path, "onbekende bestandsnaam en geen kop met de verplichte kolommen van "
                       "een bekende soort in de eerste " + str(HEADER_SEARCH_ROWS) + " regels; "
                       "verwacht een naam als " + ", ".join(ENTITIES) + " (.csv of .xlsx), of "
                       "geef de soort op met --entity.")


def _open_csv(path: Path, workdir: Path, named: Entity | None, option: Entity | None
              ) -> SourceFile:
    sniffed = _sniff(path, workdir)
    entity, index = _recognise(path, sniffed.rows(path), named, option)
    sniffed.choose(path, index)
    source = SourceFile(path, entity, "", delimiter=sniffed.delimiter, header=sniffed.header,
                        header_line=sniffed.header_line)
    _match_columns(source, sniffed.header)  # header problems first: no need to scan
    layout, source.sha256, readable = _scan(path, sniffed, workdir)
    source.layout, source.encoding = layout, layout.encoding
    source._readable = None if readable == path else readable
    if layout.records == 0:
        source.warnings.append(f"{path.name}: bevat alleen een kopregel, geen gegevens; er is "
                               "niets uit geladen.")
    return source


def _open_excel(path: Path, named: Entity | None, option: Entity | None) -> SourceFile:
    names = _excel_book(path).sheet_names
    if not names:
        raise FileRejected(path, "het Excel-bestand heeft geen werkbladen.")
    head = excel_sheet(path, 0, n_rows=HEADER_SEARCH_ROWS + 1)
    rows = [[str(v or "") for v in row] for row in head.iter_rows()]
    try:
        entity, index = _recognise(path, rows, named, option)
    except FileRejected as exc:
        raise FileRejected(path, f"werkblad '{names[0]}': {exc.problem}") from None
    index = index or 0
    header = rows[index] if rows else []
    first = excel_first_row(path) if rows else 1
    source = SourceFile(path, entity, sha256_of(path), header=header,
                        header_line=first + index)
    try:
        _match_columns(source, header)
    except FileRejected as exc:
        hint = ""
        for number, name in enumerate(names[1:], start=1):
            other = excel_sheet(path, number, n_rows=HEADER_SEARCH_ROWS)
            if find_header([[str(v or "") for v in row] for row in other.iter_rows()],
                           entity)[0] is not None:
                hint = (f" Werkblad '{name}' heeft die kolommen wel: zet de gegevens op het "
                        "eerste werkblad.")
                break
        problem = exc.problem if header else (
            "het eerste werkblad is leeg; de gegevens moeten op het eerste werkblad staan.")
        raise FileRejected(path, f"werkblad '{names[0]}': {problem}{hint}") from None
    if head.height <= index + 1:
        source.warnings.append(f"{path.name}: bevat alleen een kopregel, geen gegevens; er is "
                               "niets uit geladen.")
    return source


def _match_columns(source: SourceFile, header: list[str]) -> None:
    wanted = set(source.entity.column_names)
    unknown = []
    for pos, name in enumerate(header):
        canonical = normalise_name(name)
        if canonical in source.columns:
            raise FileRejected(source.path, f"kolom '{canonical}' staat twee keer in de kop "
                               f"(kolom {source.columns[canonical] + 1} en {pos + 1}).",
                               source.header_line)
        if canonical in wanted:
            source.columns[canonical] = pos
        elif canonical:
            unknown.append(name.strip())
    source.warnings += [f"{source.path.name}: onbekende kolom '{name}' genegeerd."
                        for name in unknown[:10]]
    if len(unknown) > 10:
        source.warnings.append(f"{source.path.name}: en nog {len(unknown) - 10} onbekende "
                               "kolommen genegeerd.")
    missing = [c for c in source.entity.required if c not in source.columns]
    if missing:
        raise FileRejected(source.path, "verplichte kolom ontbreekt: " + ", ".join(missing) + ".")


_WORKDIR_PREFIX = "pib-load-"


def temp_workdir() -> tempfile.TemporaryDirectory:
    """A private (0700) work folder for one load, named after this process
    (`pib-load-<pid>-…`), removed when the load ends. Folders of loads whose process died (a
    killed load leaves decoded copies of its files, raw pupil ids included) are removed first."""
    sweep_workdirs()
    return tempfile.TemporaryDirectory(prefix=f"{_WORKDIR_PREFIX}{os.getpid()}-")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def sweep_workdirs(root: str | Path | None = None) -> list[Path]:
    """Remove the load work folders in the temp folder `root` (default: the system's) that
    this user owns and whose process is gone; returns what was removed."""
    removed = []
    for folder in Path(root or tempfile.gettempdir()).glob(f"{_WORKDIR_PREFIX}*"):
        pid = folder.name.removeprefix(_WORKDIR_PREFIX).split("-", 1)[0]
        try:
            mine = folder.is_dir() and folder.stat().st_uid == os.getuid()
        except OSError:
            continue
        if mine and not (pid.isdigit() and _alive(int(pid))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed
