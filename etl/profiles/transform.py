"""Apply a source profile to one export: raw text rows in, canonical text rows out.

Vectorised Polars throughout (no row loops): national exports run to millions of rows.
"""

from __future__ import annotations

import codecs
import csv
import fnmatch
import tempfile
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import polars as pl

from etl.dates import DEFAULT_DATE_FORMATS, TIME_PART
from etl.profiles.model import Derivation, Layout, Profile
from etl.readers import (
    CSV_SUFFIXES,
    EXCEL_SUFFIXES,
    TOTALS_RX,
    FileRejected,
    detect_delimiter,
    detect_encoding,
    excel_first_row,
    excel_sheet,
)
from etl.schema import UNKNOWN

LINE = "source_line"  # the spreadsheet row number of a canonical row (as etl.readers.LINE)
REJECTED_COLUMNS = ("line", "column_name", "reason", "raw_values")
HEADER_SEARCH_ROWS = 20
BATCH_ROWS = 250_000  # rows translated at a time: memory stays bounded on a national export
_UNMAPPED = "\x00"
_PEEK_BYTES = 1 << 16
T = TypeVar("T")
_DEFAULT_DATES = DEFAULT_DATE_FORMATS  # derivations read what the canonical loader reads


@dataclass
class Summary:
    """What `apply` did with one file. Counts are rows; `dropped` maps a Dutch reason to the
    rows dropped for it (never loaded, never quarantined); `derived` and `unknown` map a
    canonical column to the values derived / the rows holding `unknown`; `also_pseudonymise`
    names canonical columns built from a pupil id (e.g. a key), which the loader must
    pseudonymise like pupil_id; `pupil_keys` those the loader builds from the pupil's
    pseudonym instead (see `pupil_keys`)."""

    profile: str
    file: str
    entity: str
    layout: int
    header_row: int
    rows_read: int = 0
    rows_out: int = 0
    rows_rejected: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    derived: dict[str, int] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)
    also_pseudonymise: tuple[str, ...] = ()
    pupil_keys: dict[str, str | None] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The summary as Dutch sentences, one per fact."""
        out = [f"{self.file}: indeling {self.layout} van profiel {self.profile} "
               f"({self.entity}, kopregel op rij {self.header_row}); {self.rows_read} rij(en) "
               f"gelezen, {self.rows_out} om te laden, {self.rows_rejected} in quarantaine."]
        out += [f"{self.file}: {n} rij(en) overgeslagen: {why}." for why, n in
                self.dropped.items() if n]
        out += [f"{self.file}: {n} waarde(n) van {c} afgeleid." for c, n in
                self.derived.items() if n]
        out += [f"{self.file}: {n} rij(en) met {c} 'unknown' (de bron zegt het niet)."
                for c, n in self.unknown.items() if n]
        return out


@dataclass
class Applied:
    """The result of `apply`: `canonical` holds text columns named as the canonical entity plus
    `source_line` (Int64, the row a spreadsheet shows); `rejected` holds one row per problem:
    line (Int64), column_name (canonical), reason (Dutch), raw_values (JSON of the source row,
    pupil-id columns left out)."""

    canonical: pl.DataFrame
    rejected: pl.DataFrame
    summary: Summary

    def __iter__(self):  # canonical, rejected, summary = apply(...)
        return iter((self.canonical, self.rejected, self.summary))


def _key(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").split()).casefold()


# ---------------------------------------------------------------- reading


def _peek_csv(path: Path, encoding: str, count: int) -> tuple[list[list[str]], str]:
    with open(path, encoding="utf-8-sig" if encoding == "utf-8" else encoding,
              newline="") as fh:
        text = fh.read(_PEEK_BYTES)
    lines = text.splitlines()[:count]
    delimiter = detect_delimiter("\n".join(lines))
    return [row for row in csv.reader(lines, delimiter=delimiter)], delimiter


def _utf8(path: Path, encoding: str, workdir: Path) -> Path:
    if encoding == "utf-8":
        return path
    target = workdir / "utf8.csv"
    decoder = codecs.getincrementaldecoder(encoding)()
    with open(path, "rb") as src, open(target, "w", encoding="utf-8", newline="") as dst:
        while chunk := src.read(1 << 20):
            dst.write(decoder.decode(chunk))
        dst.write(decoder.decode(b"", final=True))
    return target


def _csv_batches(path: Path, encoding: str, delimiter: str, header_row: int, workdir: Path,
                 size: int) -> Iterator[pl.DataFrame]:
    """The records from the header row on, in batches of `size`, as text columns."""
    readable = _utf8(path, encoding, workdir)
    lazy = pl.scan_csv(readable, has_header=False, separator=delimiter, infer_schema=False,
                       skip_rows=header_row - 1, truncate_ragged_lines=True, quote_char='"',
                       encoding="utf8-lossy")
    try:
        yield from lazy.collect_batches(chunk_size=size)
    except pl.exceptions.PolarsError as exc:
        raise FileRejected(path, f"het bestand kan niet als CSV gelezen worden ({exc}).") from None


def _names(header: tuple) -> list[str]:
    """Column names from the header row's cells: trimmed, `kolom N` for an empty one, a repeated
    name made unique with `_`."""
    names, seen = [], set()
    for i, cell in enumerate(header):
        name = str(cell or "").replace("\ufeff", "").strip() or f"kolom {i + 1}"
        while _key(name) in seen:
            name += "_"
        seen.add(_key(name))
        names.append(name)
    return names


def _named(records: Iterator[pl.DataFrame], header_row: int) -> Iterator[pl.DataFrame]:
    """The records (the header row first) as data rows: columns named after the header row,
    rows numbered as a spreadsheet does (`source_line`), every value trimmed, empty values
    null."""
    names: list[str] | None = None
    line = header_row + 1
    for batch in records:
        if names is None:
            names = _names(batch.row(0)) if batch.height else []
            batch = batch.slice(1)
        data = batch.rename(dict(zip(batch.columns, names, strict=True)))
        yield data.select(
            pl.int_range(line, line + data.height, dtype=pl.Int64).alias(LINE),
            *(pl.col(c).cast(pl.String).str.strip_chars().replace("", None).alias(c)
              for c in names),
        )
        line += data.height


# ---------------------------------------------------------------- the layout of a file


def _fits(layout: Layout, row: list[str]) -> bool:
    cells = {_key(str(c or "")) for c in row}
    return all(_key(s) in cells for s in layout.source_columns())


def _choose(profile: Profile, path: Path, rows: list[list[str]],
            entity: str | None) -> tuple[Layout, int]:
    layouts = [lo for lo in profile.layouts if entity in (None, lo.entity.name)]
    named = [lo for lo in layouts
             if any(fnmatch.fnmatch(path.name.lower(), g.lower()) for g in lo.match)]
    fitting = []
    for layout in named or layouts:
        if layout.header_row is not None:
            index = layout.header_row - 1
            if index < len(rows) and _fits(layout, rows[index]):
                fitting.append((layout, layout.header_row))
            continue
        for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
            if _fits(layout, row):
                fitting.append((layout, index + 1))
                break
    if fitting:  # the most specific layout: the one that uses most source columns
        return max(fitting, key=lambda f: (len(f[0].source_columns()), -f[0].number))
    if not layouts:
        raise FileRejected(path, f"profiel {profile.name} heeft geen indeling voor {entity}.")
    nearest = max(named or layouts, key=lambda lo: max(
        (sum(_key(s) in {_key(str(c or "")) for c in row} for s in lo.source_columns())
         for row in rows), default=0))
    found = {_key(str(c or "")) for row in rows for c in row}
    missing = [s for s in nearest.source_columns() if _key(s) not in found]
    raise FileRejected(path, f"past bij geen indeling van profiel {profile.name}: in de eerste "
                       f"{HEADER_SEARCH_ROWS} rijen staat geen kopregel met de kolommen van "
                       f"indeling {nearest.number} ({nearest.entity.name}); er ontbreken: "
                       f"{', '.join(missing)}.")


def open_rows(path: Path, workdir: Path, pick: Callable[[list[list[str]]], tuple[T, int]],
              peek: int = HEADER_SEARCH_ROWS
              ) -> tuple[T, int, Callable[[int], Iterator[pl.DataFrame]]]:
    """Open an export (CSV in UTF-8, UTF-8 with BOM or Windows-1252, `,` `;` or tab; or the
    first sheet of an .xlsx) for reading as text. `pick` gets the first `peek` rows as lists of
    cells and returns (anything, the 1-based header row). Returns that, the header row, and a
    function that yields the rows under the header in batches of a given size, as trimmed text
    (null for empty) plus `source_line` (a CSV is read as a stream; `workdir` must outlive the
    batches: a Windows-1252 file is decoded into it). FileRejected (Dutch) when the file cannot
    be read."""
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES + EXCEL_SUFFIXES:
        raise FileRejected(path, f"bestandstype '{suffix}' wordt niet ondersteund (.csv of .xlsx).")
    if not path.is_file() or path.stat().st_size == 0:
        raise FileRejected(path, "het bestand is leeg." if path.is_file() else
                           "dit is geen gewoon bestand.")
    if suffix in EXCEL_SUFFIXES:
        sheet, skipped = excel_sheet(path), excel_first_row(path) - 1
        rows = [*([[]] * min(skipped, peek)),
                *([str(v or "") for v in sheet.row(i)] for i in range(min(sheet.height, peek)))]
        picked, header_row = pick(rows[:peek])
        records = sheet.slice(header_row - 1 - skipped)

        def sheet_batches(size: int) -> Iterator[pl.DataFrame]:
            yield from _named((records.slice(i, size)
                               for i in range(0, max(records.height, 1), size)), header_row)

        return picked, header_row, sheet_batches
    encoding = detect_encoding(path)
    rows, delimiter = _peek_csv(path, encoding, peek)
    picked, header_row = pick(rows)

    def csv_batches(size: int) -> Iterator[pl.DataFrame]:
        yield from _named(_csv_batches(path, encoding, delimiter, header_row, workdir, size),
                          header_row)

    return picked, header_row, csv_batches


def read_rows(path: Path, workdir: Path, pick: Callable[[list[list[str]]], tuple[T, int]],
              peek: int = HEADER_SEARCH_ROWS) -> tuple[T, int, pl.DataFrame]:
    """`open_rows`, with all rows read into one frame (for previews and drafts)."""
    picked, header_row, batches = open_rows(path, workdir, pick, peek)
    return picked, header_row, pl.concat(list(batches(BATCH_ROWS)), how="vertical")


# ---------------------------------------------------------------- expressions


def read_dates(values: pl.Series, formats: tuple[str, ...]) -> pl.Series:
    """Text to Date by the first of `formats` that reads it (a time part is dropped); a year
    below 100 (`%Y` reading `24`) is never taken: the next format may read it (`%y`). ISO
    dates (as Excel date cells give them) are always read. A Date series of the same length
    and name."""
    if values.str.contains(":", literal=True).any():  # the regex only where a time may be
        values = values.str.replace(TIME_PART, "")     # (it cost three times the parse)
    parsed = (pl.col("v").str.to_date(f, strict=False) for f in (*formats, "%Y-%m-%d"))
    return values.to_frame("v").select(pl.coalesce(
        pl.when(d.dt.year() >= 100).then(d) for d in parsed)).to_series().alias(values.name)


def _number(expr: pl.Expr, decimal: str | None) -> pl.Expr:
    if decimal == ",":
        return expr.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True)
    if decimal == ".":
        return expr.str.replace_all(",", "", literal=True)
    return expr


def _amount(value: str | int, resolve) -> pl.Expr:
    """A whole number of days or years: a literal, or a column read as a number."""
    if isinstance(value, int):
        return pl.lit(value, dtype=pl.Int64)
    return resolve(value).str.replace(",", ".", literal=True).cast(
        pl.Float64, strict=False).round(0).cast(pl.Int64)


class _Builder:
    """Builds the canonical columns of one layout on a frame of source text columns, one
    column at a time (`_c_NAME`, with `_p{i}` reasons and `_d_NAME` derived flags), so a later
    derivation reads a finished column instead of recomputing it."""

    def __init__(self, profile: Profile, layout: Layout, frame: pl.DataFrame,
                 pupil_keys: dict[str, tuple[str, ...] | None]):
        self.profile, self.layout, self.frame = profile, layout, frame
        self.pupil_keys = pupil_keys  # keys the loader completes (`_pupil_key_parts`)
        self.source = {_key(c): c for c in frame.columns if c != LINE}
        self.made: list[str] = []
        self.iso: set[str] = set()  # canonical columns already holding ISO dates
        self.problems: list[str] = []  # canonical column of each `_p{i}` reason column
        self.derived: list[str] = []  # canonical columns with a `_d_NAME` flag column

    def col(self, name: str) -> pl.Expr:
        """A canonical column made so far, else the source column of that name."""
        return pl.col(f"_c_{name}" if name in self.made else self.source[_key(name)])

    def _add(self, **columns: pl.Expr) -> None:
        self.frame = self.frame.with_columns(**columns)

    def _problem(self, canonical: str, reason: pl.Expr) -> None:
        self._add(**{f"_p{len(self.problems)}": reason})
        self.problems.append(canonical)

    def dates(self, name: str, formats: tuple[str, ...]) -> pl.Series:
        """Column `name` as dates. The formats that read a sample of it are tried on every row
        first; the rows still unread get all `formats` (so a mixed file costs little)."""
        if name in self.iso:
            return self.frame.select(self.col(name).str.to_date("%Y-%m-%d", strict=False)
                                     ).to_series()
        values = self.frame.select(self.col(name)).to_series()
        sample = values.drop_nulls().head(1000)
        likely = tuple(f for f in formats
                       if read_dates(sample, (f,)).is_not_null().any()) or formats
        parsed = read_dates(values, likely)
        unread = parsed.is_null() & values.is_not_null()
        if likely != formats and unread.any():
            parsed = parsed.scatter(unread.arg_true(),
                                    read_dates(values.filter(unread), formats))
        return parsed

    def map(self, canonical: str, source: str) -> None:
        raw = pl.col(self.source[_key(source)])
        column = self.layout.entity.column(canonical)
        if canonical in self.layout.values:
            table = {k.strip().casefold(): v for k, v in self.layout.values[canonical].items()}
            seen = self.frame.get_column(self.source[_key(source)]).unique().drop_nulls()
            found = {v: table.get(v.casefold(), _UNMAPPED) for v in seen}  # few distinct values
            self._add(_code=raw.replace_strict(list(found), list(found.values()),
                                               default=_UNMAPPED, return_dtype=pl.String))
            unmapped = raw.is_not_null() & (pl.col("_code") == _UNMAPPED)
            self._problem(canonical, pl.when(unmapped).then(pl.format(
                "waarde '{}' in kolom {} heeft geen vertaling in profiel {}", raw,
                pl.lit(source), pl.lit(self.profile.name))))
            self._add(**{f"_c_{canonical}": pl.when(raw.is_null() | unmapped).then(None)
                         .otherwise(pl.col("_code").replace("", None))})
            self.frame = self.frame.drop("_code")
        elif column.kind == "date" and self.layout.date_formats:
            self._add(_date=self.dates(source, self.layout.date_formats))
            self._problem(canonical, pl.when(raw.is_not_null() & pl.col("_date").is_null()).then(
                pl.format("datum '{}' in kolom {} past bij geen datumnotatie van profiel {} "
                          "({})", raw, pl.lit(source), pl.lit(self.profile.name),
                          pl.lit(", ".join(self.layout.date_formats)))))
            self._add(**{f"_c_{canonical}": pl.col("_date").dt.to_string("%Y-%m-%d")})
            self.frame = self.frame.drop("_date")
            self.iso.add(canonical)
        elif column.kind in ("int", "number") and self.layout.decimal:
            self._add(**{f"_c_{canonical}": _number(raw, self.layout.decimal)})
        else:
            self._add(**{f"_c_{canonical}": raw})
        self.made.append(canonical)

    def derive(self, d: Derivation) -> None:
        o, target = d.options, f"_c_{d.column}"
        if d.op == "fill":
            current = pl.col(target) if d.column in self.made else pl.lit(None, pl.String)
            gap = current.is_null()
            if "when" in o:
                gap = gap & self.col(o["when"]).is_not_null()
            self._add(**{f"_d_{d.column}": gap})
            self._add(**{target: pl.when(pl.col(f"_d_{d.column}")).then(pl.lit(d.arg))
                         .otherwise(current)})
        else:
            if d.op == "value":
                expr = self.col(d.arg)
                if "first" in o:
                    expr = expr.str.replace_all(" ", "", literal=True).str.slice(0, o["first"])
                if "pad" in o:
                    expr = expr.str.zfill(o["pad"])
                expr = pl.lit(o.get("prefix", "")) + expr
            elif d.op == "key" and d.column in self.pupil_keys:  # the loader puts the
                rest = [self.col(p).fill_null("") for p in self.pupil_keys[d.column] or ()]
                expr = pl.concat_str(rest, separator=o.get("separator", "|")) if rest else \
                    pl.lit("")                            # pupil's pseudonym in front
            elif d.op == "key":
                parts = [self.col(p) for p in d.arg]
                joined = pl.concat_str([p.fill_null("") for p in parts],
                                       separator=o.get("separator", "|"))
                expr = pl.when(pl.any_horizontal(p.is_not_null() for p in parts)).then(joined)
            else:  # date
                when = pl.lit(self.dates(d.arg, self.layout.date_formats or _DEFAULT_DATES))
                if "plus_years" in o:
                    when = when.dt.offset_by(pl.format("{}y", _amount(o["plus_years"], self.col)))
                if "plus_days" in o:
                    when = when + pl.duration(days=_amount(o["plus_days"], self.col))
                if "minus_days" in o:
                    when = when - pl.duration(days=_amount(o["minus_days"], self.col))
                expr = when.dt.to_string("%Y-%m-%d")
                self.iso.add(d.column)
            self._add(**{target: expr})
            self._add(**{f"_d_{d.column}": pl.col(target).is_not_null()})
        if d.column not in self.made:
            self.made.append(d.column)
        if d.column not in self.derived:
            self.derived.append(d.column)

    def build(self) -> pl.DataFrame:
        """The frame with every canonical, reason and flag column added."""
        for canonical, source in self.layout.columns.items():
            self.map(canonical, source)
        for canonical, value in self.layout.constants.items():
            self._add(**{f"_c_{canonical}": pl.lit(value, dtype=pl.String)})
            self.made.append(canonical)
        for d in self.layout.derive:
            self.derive(d)
        return self.frame


def made_columns(layout: Layout) -> set[str]:
    """The canonical columns a layout makes: mapped, constant or derived."""
    return {*layout.columns, *layout.constants, *(d.column for d in layout.derive)}


def _pupil_source(layout: Layout) -> str | None:
    """The source column (key) pupil_id is, as it stands: mapped, or derived as its `value`
    without options; None when pupil_id is made otherwise or not at all."""
    if "pupil_id" in layout.columns:
        return _key(layout.columns["pupil_id"])
    plain = [d for d in layout.derive if d.column == "pupil_id" and d.op == "value"
             and not d.options and isinstance(d.arg, str)]
    return _key(plain[0].arg) if plain else None


def _pupil_key_parts(layout: Layout) -> dict[str, tuple[str, ...] | None]:
    """`pupil_keys`, with the other parts of each key (None: the column is the pupil id)."""
    pupil = _pupil_source(layout)
    if pupil is None:
        return {}
    hidden = {c.name for c in layout.entity.columns if c.pseudonymised}
    held = {_key(n) for c, s in layout.columns.items() if c not in hidden for n in (c, s)
            if _key(s) != pupil}
    out: dict[str, tuple[str, ...] | None] = {
        c: None for c, s in layout.columns.items() if c not in hidden and _key(s) == pupil}
    for d in layout.derive:
        if d.column in hidden or d.column in layout.columns:
            continue
        if d.op == "value" and not d.options and _key(str(d.arg)) == pupil:
            out[d.column] = None
        elif d.op == "key":
            own = [p for p in d.arg if _key(p) in (pupil, "pupil_id")]
            rest = tuple(p for p in d.arg if p not in own)
            if len(own) == 1 and all(_key(p) in held for p in rest):
                out[d.column] = rest
    return out


def pupil_keys(layout: Layout, parts: dict[str, tuple[str, ...] | None]
               ) -> dict[str, str | None]:
    """Canonical columns the loader builds from the pupil's pseudonym, each with the separator
    it puts between the pseudonym and the column's own value (None: the column is the pupil's
    pseudonym itself, e.g. an episode numbered by the pupil's register number). Such a column
    is the pupil id as it stands, or a `key` of the pupil id and values the row holds anyway
    (sources mapped to its other columns, such as a request date and type); the translation
    then gives the key without the pupil id, and the loader puts the pseudonym in front. So a
    row costs one HMAC instead of two, and the key shows nothing the row does not. Any other
    column built from a pupil id is pseudonymised whole (`pupil_sources`). `parts` is
    `_pupil_key_parts(layout)`."""
    separators = {d.column: str(d.options.get("separator", "|")) for d in layout.derive}
    return {c: None if rest is None else separators[c] for c, rest in parts.items()}


def pupil_sources(layout: Layout, keyed: Collection[str] = ()
                  ) -> tuple[set[str], tuple[str, ...]]:
    """Source columns (keys) that carry a pupil id, and the non-pseudonymised canonical
    columns built from them (to be pseudonymised too, e.g. a key from the pupil number),
    except `keyed`, the `pupil_keys` the loader builds (then only e.g. a key from the pupil
    number and a birth date remains)."""
    deps: dict[str, set[str]] = {c: {_key(s)} for c, s in layout.columns.items()}
    for d in layout.derive:
        found = deps.get(d.column, set())
        for name in d.inputs():
            found |= deps.get(name, {_key(name)})
        deps[d.column] = found
    pseudonymised = {c.name for c in layout.entity.columns if c.pseudonymised}
    tainted = set().union(*(deps.get(c, set()) for c in pseudonymised))
    extra = tuple(c for c in deps
                  if c not in pseudonymised and c not in keyed and deps[c] & tainted)
    return tainted, extra


# ---------------------------------------------------------------- apply


def _drops(layout: Layout, values: list[str]) -> list[tuple[str, pl.Expr]]:
    """The reasons a row is dropped (never loaded, never quarantined), each with its test."""
    first = pl.coalesce([pl.col(c) for c in values]) if values else pl.lit(None)
    drops = [("lege regel", first.is_null()),
             ("totaal- of voetregel", first.str.contains(TOTALS_RX))]
    drops += [(f"eerste cel past bij '{p.pattern}' (drop_rows)", first.str.contains(p.pattern))
              for p in layout.drop_rows]
    for canonical, listed in layout.skip.items():
        source = layout.columns[canonical]
        raw = pl.col(next(c for c in values if _key(c) == _key(source)))
        lowered = [v.strip().casefold() for v in listed]
        drops.append((f"kolom {source} is {' of '.join(repr(v) for v in listed)}",
                      raw.str.to_lowercase().is_in(lowered)))
    return drops


def _add_counts(into: dict[str, int], counts: dict[str, int]) -> None:
    for key, n in counts.items():
        into[key] = into.get(key, 0) + n


@dataclass
class Translation:
    """An export opened with its profile's layout (see `translate`); `batches` translates it
    batch by batch and adds what it did to `summary` as it goes (complete once the batches are
    read to the end). `key_parts`: the keys it gives without their pupil id, each with its
    other parts (`_pupil_key_parts`; empty for a preview, which gives keys whole)."""

    profile: Profile
    layout: Layout
    summary: Summary
    records: Callable[[int], Iterator[pl.DataFrame]]
    key_parts: dict[str, tuple[str, ...] | None] = field(default_factory=dict)

    def batches(self, size: int = BATCH_ROWS) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
        """(canonical, rejected) per batch of `size` source rows, in file order: canonical
        holds the entity's text columns the layout makes, in schema order, plus `source_line`;
        rejected one row per problem (`REJECTED_COLUMNS`)."""
        for frame in self.records(size):
            yield self._translate(frame)

    def _translate(self, frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
        layout, summary = self.layout, self.summary
        summary.rows_read += frame.height
        values = [c for c in frame.columns if c != LINE]
        drops = _drops(layout, values)
        flags = frame.select(expr.fill_null(False).alias(str(i))
                             for i, (_, expr) in enumerate(drops))
        taken, counts = pl.repeat(False, frame.height, eager=True), {}
        for (why, _), flag in zip(drops, flags.iter_columns(), strict=True):
            hit = flag & ~taken  # a row counts once, for its first reason
            counts[why] = int(hit.sum())
            taken = taken | hit
        _add_counts(summary.dropped, counts)
        builder = _Builder(self.profile, layout, _without(frame, taken), self.key_parts)
        out = builder.build()
        tainted = pupil_sources(layout)[0]
        order = [c for c in layout.entity.column_names if c in builder.made]
        checked = [f"_p{i}" for i in range(len(builder.problems))]
        bad = (pl.any_horizontal(pl.col(c).is_not_null() for c in checked) if checked
               else pl.lit(False))
        good = _without(out, bad)
        if builder.derived:
            counted = good.select(pl.col(f"_d_{c}").sum() for c in builder.derived)
            _add_counts(summary.derived, dict(zip(builder.derived, map(int, counted.row(0)),
                                                  strict=True)))
        keep = [c for c in values if _key(c) not in tainted]
        raw = pl.struct(keep).struct.json_encode() if keep else pl.lit("{}")
        rejected = out.filter(bad).select(
            pl.col(LINE).alias("line"), raw.alias("raw_values"),
            *(pl.struct(pl.lit(builder.problems[i]).alias("column_name"),
                        pl.col(c).alias("reason")).alias(c) for i, c in enumerate(checked)),
        )
        if checked:
            rejected = rejected.unpivot(checked, index=["line", "raw_values"]).unnest("value") \
                .drop_nulls("reason").sort("line", "variable").select(*REJECTED_COLUMNS)
        else:
            rejected = pl.DataFrame(schema={"line": pl.Int64, "column_name": pl.String,
                                            "reason": pl.String, "raw_values": pl.String})
        canonical = good.select(*(pl.col(f"_c_{c}").alias(c) for c in order), pl.col(LINE))
        summary.rows_out += canonical.height
        summary.rows_rejected += out.height - canonical.height
        if order:
            unknown = canonical.select((pl.col(c) == UNKNOWN).sum() for c in order).row(0)
            _add_counts(summary.unknown, {c: n for c, n in zip(order, unknown, strict=True) if n})
        return canonical, rejected


def _without(frame: pl.DataFrame, flagged: pl.Expr | pl.Series) -> pl.DataFrame:
    """The rows of `frame` where `flagged` (an expression, or a mask) is not true; the frame
    itself when there are none (the common case: a filter would copy every column)."""
    mask = flagged if isinstance(flagged, pl.Series) else frame.select(
        flagged.fill_null(False)).to_series()
    return frame.filter(~mask) if mask.any() else frame


def translate(profile: Profile, path: str | Path, entity: str | None, workdir: Path,
              split_keys: bool = False) -> Translation:
    """Open one export with `profile` (see etl.profiles.model): its layout is chosen from the
    first rows now; the rows are read and translated as `Translation.batches` runs, so a
    national export never sits in memory whole. `entity` restricts the layouts to that
    canonical entity; `workdir` must outlive the batches. With `split_keys` (the loader), a key
    of `pupil_keys` is given without its pupil id, which the loader puts in front as the
    pupil's pseudonym; without (previews), keys are whole. Raises FileRejected (Dutch, naming
    the file) when the file cannot be read or no layout fits its header."""
    path = Path(path)
    layout, header_row, records = open_rows(
        path, workdir, lambda rows: _choose(profile, path, rows, entity),
        max((lo.header_row or 0 for lo in profile.layouts), default=0) + HEADER_SEARCH_ROWS)
    parts = _pupil_key_parts(layout) if split_keys else {}
    summary = Summary(profile.name, path.name, layout.entity.name, layout.number, header_row,
                      also_pseudonymise=pupil_sources(layout, parts)[1],
                      pupil_keys=pupil_keys(layout, parts))
    return Translation(profile, layout, summary, records, parts)


def apply(profile: Profile, path: str | Path, entity: str | None = None) -> Applied:
    """Turn one export into canonical rows with `profile`, all at once (for previews, drafts
    and tests; the loader streams with `translate`). Returns `Applied(canonical, rejected,
    summary)` (unpacks as a 3-tuple). Raises FileRejected as `translate`."""
    with tempfile.TemporaryDirectory(prefix="pib-profile-") as workdir:
        translation = translate(profile, path, entity, Path(workdir))
        parts = list(translation.batches())
    canonical = pl.concat([c for c, _ in parts], how="vertical")
    rejected = pl.concat([r for _, r in parts], how="vertical")
    order = [c for c in canonical.columns if c != LINE]
    return Applied(canonical.select(*order, LINE), rejected, translation.summary)
