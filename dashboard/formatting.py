"""The one formatter of figures, for the pages, the xlsx and the pdf reports:
1.234 · 45% · 1,9 · € 12.345 · € −9.652 · +3,2 %-punt · 25-11-2026 13:46.

Rounding is half up on the decimal value as written (Decimal), so 2.25 shows as 2,3 on a page,
in a PDF and in Excel (whose number formats round the same way; `KINDS` pairs each kind with
the Excel format that shows the same text). Display only: a figure is formatted, never rounded
itself. An empty figure (None: not computable or suppressed) is shown as a dash, never as 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import polars as pl

from dashboard.labels import label

EMPTY = "–"
MINUS = "\u2212"  # the minus sign of a negative amount of money (not the hyphen)


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value: float | None, decimals: int = 0) -> str:
    """1234.5 → '1.235' (decimals=0) or '1.234,5' (decimals=1)."""
    if _missing(value):
        return EMPTY
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def percent(share: float | None, decimals: int = 0) -> str:
    """A share 0–1 as a percentage: 0.4567 → '46%'."""
    return EMPTY if _missing(share) else f"{number(share * 100, decimals)}%"


def euro(value: float | None, *, change: bool = False) -> str:
    """An amount in whole euros: 12345.6 → '€ 12.346', -9652 → '€ −9.652'.

    A negative amount keeps the euro sign first and puts the minus sign (U+2212) before the
    digits: '€ −9.652', as the Dutch number conventions write it (Unicode CLDR, locale nl:
    `¤ #,##0.00;¤ -#,##0.00`, which Windows, macOS and Excel follow in nl-NL) and as Dutch
    annual accounts print a negative result. Every amount of money on a page, in a chart and in
    the xlsx and pdf goes through here (`text(v, "euro")` too; `KINDS["euro"]` gives Excel the
    format that shows the same). `change`: a difference, with '+' when positive. An amount
    that rounds to 0 has no sign.
    """
    if _missing(value):
        return EMPTY
    digits = number(abs(value))
    sign = "" if digits == "0" else MINUS if value < 0 else "+" if change else ""
    return f"€ {sign}{digits}"


def signed(value: float | None, decimals: int = 0, unit: str = "") -> str:
    """A change with its sign: 3.21 → '+3,2', -2 → '-2' (minus first, as st.metric reads it)."""
    if _missing(value):
        return EMPTY
    text = number(abs(value), decimals)
    sign = "+" if value > 0 else "-" if value < 0 else ""
    if text.strip("0,") == "":  # rounds to zero: no sign
        sign = ""
    return f"{sign}{text}{unit}"


def points(share_change: float | None, decimals: int = 1) -> str:
    """A change of a share in percentage points: 0.032 → '+3,2 %-punt'."""
    if _missing(share_change):
        return EMPTY
    return signed(share_change * 100, decimals, " %-punt")


def auto(value: float | None) -> str:
    """Whole numbers without decimals, others with one: 29.0 → '29', 29.5 → '29,5'."""
    if _missing(value):
        return EMPTY
    return number(value, 0 if float(value).is_integer() else 1)


def days(value: float | None) -> str:
    """A number of days in words: 29 → '29 dagen', 29.5 → '29,5 dagen'."""
    return EMPTY if value is None else label("fig_days", value=auto(value))


def rate(value: float | None) -> str:
    """A figure per 1,000 pupils, with one decimal: 4.25 → '4,3'."""
    return number(value, 1)


def yes_no(value: bool | None) -> str:
    return EMPTY if value is None else label("yes" if value else "no")


@dataclass(frozen=True)
class Kind:
    """How a kind of figure is written: its decimals and the Excel number formats (plain, and
    with a sign for a change) that show the same text as `text()`."""

    decimals: int
    excel: str
    excel_signed: str
    percent: bool = False  # a share 0–1 shown as a percentage (a change: in %-punt)


def _signed_format(body: str, unit: str = "") -> str:
    return f"+{body}{unit};-{body}{unit};{body}{unit}"


KINDS: dict[str, Kind] = {
    "count": Kind(0, "#,##0", _signed_format("#,##0")),  # pupils, referrals, places
    "hours": Kind(0, "#,##0", _signed_format("#,##0")),
    "days": Kind(1, "0.0", _signed_format("0.0")),
    "rate": Kind(1, "0.0", _signed_format("0.0")),  # per 1,000 pupils
    "dec1": Kind(1, "#,##0.0", _signed_format("#,##0.0")),
    # Excel's % multiplies by 100; a change of a share is in percentage points (see excel_value)
    "share": Kind(1, "0.0%", _signed_format("0.0", '" %-punt"'), percent=True),
    # money: '€ −9.652' (see euro()); the negative section writes the minus after the sign
    "euro": Kind(0, '"€ "#,##0;"€ \u2212"#,##0', '"€ +"#,##0;"€ \u2212"#,##0;"€ "#,##0'),
    # a share in whole percents (the public figures: shares rounded to whole percents)
    "share0": Kind(0, "0%", _signed_format("0", '" %-punt"'), percent=True),
}
KINDS["int"] = KINDS["count"]
DATETIME_EXCEL = "dd-mm-yyyy hh:mm"
DATE_EXCEL = "dd-mm-yyyy"


def text(value: object, kind: str = "text", *, change: bool = False) -> str:
    """Any figure of a table as shown everywhere: `kind` is a key of KINDS, `flag` (ja/nee),
    `auto` or `text`; dates and datetimes by their type. `change`: a difference, with its sign
    (a share in %-punt). None or NaN → the dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return EMPTY
    if kind in ("flag", "bool") or isinstance(value, bool):
        return yes_no(bool(value))
    if isinstance(value, datetime):
        return f"{value:%d-%m-%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    if not isinstance(value, int | float):
        return str(value)
    spec = KINDS.get(kind)
    if spec is None:
        return auto(value)
    if spec.percent:
        return points(value, spec.decimals) if change else percent(value, spec.decimals)
    if kind == "euro":
        return euro(value, change=change)
    return signed(value, spec.decimals) if change else number(value, spec.decimals)


def excel_format(kind: str, *, change: bool = False) -> str | None:
    """The Excel number format of a kind that shows the same text as `text()` (None: General)."""
    if kind == "datetime":
        return DATETIME_EXCEL
    if kind == "date":
        return DATE_EXCEL
    spec = KINDS.get(kind)
    if spec is None:
        return None
    return spec.excel_signed if change else spec.excel


def excel_value(value: float, kind: str, *, change: bool = False) -> float:
    """The number an Excel cell holds: the figure itself, except a change of a share, which
    is held in percentage points (Excel's % format cannot say %-punt)."""
    spec = KINDS.get(kind)
    return value * 100 if change and spec is not None and spec.percent else value


FORMATS: dict[str, Callable[[Any], str]] = {
    **{kind: (lambda v, k=kind: text(v, k)) for kind in KINDS},
    "auto": auto,
    "bool": yes_no,
    "text": lambda v: EMPTY if v is None else str(v),
}


def display_frame(frame: pl.DataFrame,
                  spec: dict[str, tuple[str, str | Callable[[Any], str]]]) -> pl.DataFrame:
    """A frame for reading: the columns of `spec` ({column: (Dutch header, format)}) as text.

    A format is a key of FORMATS or a function (e.g. a code's label). The figures are not
    changed, only written the Dutch way; an empty figure shows as a dash.
    """
    out = {}
    for column, (header, kind) in spec.items():
        fn = FORMATS[kind] if isinstance(kind, str) else kind
        out[header] = [fn(v) for v in frame[column].to_list()]
    return pl.DataFrame(out, schema={h: pl.String for h, _ in spec.values()})
