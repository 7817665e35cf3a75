"""Importer for CBS StatLine table 85701NED: pupils per school type and municipality.

The raw export (`;`, quoted, UTF-8 with BOM) has one row per sex, school type (`Onderwijssoort`),
period (`2022/'23`, provisional `2023/'24*`) and municipality NAME on the classification of the
year the period starts. The importer keeps the five school types of the `participation` query,
matches each name to its CBS code for that year, carries old municipalities into today's (see
`etl.municipality_names`) and sums, so every school year is on today's codes. The aggregate
row `Gemeenten; niet in te delen` stays a region of its own (`NID`): it belongs to the national
total but to no municipality. Empty cells (municipalities that did not exist that year) are
skipped; rows that cannot be used go to `quarantine` with a reason.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from etl.importers.base import FileReport, Importer, Opened, Run
from etl.importers.bookkeeping import Entry
from etl.municipality_names import municipalities
from etl.readers import FileRejected, detect_encoding, sha256_of
from etl.schema import Entity

ENTITY = "participation"
HEADER = ("Geslacht", "Onderwijssoort", "Perioden", "Regiokenmerken")
VALUE = "Leerlingen/studenten (aantal)"
COLUMNS = ("sex", "kind", "period", "name", "pupils")
BOTH_SEXES = "Totaal mannen en vrouwen"
NOT_ASSIGNABLE = "Gemeenten; niet in te delen"
NID = "NID"
SCHOOL_TYPES = {
    "basisonderwijs": "bao",
    "speciaal basisonderwijs": "sbo",
    "speciaal onderwijs": "so",
    "voortgezet speciaal onderwijs": "vso",
    "totaal voortgezet onderwijs": "vo",
    # totals of the types above, not used
    "totaal (speciaal) basisonderwijs": None,
    "totaal (voortgezet) speciaal onderwijs": None,
}
_PERIOD = r"^(\d{4})/'(\d{2})(\*?)$"
_LINE = "line"


@dataclass
class CbsReport(FileReport):
    """A FileReport plus what the summary of an 85701NED load names."""

    school_years: list[str] = field(default_factory=list)
    provisional: list[str] = field(default_factory=list)
    regions: int = 0
    unmatched: list[str] = field(default_factory=list)  # `name (school year)` without a code

    def summary(self) -> str:
        years = (f"{self.school_years[0]} t/m {self.school_years[-1]}"
                 if self.school_years else "geen")
        voorlopig = f" (voorlopig: {', '.join(self.provisional)})" if self.provisional else ""
        return (f"CBS 85701NED: {self.rows_read} rijen gelezen, {self.rows_loaded} rijen "
                f"geladen; schooljaren {years}{voorlopig}; {self.regions} regio's; niet "
                f"herkende gemeentenamen: {', '.join(self.unmatched) or 'geen'}.")


@dataclass
class Participation:
    """The outcome of `transform`."""

    rows: pl.DataFrame  # school_year, municipality_code, school_type, pupils, provisional
    rejected: pl.DataFrame  # line, column_name, reason, raw_values
    unmatched: list[str]
    warnings: list[str]


def is_cbs_85701(path: Path) -> bool:
    """True when the file starts with the header of a StatLine 85701NED export."""
    try:
        with open(path, "rb") as fh:
            first = fh.readline(4096).decode("utf-8-sig", errors="replace")
        header = next(csv.reader([first.rstrip("\r\n")], delimiter=";"), [])
    except (OSError, csv.Error):
        return False
    return len(header) == len(COLUMNS) and tuple(h.strip() for h in header[:4]) == HEADER


def read_export(path: Path) -> pl.DataFrame:
    """The export as text columns `COLUMNS` plus its line number; FileRejected when it is not
    an 85701NED export."""
    if not is_cbs_85701(path):
        raise FileRejected(path, "dit is geen export van CBS-tabel 85701NED (verwacht de kop "
                                 + ";".join([*HEADER, VALUE]) + ").")
    source: Path | bytes = path
    if detect_encoding(path) != "utf-8":
        source = path.read_bytes().decode("cp1252").encode()
    try:
        raw = pl.read_csv(source, separator=";", infer_schema=False, quote_char='"',
                          encoding="utf8")
    except pl.exceptions.PolarsError as exc:
        raise FileRejected(path, f"het bestand is geen geldige CSV ({exc})") from exc
    return raw.rename(dict(zip(raw.columns, COLUMNS, strict=True))).with_row_index(
        _LINE, offset=2
    )


def _reject(frame: pl.DataFrame, column: str, reason: pl.Expr) -> pl.DataFrame:
    return frame.select(
        pl.col(_LINE).cast(pl.Int64), pl.lit(column).alias("column_name"),
        reason.alias("reason"), pl.struct(COLUMNS).struct.json_encode().alias("raw_values"),
    )


def _typed(raw: pl.DataFrame) -> pl.DataFrame:
    """Text columns plus `type` (null: a totals row; `?`: unknown), `year` (start year, null
    when the period is no school year), `school_year`, `provisional` and `count`."""
    kind = (pl.col("kind").str.replace_all(r"\s+", " ").str.strip_chars().str.to_lowercase()
            .str.replace(r"\bondewijs\b", "onderwijs"))
    period = pl.col("period").str.strip_chars()
    start = period.str.extract(_PERIOD, 1).cast(pl.Int32)
    return raw.with_columns(
        kind.replace_strict(SCHOOL_TYPES, default="?", return_dtype=pl.String).alias("type"),
        pl.when(period.str.extract(_PERIOD, 2).cast(pl.Int32) == (start + 1) % 100)
        .then(start).alias("year"),
        period.str.ends_with("*").alias("provisional"),
        pl.col("pupils").str.strip_chars().alias("value"),
        pl.col("name").str.strip_chars(),
    ).with_columns(
        pl.format("{}-{}", "year", pl.col("year") + 1).alias("school_year"),
        pl.col("value").cast(pl.Int64, strict=False).alias("count"),
    )


def _checked(used: pl.DataFrame) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    """The rows that pass every check, and the rejected ones with their reasons."""
    rejected = []
    for cond, column, reason in (
        (pl.col("type") == "?", "Onderwijssoort",
         pl.format("onbekende onderwijssoort '{}'", "kind")),
        (pl.col("year").is_null(), "Perioden",
         pl.format("periode '{}' is geen schooljaar als 2022/'23", "period")),
        (pl.col("count").is_null() | (pl.col("count") < 0), VALUE,
         pl.format("'{}' is geen aantal", "value")),
        (pl.len().over("type", "school_year", "name") > 1, "Regiokenmerken",
         pl.lit("onderwijssoort, periode en regio komen meer dan eens voor")),
    ):
        flagged = used.with_columns(cond.alias("_bad"))
        rejected.append(_reject(flagged.filter("_bad"), column, reason))
        used = flagged.filter(~pl.col("_bad")).drop("_bad")
    return used, rejected


def transform(raw: pl.DataFrame) -> Participation:
    """Export rows (as from `read_export`) to participation rows on today's codes."""
    ref = municipalities()
    frame = _typed(raw)
    # Only both sexes, only the five types, only filled cells: the rest is not used.
    both = pl.col("sex").str.strip_chars() == BOTH_SEXES
    used, rejected = _checked(frame.filter(
        both & pl.col("type").is_not_null() & (pl.col("value").fill_null("") != "")
    ))
    warnings = []
    if skipped := frame.filter(~both).height:
        warnings.append(f"{skipped} rijen voor alleen jongens of meisjes overgeslagen.")

    pairs = used.select("name", "year").unique()
    matched = ref.match(pairs.filter(pl.col("name") != NOT_ASSIGNABLE))
    unmatched_pairs = matched.filter(pl.col("code").is_null()).sort("name", "year")
    codes = pl.concat([
        matched.filter(pl.col("code").is_not_null()),
        pairs.filter(pl.col("name") == NOT_ASSIGNABLE).with_columns(
            pl.lit(None, pl.String).alias("code"), pl.lit(NID).alias("municipality_code")
        ),
    ])
    no_code = used.join(unmatched_pairs, on=["name", "year"], how="semi")
    rejected.append(_reject(no_code, "Regiokenmerken", pl.format(
        "gemeentenaam '{}' komt niet voor in de CBS-gemeentelijst van {}", "name", "year"
    )))
    located = used.join(codes, on=["name", "year"], how="inner")
    rows = (
        located.group_by("school_year", "municipality_code", pl.col("type").alias("school_type"))
        .agg(pl.col("count").sum().alias("pupils"), pl.col("provisional").any())
        .sort("school_year", "municipality_code", "school_type")
    )
    split = (
        located.filter(pl.col("code").is_in(list(ref.splits)))
        .group_by("code", "municipality_code")
        .agg(pl.col("school_year").min().alias("first"), pl.col("school_year").max().alias("last"))
        .sort("code")
    )
    warnings += [
        f"{ref.splits[code]} is later opgesplitst; de aantallen van {first}"
        f"{'' if first == last else f' t/m {last}'} tellen volledig mee bij {municipality}, "
        "de gemeente die het grootste deel kreeg."
        for code, municipality, first, last in split.iter_rows()
    ]
    unmatched = [f"{name} ({year}-{year + 1})"
                 for name, year in unmatched_pairs.select("name", "year").iter_rows()]
    warnings += [f"gemeentenaam niet herkend, rijen in quarantaine: {u}." for u in unmatched]
    return Participation(rows, pl.concat(rejected).sort(_LINE), unmatched, warnings)


class Cbs85701Importer(Importer):
    """CBS StatLine 85701NED exports, recognised by their header."""

    name = "cbs-85701"
    description = "CBS-deelname, StatLine-tabel 85701NED"

    def recognise(self, path: Path) -> bool:
        return is_cbs_85701(path)

    def open(self, path: Path, workdir: Path, entity: Entity | None = None) -> Opened:
        return Opened(path, ENTITY, sha256_of(path))

    def import_(self, con: duckdb.DuckDBPyConnection, opened: Opened, run: Run) -> CbsReport:
        """The school years in the file replace the ones in `participation`."""
        path = opened.path
        rep = CbsReport(path.name, ENTITY)
        entry = Entry(con, rep, self.name, opened.key)
        raw = read_export(path)
        rep.rows_read = raw.height
        result = transform(raw)
        rows = result.rows.with_columns(  # noqa: F841 — read by DuckDB by name
            pl.lit(entry.load_id).alias("load_id"))
        con.execute("delete from participation where school_year in "
                    "(select distinct school_year from rows)")
        con.execute("insert into participation by name select * from rows")
        entry.quarantine(result.rejected, _LINE)
        rep.rows_loaded = result.rows.height
        rep.school_years = sorted(set(result.rows["school_year"]))
        rep.provisional = sorted(set(result.rows.filter("provisional")["school_year"]))
        rep.regions = result.rows["municipality_code"].n_unique()
        rep.unmatched = result.unmatched
        entry.finish(" ".join([*result.warnings, rep.summary()]))
        rep.warnings = [f"{path.name}: {w}" for w in result.warnings]
        return rep
