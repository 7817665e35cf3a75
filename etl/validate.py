"""Typing and validating batches of text rows against the canonical schema.

Parsing (the date grammar of `etl.dates`, the number grammar of `etl.numbers`, `ja/nee`
booleans, municipality codes of `etl.municipalities`) is done with Polars expressions, under the
file's `FileRules`; the row rules are checked by a dataframely schema generated from `etl.schema`.
Every failing row comes back with the column(s) and a Dutch reason; nothing is dropped.

Most values are written the common way (`2024-03-01`, `12`, `true`, a known code): a cheap parse
types those, and only the values it leaves empty go through the full parse (`parse_expr`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache

import dataframely as dy
import polars as pl

from etl.dates import common_format, date_reason, parse_date, quick_date, window_reason
from etl.filerules import FileRules
from etl.municipalities import today_code, unknown_reason
from etl.numbers import COMMA, POINT, number_reason, parse_int, parse_number
from etl.readers import LINE, PROBLEM, PROBLEM_COLUMN
from etl.schema import UNKNOWN, Column, Entity
from etl.schoolyear import PATTERN

TRUE_WORDS = ("true", "1", "ja", "j", "yes", "waar", "x")
FALSE_WORDS = ("false", "0", "nee", "n", "no", "onwaar")
_WORDS = {**dict.fromkeys(TRUE_WORDS, True), **dict.fromkeys(FALSE_WORDS, False)}
_PARSE_REASON = {
    "int": "geen geheel getal",
    "bool": "geen ja/nee-waarde (true/false, 1/0, ja/nee)",
}
_PARSED = ("date", "int", "number", "bool", "municipality")  # kinds whose values can fail
_EXCEL_DAY_ZERO = date(1899, 12, 30)
_EXCEL_SERIAL = r"^\d{1,7}(\.\d+)?$"


def _text(name: str) -> pl.Expr:
    return pl.col(name).str.strip_chars().replace("", None)


def parse_expr(column: Column, rules: FileRules) -> pl.Expr:
    """The typed value of a text column under the file's rules; null where empty or
    unparseable."""
    raw = pl.col(column.name) if rules.trimmed else _text(column.name)
    match column.kind:
        case "date":
            value = parse_date(raw, rules.date_formats)
        case "int":
            value = parse_int(raw, rules.mark)
        case "number":
            value = parse_number(raw, rules.mark)
        case "bool":
            word = raw.str.to_lowercase()
            value = (
                pl.when(word.is_in(TRUE_WORDS)).then(True)
                .when(word.is_in(FALSE_WORDS)).then(False)
            )
        case "code":
            value = raw.str.to_lowercase()
        case "municipality":
            value = today_code(raw, rules.codes)
        case _:
            value = raw
    if column.default is not None:
        value = pl.when(raw.is_null()).then(pl.lit(column.default)).otherwise(value)
    return value.alias(column.name)


def quick_parse_expr(column: Column, rules: FileRules, sample: str | None = None
                     ) -> pl.Expr | None:
    """The typed value of a column for the common spelling of a value only (null otherwise):
    where it gives a value, that is the value `parse_expr` gives. None for text columns. For a
    date column, `sample` (a value of the batch) picks the quick parse: the common spelling of
    its format (see `etl.dates.common_format`), so `01-08-2024` throughout a file takes it,
    else ISO dates. (Trying both cost a quarter of the check of such a file.)"""
    raw = pl.col(column.name)
    match column.kind:
        case "code":
            value = pl.when(raw.is_in(column.codes)).then(raw)
        case "date":
            fmt = common_format(sample, rules.date_formats) if sample else None
            if fmt not in (None, "%Y-%m-%d"):  # the batch's own spelling; an ISO date among
                value = quick_date(raw, fmt)   # them takes the full parse, which reads it
            elif "%Y-%m-%d" in rules.date_formats:
                value = pl.when(raw.str.len_bytes() == 10).then(
                    raw.str.to_date("%Y-%m-%d", strict=False))
            else:  # every value takes the full parse
                value = pl.lit(None, pl.Date)
        case "int":
            value = raw.cast(pl.Int64, strict=False)
        case "number" if rules.mark == POINT:
            number = raw.cast(pl.Float64, strict=False)
            value = pl.when(number.is_finite()).then(number)
        case "number" if rules.mark == COMMA:  # no thousands separator: `,` is the point
            number = raw.str.replace(",", ".", literal=True).cast(pl.Float64, strict=False)
            value = pl.when(number.is_finite() & ~raw.str.contains(".", literal=True)).then(
                number)
        case "number":  # no evidence: whole numbers read the same under either mark
            value = raw.cast(pl.Int64, strict=False).cast(pl.Float64)
        case "bool":
            value = raw.replace_strict(_WORDS, default=None, return_dtype=pl.Boolean)
        case "municipality":
            value = pl.when(raw == UNKNOWN).then(pl.lit(UNKNOWN)).otherwise(
                raw.replace_strict(rules.codes.today, default=None, return_dtype=pl.String))
        case _:
            return None
    if column.default is not None:
        value = pl.when(raw.is_null()).then(pl.lit(column.default)).otherwise(value)
    return value.alias(column.name)


def parse_reason(column: Column, rules: FileRules) -> pl.Expr:
    """Why a value of `column` did not parse, per row: formulas and Excel date serials get
    their own explanation."""
    raw = _text(column.name)
    reason = pl.when(raw.str.starts_with("=")).then(pl.lit(
        "bevat een formule, geen waarde; sla de berekende waarde op (formules worden nooit "
        "uitgerekend)"))
    match column.kind:
        case "date":
            serial = raw.str.contains(_EXCEL_SERIAL)
            days = raw.cast(pl.Float64, strict=False).floor().cast(pl.Int64, strict=False)
            as_date = (pl.lit(_EXCEL_DAY_ZERO) + pl.duration(days=days)).dt.strftime("%Y-%m-%d")
            return reason.when(serial & (days <= 2_958_465)).then(pl.format(
                "{} is een Excel-datumgetal (= {}), geen datum; maak de kolom in Excel op als "
                "datum (JJJJ-MM-DD) en sla opnieuw op", raw, as_date)).otherwise(
                    date_reason(raw, rules.date_formats))
        case "number":
            return reason.otherwise(number_reason(raw, rules.mark, rules.mark_source))
        case "municipality":
            return reason.otherwise(unknown_reason(raw, rules.codes))
    return reason.otherwise(pl.lit(_PARSE_REASON[column.kind]))


def _dy_column(column: Column) -> dy.Column:
    nullable = not column.required
    match column.kind:
        case "date":
            return dy.Date(nullable=nullable)
        case "int":
            return dy.Int64(nullable=nullable, min=column.minimum)
        case "number":
            return dy.Float64(nullable=nullable, min=column.minimum)
        case "bool":
            return dy.Bool(nullable=nullable)
        case "code":
            codes = list(column.codes)
            return dy.String(nullable=nullable, check=lambda c: c.is_in(codes))
        case "school_year":
            return dy.String(nullable=nullable, check=_school_year_check)
        case _:
            return dy.String(nullable=nullable)


def _school_year_check(col: pl.Expr) -> pl.Expr:
    first = col.str.slice(0, 4).cast(pl.Int32, strict=False)
    last = col.str.slice(5, 4).cast(pl.Int32, strict=False)
    return col.str.contains(PATTERN) & (last == first + 1)


@cache
def dataframely_schema(entity: Entity) -> type[dy.Schema]:
    """A dataframely schema generated from the canonical entity."""
    attrs: dict[str, object] = {LINE: dy.Int64()}
    attrs.update({c.name: _dy_column(c) for c in entity.columns})
    for rule in entity.rules:
        attrs[rule.name] = dy.rule()(lambda cls, check=rule.check: check())
    return type(f"{entity.name.title()}Schema", (dy.Schema,), attrs)


def _column_reason(column: Column, check: str) -> str:
    if check == "nullability":
        return "verplichte waarde ontbreekt"
    if check == "min":
        return f"waarde is kleiner dan {column.minimum:g}"
    if column.kind == "code":
        return "onbekende code; toegestaan: " + ", ".join(column.codes)
    if column.kind == "school_year":
        return "geen schooljaar van de vorm 2024-2025"
    return f"ongeldige waarde ({check})"


@dataclass
class Checked:
    valid: pl.DataFrame  # typed canonical columns plus LINE (as `typed_schema`)
    rejected: pl.DataFrame  # LINE, column_name, reason, raw_values (JSON of the text row)


def check_batch(
    entity: Entity, raw: pl.DataFrame,
    hide: Callable[[pl.DataFrame], pl.DataFrame] | None = None,
    rules: FileRules | None = None,
) -> Checked:
    """Type a batch of text rows under the file's `rules` (default: CONTRACT §2 for `nl`) and
    split it into valid rows and quarantined rows. Rows with a structural problem (PROBLEM,
    from the reader) are quarantined with that reason alone. `hide` (pseudonymisation) is
    applied to the text rows of the quarantined ones before their raw values are kept. What the
    rules rewrote (municipality codes) is tallied in `rules`."""
    rules = rules or FileRules()
    source, broken = raw, None
    if PROBLEM in raw.columns:
        if raw[PROBLEM].null_count() < raw.height:
            broken = raw.filter(pl.col(PROBLEM).is_not_null()).select(
                LINE, pl.col(PROBLEM_COLUMN).fill_null("(regel)").alias("column_name"),
                pl.col(PROBLEM).alias("reason"),
            )
        raw = raw.drop(PROBLEM, PROBLEM_COLUMN, strict=False)
    typed, unparsed = _typed(entity, raw, rules)
    schema = dataframely_schema(entity)
    result = schema.filter(typed.select(schema.column_names()))
    details = result.failure.details()
    problems = []  # (line, column, reason) frames
    for name, bad in unparsed.items():  # the reason is worked out for these rows only
        problems.append(bad.select(LINE, pl.lit(name).alias("column_name"),
                                   parse_reason(entity.column(name), rules).alias("reason")))
    problems += _implausible_dates(entity, typed, rules)
    _tally_municipalities(entity, raw, typed, rules)
    for rule_col in details.columns:
        if "|" in rule_col:
            name, check = rule_col.split("|", 1)
            if name == LINE:
                continue
            reason, columns = _column_reason(entity.column(name), check), [name]
        else:
            rule = next((r for r in entity.rules if r.name == rule_col), None)
            if rule is None:
                continue
            reason, columns = rule.reason, list(rule.columns)
        failed = details.filter(pl.col(rule_col) == "invalid")
        for name in columns:  # a value that did not parse is reported as such, once
            if name in unparsed:
                failed = failed.join(unparsed[name].select(LINE), on=LINE, how="anti")
        problems.append(failed.select(LINE, pl.lit(", ".join(columns)).alias("column_name"),
                                      pl.lit(reason).alias("reason")))
    if broken is not None:  # a row with a wrong number of fields: only that is reported
        problems = [p.join(broken, on=LINE, how="anti") for p in problems] + [broken]
    return _split(typed, source, problems, hide)


def _implausible_dates(entity: Entity, typed: pl.DataFrame, rules: FileRules
                       ) -> list[pl.DataFrame]:
    """Per date column: the rows whose date lies outside 2000-01-01 … load date + 1 year."""
    problems = []
    for column in (c for c in entity.columns if c.kind == "date"):
        reason = typed.select(LINE, window_reason(pl.col(column.name), rules.load_date)
                              .alias("reason")).filter(pl.col("reason").is_not_null())
        if reason.height:
            problems.append(reason.select(LINE, pl.lit(column.name).alias("column_name"),
                                          "reason"))
    return problems


def _tally_municipalities(entity: Entity, raw: pl.DataFrame, typed: pl.DataFrame,
                          rules: FileRules) -> None:
    """Count the codes replaced by today's code, and the rows with code `unknown`."""
    for column in (c for c in entity.columns if c.kind == "municipality"):
        if column.name not in raw.columns:
            continue
        new = typed[column.name]
        rules.unknown_municipality += int((new == UNKNOWN).sum())
        rewritten = pl.DataFrame({"old": raw[column.name], "new": new}).filter(
            pl.col("new").is_not_null() & (pl.col("old") != pl.col("new")))
        moved = rewritten.with_columns(rules.codes.normalise(pl.col("old")).alias("old")).filter(
            (pl.col("old") != pl.col("new")) & (pl.col("new") != UNKNOWN))
        if moved.height:
            for old, new, rows in moved.group_by("old", "new").len().iter_rows():
                rules.moved[old, new] += rows


def _typed(entity: Entity, raw: pl.DataFrame, rules: FileRules
           ) -> tuple[pl.DataFrame, dict[str, pl.DataFrame]]:
    """The typed batch, and per column of a parsed kind the raw rows whose value did not parse.
    The quick parse types every row; the full parse only the values the quick one left empty."""
    present = [c for c in entity.columns if c.name in raw.columns]
    quick = {c.name: e for c in present
             if (e := quick_parse_expr(c, rules, _sample(raw, c))) is not None}
    typed = raw.select(
        LINE,
        *[quick.get(c.name, parse_expr(c, rules)) for c in present],
        *[pl.lit(c.default).alias(c.name) for c in entity.columns if c not in present],
    ).cast({c.name: _dtype(c) for c in entity.columns})
    again = raw.select(*[(pl.col(name).is_not_null() & typed[name].is_null()).alias(name)
                         for name in quick])
    unparsed = {}
    for column in (c for c in present if c.name in quick):
        if not again[column.name].any():
            continue
        rows = raw.filter(again[column.name])
        value = rows.select(parse_expr(column, rules)).to_series().cast(_dtype(column))
        typed = typed.with_columns(typed[column.name].scatter(again[column.name].arg_true(),
                                                              value))
        failed = _text(column.name).is_not_null() & value.is_null()
        if column.kind in _PARSED and not (bad := rows.filter(failed)).is_empty():
            unparsed[column.name] = bad
    return typed, unparsed


def _sample(raw: pl.DataFrame, column: Column) -> str | None:
    """The first value among the first 1,000 of a date column (None if they are all empty, or
    for another kind)."""
    if column.kind != "date":
        return None
    values = raw[column.name].head(1000).drop_nulls()
    return values[0] if len(values) else None


def typed_schema(entity: Entity) -> pl.DataFrame:
    """An empty frame with the columns and types of `Checked.valid`."""
    return pl.DataFrame(schema={LINE: pl.Int64, **{c.name: _dtype(c) for c in entity.columns}})


def _dtype(column: Column) -> pl.DataType:
    return {"date": pl.Date(), "int": pl.Int64(), "number": pl.Float64(),
            "bool": pl.Boolean()}.get(column.kind, pl.String())


def _split(
    typed: pl.DataFrame, source: pl.DataFrame, problems: list[pl.DataFrame],
    hide: Callable[[pl.DataFrame], pl.DataFrame] | None,
) -> Checked:
    merged = pl.concat(problems) if problems else pl.DataFrame(
        schema={LINE: pl.Int64, "column_name": pl.String, "reason": pl.String}
    )
    per_row = (
        merged.with_columns(
            pl.format("{}: {}", "column_name", "reason").alias("reason")
        )
        .group_by(LINE, maintain_order=True)
        .agg(pl.col("column_name").unique(maintain_order=True).str.join(", "),
             pl.col("reason").unique(maintain_order=True).str.join("; "))
    )
    if per_row.height == 0:  # the common case: nothing to quarantine, no JSON to build
        return Checked(typed, per_row.with_columns(pl.lit(None, pl.String).alias("raw_values")))
    rows = source.join(per_row.select(LINE), on=LINE, how="semi")
    raw_json = (hide(rows) if hide else rows).drop(PROBLEM, PROBLEM_COLUMN, strict=False).select(
        LINE, pl.struct(pl.exclude(LINE)).struct.json_encode().alias("raw_values")
    )
    rejected = per_row.join(raw_json, on=LINE, how="left").sort(LINE)
    valid = typed.join(per_row.select(LINE), on=LINE, how="anti")
    return Checked(valid, rejected)
