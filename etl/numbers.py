"""The one number grammar of a file (CONTRACT §2): its decimal mark, and reading values by it.

The decimal mark of a file is its profile's `decimal`, else detected from the values of its
number columns: a value that reads under one mark only is evidence for it (`12,5`, `1.234,5`
and `1.234.567` for a comma; `12.50`, `1,234.5` for a point); the mark with more evidence wins.
With a decimal comma `.` is a thousands separator (`1.250` is 1250), with a decimal point `,`.
A value that reads differently under the two marks (`1.250`) in a file that gives no evidence
is quarantined as ambiguous. `€` and spaces are stripped; thousands groups have three digits
after a first group of one to three, which does not start with 0.
"""

from __future__ import annotations

import polars as pl

COMMA, POINT = ",", "."
MARK_NAMES = {COMMA: "komma", POINT: "punt"}
_COMMA_RX = r"^[-+]?(\d+|[1-9]\d{0,2}(\.\d{3})+)(,\d+)?$"
_POINT_RX = r"^[-+]?(\d+|[1-9]\d{0,2}(,\d{3})+)(\.\d+)?$"
_INT_GROUPED = r"^[1-9]\d{0,2}([.,]\d{3})+$"


def clean(raw: pl.Expr) -> pl.Expr:
    """A stripped text value without `€` and spaces (non-breaking ones included)."""
    return pl.when(raw.str.contains(r"[€\s]")).then(raw.str.replace_all(r"[€\s]", "")).otherwise(
        raw)


def evidence(raw: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """(reads under a decimal comma only, reads under a decimal point only) per value."""
    text = clean(raw)
    comma, point = text.str.contains(_COMMA_RX), text.str.contains(_POINT_RX)
    return comma & ~point, point & ~comma


def decide(comma_values: int, point_values: int) -> str | None:
    """The file's decimal mark from its evidence counts; None when there is none or a tie."""
    if comma_values == point_values:
        return None
    return COMMA if comma_values > point_values else POINT


def _under(text: pl.Expr, mark: str) -> pl.Expr:
    if mark == COMMA:
        return text.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True)
    return text.str.replace_all(",", "", literal=True)


def parse_number(raw: pl.Expr, mark: str | None) -> pl.Expr:
    """The float of a stripped text value under the file's decimal mark (None: no evidence, so
    a value is read by whichever mark it fits, and not at all when both fit differently)."""
    text = clean(raw)
    fits_comma, fits_point = text.str.contains(_COMMA_RX), text.str.contains(_POINT_RX)
    if mark == COMMA:
        value = pl.when(fits_comma).then(_under(text, COMMA))
    elif mark == POINT:
        value = pl.when(fits_point).then(_under(text, POINT))
    else:
        plain = text.str.contains(r"^[-+]?\d+$")
        value = (pl.when(plain).then(text)
                 .when(fits_comma & ~fits_point).then(_under(text, COMMA))
                 .when(fits_point & ~fits_comma).then(_under(text, POINT)))
    number = value.cast(pl.Float64, strict=False)
    return pl.when(number.is_finite()).then(number)


def parse_int(raw: pl.Expr, mark: str | None) -> pl.Expr:
    """The integer of a stripped text value: thousands groups (`1.250`, `1,250`) are 1250,
    unless their separator is the file's decimal mark."""
    text = clean(raw)
    separators = {None: ".,", COMMA: ".", POINT: ","}[mark]
    grouped = text.str.contains(_INT_GROUPED) & ~text.str.contains(
        "," if mark == COMMA else r"\." if mark == POINT else "^$")
    digits = text.str.replace_all(f"[{separators}]", "")
    return pl.when(grouped).then(digits).otherwise(text).cast(pl.Int64, strict=False)


def number_reason(raw: pl.Expr, mark: str | None, source: str) -> pl.Expr:
    """Why a stripped text value is no number, for values `parse_number` left empty; `source`
    says where the mark came from (`profiel`, `waarden`)."""
    text = clean(raw)
    fits_comma, fits_point = text.str.contains(_COMMA_RX), text.str.contains(_POINT_RX)
    reason = pl.when(text.str.contains(r"^[-–—]$")).then(pl.format(
        "geen getal: '{}' is een streepje; vul 0 in of laat de cel leeg", raw))
    if mark is None:
        reason = reason.when(fits_comma & fits_point).then(pl.format(
            "geen getal: '{}' is dubbelzinnig, {} met een decimale komma, {} met een decimale "
            "punt, en het bestand laat nergens zien welke het gebruikt; schrijf het getal zonder "
            "scheidingsteken voor duizendtallen of geef in een bronprofiel decimal op",
            raw, _under(text, COMMA), _under(text, POINT)))
    else:
        other = POINT if mark == COMMA else COMMA
        fits_other = fits_point if mark == COMMA else fits_comma
        reason = reason.when(fits_other).then(pl.format(
            "geen getal: '{}' is geschreven met een decimale {}, maar dit bestand gebruikt een "
            "decimale {} ({})", raw, pl.lit(MARK_NAMES[other]), pl.lit(MARK_NAMES[mark]),
            pl.lit(source)))
    return reason.when(text.str.contains(r"(?i)^[-+]?(nan|inf|infinity)$")).then(pl.format(
        "geen getal: '{}'", raw)).otherwise(pl.format(
            "geen getal: '{}' (alleen cijfers, een decimaalteken en eventueel € en "
            "scheidingstekens voor duizendtallen)", raw))
